import BillLayout

/// Collects monochrome rows into one bitmap (for single blocks and short layouts).
struct BitmapSink: RowSink {
    let width: Int
    private(set) var bits: [UInt8] = []
    private(set) var height = 0
    private var bytesPerRow: Int { (width + 7) / 8 }

    init(width: Int) {
        self.width = width
    }

    mutating func write(_ strip: InkStrip) throws {
        for y in 0..<strip.height {
            var row = [UInt8](repeating: 0, count: bytesPerRow)
            var x = 0
            for value in strip.row(y) {
                if value >= 128 { row[x >> 3] |= 0x80 >> UInt8(x & 7) }
                x += 1
            }
            bits += row
            height += 1
        }
    }

    mutating func writeBlank(rows: Int) throws {
        bits += [UInt8](repeating: 0, count: rows * bytesPerRow)
        height += rows
    }

    var bitmap: Bitmap { Bitmap(width: width, height: height, bits: bits) ?? Bitmap(width: width, height: 0) }
}
