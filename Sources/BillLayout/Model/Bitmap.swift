/// A 1-bit image, packed the way ESC/POS raster commands want it: rows top to bottom, each row
/// `bytesPerRow` bytes, most significant bit leftmost, 1 = black (a printed dot).
public struct Bitmap: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public let bytesPerRow: Int
    /// `height × bytesPerRow` bytes.
    public var bits: [UInt8]

    /// A white bitmap of `width × height` dots.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.bytesPerRow = (self.width + 7) / 8
        self.bits = [UInt8](repeating: 0, count: self.bytesPerRow * self.height)
    }

    /// A bitmap over packed rows; nil when `bits` has the wrong length.
    public init?(width: Int, height: Int, bits: [UInt8]) {
        guard width >= 0, height >= 0, bits.count == ((width + 7) / 8) * height else { return nil }
        self.width = width
        self.height = height
        self.bytesPerRow = (width + 7) / 8
        self.bits = bits
    }

    /// Whether the dot at `x`, `y` is black; false outside the bitmap. (Inlinable: back ends read
    /// and write every dot.)
    @inlinable
    public subscript(x: Int, y: Int) -> Bool {
        get {
            guard x >= 0, y >= 0, x < width, y < height else { return false }
            return bits[y * bytesPerRow + x >> 3] & (0x80 >> UInt8(x & 7)) != 0
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            let i = y * bytesPerRow + x >> 3
            let mask: UInt8 = 0x80 >> UInt8(x & 7)
            if newValue { bits[i] |= mask } else { bits[i] &= ~mask }
        }
    }

    /// Rows `range` as a bitmap of their own.
    public func rows(_ range: Range<Int>) -> Bitmap {
        let lo = max(0, min(range.lowerBound, height))
        let hi = max(lo, min(range.upperBound, height))
        return Bitmap(width: width, height: hi - lo, bits: Array(bits[(lo * bytesPerRow)..<(hi * bytesPerRow)]))!
    }

    /// The number of black dots.
    public var blackCount: Int { bits.reduce(0) { $0 + $1.nonzeroBitCount } }
}
