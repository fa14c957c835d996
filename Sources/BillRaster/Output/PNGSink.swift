/// Streams rows into a PNG, enlarging each monochrome dot to `replicate × replicate` pixels.
struct PNGSink: RowSink {
    let writer: PNGStreamWriter
    let replicate: Int
    private let blankRow: ArraySlice<UInt8>

    init(writer: PNGStreamWriter, replicate: Int) {
        self.writer = writer
        self.replicate = replicate
        self.blankRow = ArraySlice(repeating: 0, count: writer.width)
    }

    mutating func write(_ strip: InkStrip) throws {
        for y in 0..<strip.height {
            let row = strip.row(y)
            let wide = replicate == 1 ? row : ArraySlice(row.flatMap { repeatElement($0, count: replicate) })
            for _ in 0..<replicate { try writer.writeRow(wide) }
        }
    }

    mutating func writeBlank(rows: Int) throws {
        for _ in 0..<(rows * replicate) { try writer.writeRow(blankRow) }
    }
}
