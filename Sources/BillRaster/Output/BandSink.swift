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
        let bytesPerRow = band.bytesPerRow
        for y in 0..<strip.height {
            // Pack eight dots a byte straight into the band's row (it starts white).
            let start = filled * bytesPerRow
            strip.ink.withUnsafeBufferPointer { ink in
                let row = y * strip.width
                for x in 0..<min(width, strip.width) where ink[row + x] >= 128 {
                    band.bits[start + x >> 3] |= 0x80 >> UInt8(x & 7)
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
