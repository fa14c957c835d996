/// Limits and choices for reading a bill.
public struct DecodingOptions: Sendable, Equatable {
    /// The largest input accepted, in bytes (default 8 MiB).
    public var maxInputBytes: Int
    /// The deepest JSON nesting accepted (default 64; a bill needs about 8).
    public var maxDepth: Int
    /// The most order items accepted (default 10,000).
    public var maxItems: Int
    /// The longest text field accepted, in characters; longer text is cut, with a warning (default 4,096).
    public var maxTextLength: Int

    public init(maxInputBytes: Int = 8 << 20, maxDepth: Int = 64, maxItems: Int = 10_000, maxTextLength: Int = 4_096) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxItems = maxItems
        self.maxTextLength = maxTextLength
    }
}
