import Foundation
import Testing

/// PNG goldens compared by decoded pixels, never by PNG bytes.
///
/// Recording follows ``Golden``: with `BILLRENDER_RECORD=1` the actual PNG is written over the
/// golden and the test fails, so every recorded image is looked at before it is trusted. On a
/// mismatch the actual PNG and a diff image go to `.build/golden-actual/`.
public enum PixelGolden {
    /// Compares the PNG `actual` with the golden PNG at `relativePath` (under `golden/`).
    public static func assert(
        png actual: [UInt8], matches relativePath: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let url = Repository.golden.appendingPathComponent(relativePath)
        if Golden.recording {
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: url.path, contents: Data(actual))
            Issue.record(
                "recorded golden/\(relativePath): look at it, then run without BILLRENDER_RECORD",
                sourceLocation: sourceLocation)
            return
        }
        guard let expectedBytes = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "golden/\(relativePath) is missing; record it with BILLRENDER_RECORD=1 and look at it",
                sourceLocation: sourceLocation)
            return
        }
        do {
            let expected = try PixelPNG.decode([UInt8](expectedBytes))
            let image = try PixelPNG.decode(actual)
            let name = relativePath.replacingOccurrences(of: "/", with: "_")
            let result = PixelCompare.compare(image, expected, name: name)
            if !result.matches {
                let size =
                    result.sameSize
                    ? "" : " (size \(image.width)×\(image.height), expected \(expected.width)×\(expected.height))"
                let files = result.written.joined(separator: ", ")
                Issue.record(
                    "golden/\(relativePath): \(result.differing) pixels differ\(size); see \(files)",
                    sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record("golden/\(relativePath): cannot decode: \(error)", sourceLocation: sourceLocation)
        }
    }
}
