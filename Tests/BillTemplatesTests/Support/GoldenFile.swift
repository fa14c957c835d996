import Foundation
import Testing

/// Compares output with a reviewed golden file under `golden/templates/`.
///
/// `BILLRENDER_RECORD=1 swift test --filter BillTemplatesTests` writes the goldens and fails, so a
/// recorded file is read before it is committed. On a mismatch the actual output is written under
/// `.build/golden-actual/templates/` for `diff`.
enum GoldenFile {
    static var recording: Bool { ProcessInfo.processInfo.environment["BILLRENDER_RECORD"] == "1" }

    static func check(_ actual: String, _ relative: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = RepoPaths.url("golden/templates/" + relative)
        if recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record("recorded golden/templates/\(relative): review it, then run again without BILLRENDER_RECORD",
                         sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no golden golden/templates/\(relative): record with BILLRENDER_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let out = RepoPaths.url(".build/golden-actual/templates/" + relative)
            try FileManager.default.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: out)
            Issue.record("golden/templates/\(relative) differs; actual output: \(out.path)", sourceLocation: sourceLocation)
        }
    }
}
