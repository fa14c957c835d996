import Foundation
import TestSupport

/// PNG goldens compared by decoded pixels, never by PNG bytes.
///
/// Recording follows ``Golden``: with `BILLRENDER_RECORD=1` the actual PNG is written over the
/// golden and the test fails, so every recorded image is looked at before it is trusted. On a
/// mismatch the actual PNG and a diff image go to `.build/golden-actual/`.
public enum PixelGolden {
    /// Compares the PNG `actual` with the golden PNG at `relativePath` (under `golden/`).
    /// - Returns: why they do not match (pixels differ, the golden is missing or cannot be decoded,
    ///   it was just recorded); nil when they match.
    public static func mismatch(png actual: [UInt8], matches relativePath: String) -> String? {
        let url = Repository.golden.appendingPathComponent(relativePath)
        if Golden.recording {
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: url.path, contents: Data(actual))
            return "recorded golden/\(relativePath): look at it, then run without BILLRENDER_RECORD"
        }
        guard let expectedBytes = FileManager.default.contents(atPath: url.path) else {
            return "golden/\(relativePath) is missing; record it with BILLRENDER_RECORD=1 and look at it"
        }
        let expected: PixelImage
        let image: PixelImage
        do {
            expected = try PixelPNG.decode([UInt8](expectedBytes))
            image = try PixelPNG.decode(actual)
        } catch {
            return "golden/\(relativePath): cannot decode: \(error)"
        }
        let name = relativePath.replacingOccurrences(of: "/", with: "_")
        let result = PixelCompare.compare(image, expected, name: name)
        guard !result.matches else { return nil }
        let size =
            result.sameSize
            ? "" : " (size \(image.width)×\(image.height), expected \(expected.width)×\(expected.height))"
        return
            "golden/\(relativePath): \(result.differing) pixels differ\(size); see \(result.written.joined(separator: ", "))"
    }
}
