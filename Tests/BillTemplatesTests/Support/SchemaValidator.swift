import Foundation
import TestSupport
import Testing

/// Runs `tools/validate-schema.py` (python3 + jsonschema) on bill files: an independent check
/// against the spec's `OrderBill` schema.
enum SchemaValidator {
    /// The script's output and exit status for `files` (paths relative to the repository or absolute).
    static func run(_ files: [String], schema: String = "OrderBill") throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", Repository.root.appendingPathComponent("tools/validate-schema.py").path, "--schema", schema]
            + files
        process.currentDirectoryURL = Repository.root
        process.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Writes each JSON text to a temporary file and validates them all in one run.
    static func validate(texts: [String: String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "billrender-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(name.replacingOccurrences(of: "/", with: "--") + ".json")
            try Data(text.utf8).write(to: url)
            paths.append(url.path)
        }
        let result = try run(paths)
        #expect(result.status == 0, "schema validation failed:\n\(result.output)", sourceLocation: sourceLocation)
    }
}
