import BillModel

/// A 1-bit bitmap drawn from a layout or block.
public struct RasterBitmap: Sendable, Equatable {
    /// The dots, `grid.dotsWidth` wide.
    public var bitmap: Bitmap
    /// Pictures and QR codes that were left out, with the JSON path they came from.
    public var diagnostics: [Diagnostic]

    public init(bitmap: Bitmap, diagnostics: [Diagnostic] = []) {
        self.bitmap = bitmap
        self.diagnostics = diagnostics
    }
}
