/// Bounds on untrusted SVG.
public struct SVGLimits: Sendable, Equatable, Hashable {
    /// The largest SVG document accepted, in UTF-8 bytes (default 1 MiB).
    public var maxBytes: Int

    public init(maxBytes: Int = 1 << 20) {
        self.maxBytes = maxBytes
    }
}
