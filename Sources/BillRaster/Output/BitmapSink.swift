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
        let dots = min(width, strip.width)
        for y in 0..<strip.height {
            let start = bits.count
            bits.append(contentsOf: repeatElement(0, count: bytesPerRow))
            strip.ink.withUnsafeBufferPointer { ink in
                bits.withUnsafeMutableBufferPointer { bits in
                    DotPacking.pack(
                        UnsafeBufferPointer(rebasing: ink[(y * strip.width)..<(y * strip.width + dots)]),
                        into: bits, at: start)
                }
            }
            height += 1
        }
    }

    mutating func writeBlank(rows: Int) throws {
        bits += [UInt8](repeating: 0, count: rows * bytesPerRow)
        height += rows
    }

    var bitmap: Bitmap { Bitmap(width: width, height: height, bits: bits) ?? Bitmap(width: width, height: 0) }
}
