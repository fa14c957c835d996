import Foundation

/// Golden files: compared byte for byte; recorded only on request.
///
/// Set `BILLRENDER_RECORD=1` to write the actual output over the golden. A recording run fails on
/// purpose, so that nothing unreviewed slips in: read (or look at) what was recorded, then run again.
public enum Golden {
    /// True when the environment asks for goldens to be recorded.
    public static var recording: Bool { ProcessInfo.processInfo.environment["BILLRENDER_RECORD"] == "1" }

    /// Compares `actual` with the golden at `relativePath` (under `golden/`).
    /// - Returns: why they do not match (they differ, the golden is missing, it was just recorded);
    ///   nil when they match. Tests check `#expect(Golden.mismatch(…) == nil)`.
    public static func mismatch(_ actual: [UInt8], matches relativePath: String) -> String? {
        let url = Repository.golden.appendingPathComponent(relativePath)
        if recording {
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: url.path, contents: Data(actual))
            return "recorded golden/\(relativePath): review it, then run without BILLRENDER_RECORD"
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            return "golden/\(relativePath) is missing; record it with BILLRENDER_RECORD=1 and review it"
        }
        if [UInt8](expected) == actual { return nil }
        let out = Repository.actualOutputs.appendingPathComponent(relativePath)
        try? FileManager.default.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: out.path, contents: Data(actual))
        return
            ("golden/\(relativePath) differs: \(firstDifference(expected: [UInt8](expected), actual: actual)); actual output written to \(out.path)")
    }

    /// Compares text with the golden at `relativePath`.
    public static func mismatch(_ actual: String, matches relativePath: String) -> String? {
        mismatch(Array(actual.utf8), matches: relativePath)
    }

    /// Where two outputs first part: a line number for text, a byte offset otherwise.
    static func firstDifference(expected: [UInt8], actual: [UInt8]) -> String {
        if let e = String(validating: expected, as: UTF8.self), let a = String(validating: actual, as: UTF8.self) {
            let el = e.split(separator: "\n", omittingEmptySubsequences: false)
            let al = a.split(separator: "\n", omittingEmptySubsequences: false)
            for i in 0..<max(el.count, al.count) {
                let x = i < el.count ? String(el[i]) : "<end>"
                let y = i < al.count ? String(al[i]) : "<end>"
                if x != y { return "line \(i + 1): expected \"\(x)\", got \"\(y)\"" }
            }
        }
        let n = zip(expected, actual).prefix { $0 == $1 }.count
        return "byte \(n) (expected \(expected.count) bytes, got \(actual.count))"
    }
}
