import Foundation

/// Runs an independent reader (poppler's pdftotext, pdfinfo, …, rsvg-convert, zbarimg) on files.
public enum ExternalTool {
    /// What the tool printed on standard output, and its exit status.
    public struct Output: Sendable {
        public var text: String
        public var bytes: [UInt8]
        public var status: Int32
    }

    /// Runs `/usr/bin/NAME ARGS`; standard error is dropped.
    public static func run(_ name: String, _ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/" + name)
        process.arguments = arguments
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billrender-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("out")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outURL)
        defer { try? output.close() }
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let bytes = [UInt8]((try? Data(contentsOf: outURL)) ?? Data())
        return Output(text: String(decoding: bytes, as: UTF8.self), bytes: bytes, status: process.terminationStatus)
    }

    /// Whether `/usr/bin/NAME` exists (tools/setup installs every reader the tests use).
    public static func available(_ name: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/" + name)
    }
}
