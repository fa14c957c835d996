import BillLayout

/// Collects monochrome rows into bitmaps of a fixed number of rows and hands each on when full.
struct BandSink: RowSink {
    private let width: Int
    private let bandHeight: Int
    private var band: Bitmap
    private var filled = 0
    private let deliver: (Bitmap) throws -> Void

    init(width: Int, bandHeight: Int, deliver: @escaping (Bitmap) throws -> Void) {
        self.width = width
        self.bandHeight = bandHeight
        self.band = Bitmap(width: width, height: bandHeight)
        self.deliver = deliver
    }

    mutating func write(_ strip: InkStrip) throws {
        let dots = min(width, strip.width)
        for y in 0..<strip.height {
            // Packed straight into the band's row.
            let start = filled * band.bytesPerRow
            strip.ink.withUnsafeBufferPointer { ink in
                band.bits.withUnsafeMutableBufferPointer { bits in
                    DotPacking.pack(
                        UnsafeBufferPointer(rebasing: ink[(y * strip.width)..<(y * strip.width + dots)]),
                        into: bits, at: start)
                }
            }
            try advance()
        }
    }

    mutating func writeBlank(rows: Int) throws {
        for _ in 0..<rows { try advance() }
    }

    /// Hands on the last, partly filled band.
    mutating func finish() throws {
        guard filled > 0 else { return }
        try deliver(band.rows(0..<filled))
        filled = 0
    }

    private mutating func advance() throws {
        filled += 1
        if filled == bandHeight {
            try deliver(band)
            band = Bitmap(width: width, height: bandHeight)
            filled = 0
        }
    }
}
