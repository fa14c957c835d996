/// A run of rendered rows, full output width: one byte per pixel, 0 = paper, 255 = full ink.
///
/// In the monochrome style every value is 0 or 255.
struct InkStrip: Sendable {
    let width: Int
    let height: Int
    var ink: [UInt8]

    /// A blank strip.
    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        self.ink = [UInt8](repeating: 0, count: width * height)
    }

    /// The pixels of row `y`.
    func row(_ y: Int) -> ArraySlice<UInt8> { ink[(y * width)..<((y + 1) * width)] }
}

/// Where rendered rows go, top to bottom: a PNG stream, ESC/POS bands or one bitmap.
protocol RowSink {
    /// Appends the rows of `strip`.
    mutating func write(_ strip: InkStrip) throws
    /// Appends `rows` blank rows without materialising them.
    mutating func writeBlank(rows: Int) throws
}
