import Foundation
import TestSupport

/// Compares images by decoded pixels and, on a mismatch, writes the actual image and a diff image
/// into `.build/golden-actual/` for a person to open.
public enum PixelCompare {
    /// The outcome of a comparison.
    public struct Result: Sendable, Equatable {
        /// Whether both images have the same size.
        public var sameSize: Bool
        /// Pixels whose gray values differ (every pixel when the sizes differ).
        public var differing: Int
        /// Where the actual and diff images were written, when they differ.
        public var written: [String]

        public var matches: Bool { sameSize && differing == 0 }
    }

    /// The folder mismatches are written to: `<package>/.build/golden-actual`.
    public static var outputFolder: URL { Repository.actualOutputs }

    /// The number of pixels that differ; every pixel of the larger image when the sizes differ.
    public static func differingPixels(_ a: PixelImage, _ b: PixelImage) -> Int {
        guard a.width == b.width, a.height == b.height else { return max(a.gray.count, b.gray.count) }
        return zip(a.gray, b.gray).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) }
    }

    /// Compares `actual` with `expected`; on a mismatch writes `<name>.actual.png` and
    /// `<name>.diff.png` (differing pixels black on a faint copy of the expected image).
    public static func compare(_ actual: PixelImage, _ expected: PixelImage, name: String) -> Result {
        let sameSize = actual.width == expected.width && actual.height == expected.height
        let differing = differingPixels(actual, expected)
        guard differing > 0 else { return Result(sameSize: true, differing: 0, written: []) }
        let folder = outputFolder
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let actualURL = folder.appendingPathComponent("\(name).actual.png")
        let diffURL = folder.appendingPathComponent("\(name).diff.png")
        try? Data(PixelPNG.encode(actual)).write(to: actualURL)
        let width = max(actual.width, expected.width)
        let height = max(actual.height, expected.height)
        var diff = PixelImage(width: width, height: height, gray: [UInt8](repeating: 255, count: width * height))
        for y in 0..<height {
            for x in 0..<width {
                let same = actual[x, y] == expected[x, y]
                diff.gray[y * width + x] = same ? (expected[x, y] < 128 ? 215 : 255) : 0
            }
        }
        try? Data(PixelPNG.encode(diff)).write(to: diffURL)
        return Result(sameSize: sameSize, differing: differing, written: [actualURL.path, diffURL.path])
    }
}
