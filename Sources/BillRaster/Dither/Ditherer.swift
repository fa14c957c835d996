/// Turns gray rows into 1-bit rows one at a time, carrying diffused error to the rows below, so a
/// picture can be dithered strip by strip with the same result as in one piece.
struct Ditherer {
    private let method: DitherMethod
    private let width: Int
    /// Error for the current row and the two below, with two pixels of padding on each side.
    private var errors: [[Int32]]

    init(method: DitherMethod, width: Int) {
        self.method = method
        self.width = width
        self.errors = Array(repeating: [Int32](repeating: 0, count: width + 4), count: 3)
    }

    /// The ink of one row (0 or 255) for `luma` (0 = black … 255 = white, `width` values).
    mutating func dither(_ luma: ArraySlice<UInt8>) -> [UInt8] {
        var ink = [UInt8](repeating: 0, count: width)
        var base = luma.startIndex
        for x in 0..<width {
            let value = Int32(luma[base]) + errors[0][x + 2]
            base += 1
            let black = value < 128
            ink[x] = black ? 255 : 0
            let error = value - (black ? 0 : 255)
            switch method {
            case .threshold:
                break
            case .floydSteinberg:
                errors[0][x + 3] += error * 7 / 16
                errors[1][x + 1] += error * 3 / 16
                errors[1][x + 2] += error * 5 / 16
                errors[1][x + 3] += error / 16
            case .atkinson:
                let share = error / 8
                errors[0][x + 3] += share
                errors[0][x + 4] += share
                errors[1][x + 1] += share
                errors[1][x + 2] += share
                errors[1][x + 3] += share
                errors[2][x + 2] += share
            }
        }
        errors.removeFirst()
        errors.append([Int32](repeating: 0, count: width + 4))
        return ink
    }
}
