import BillModel

/// A PNG drawn from a layout.
public struct RasterPNG: Sendable, Equatable {
    /// The PNG file.
    public var bytes: [UInt8]
    /// Its size in pixels.
    public var width: Int
    public var height: Int
    /// Pictures and QR codes that were left out, with the JSON path they came from.
    public var diagnostics: [Diagnostic]
}
