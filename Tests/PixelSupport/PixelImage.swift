/// A decoded grayscale image for pixel comparisons: 0 = black, 255 = white.
public struct PixelImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `width × height` gray values, row by row.
    public var gray: [UInt8]

    public init(width: Int, height: Int, gray: [UInt8]) {
        self.width = width
        self.height = height
        self.gray = gray
    }

    /// The gray value at `x`, `y` (white outside the image).
    public subscript(x: Int, y: Int) -> UInt8 {
        guard x >= 0, y >= 0, x < width, y < height else { return 255 }
        return gray[y * width + x]
    }

    /// The number of pixels darker than mid-gray.
    public var darkCount: Int { gray.reduce(0) { $0 + ($1 < 128 ? 1 : 0) } }

    /// Rows `range` as an image of their own.
    public func rows(_ range: Range<Int>) -> PixelImage {
        PixelImage(
            width: width, height: range.count,
            gray: Array(gray[(range.lowerBound * width)..<(range.upperBound * width)]))
    }
}
