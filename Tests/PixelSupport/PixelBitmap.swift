import BillLayout

extension PixelImage {
    /// The image as printer dots: a pixel darker than mid-gray is a black dot.
    public var bitmap: Bitmap {
        var bitmap = Bitmap(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width where gray[y * width + x] < 128 { bitmap[x, y] = true }
        }
        return bitmap
    }
}

extension Bitmap {
    /// The first row `y` at or after `from` where `other` (no wider than this bitmap) matches
    /// this bitmap's dots, left-aligned, with nothing black to the right of `other` in those rows;
    /// nil when it appears nowhere.
    public func firstRow(showing other: Bitmap, from: Int = 0) -> Int? {
        guard other.width <= width, other.height <= height, other.height > 0 else { return nil }
        func matches(_ y: Int, _ row: Int) -> Bool {
            for x in 0..<width where self[x, y] != other[x, row] { return false }
            return true
        }
        var y = max(0, from)
        while y + other.height <= height {
            if matches(y, 0), (1..<other.height).allSatisfy({ matches(y + $0, $0) }) { return y }
            y += 1
        }
        return nil
    }
}
