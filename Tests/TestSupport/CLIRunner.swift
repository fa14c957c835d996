import Foundation

/// Runs the built `billrender` binary, as a user would.
public enum CLIRunner {
    /// What a run printed and how it ended.
    public struct Result: Sendable {
        public var stdout: [UInt8]
        public var stderr: String
        public var status: Int32
        /// True when the process was ended by a signal (a crash).
        public var signalled: Bool
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// The binary next to the test bundle (`.build/<config>/billrender`).
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["BILLRENDER_BIN"] { return URL(fileURLWithPath: path) }
        var dir = Bundle.main.bundleURL
        if dir.pathExtension == "xctest"
            || !FileManager.default.fileExists(atPath: dir.appendingPathComponent("billrender").path)
        {
            dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        }
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("billrender")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return Repository.root.appendingPathComponent(".build/debug/billrender")
    }

    /// Runs `billrender ARGS` with `stdin` as standard input.
    public static func run(_ arguments: [String], stdin: [UInt8] = [], currentDirectory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = currentDirectory ?? Repository.root
        // Files, not pipes: no thread has to drain them, and a large output cannot block the child.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billrender-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let inURL = dir.appendingPathComponent("in")
        let outURL = dir.appendingPathComponent("out")
        let errURL = dir.appendingPathComponent("err")
        FileManager.default.createFile(atPath: inURL.path, contents: Data(stdin))
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let input = try FileHandle(forReadingFrom: inURL)
        let output = try FileHandle(forWritingTo: outURL)
        let error = try FileHandle(forWritingTo: errURL)
        defer {
            try? input.close()
            try? output.close()
            try? error.close()
        }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        process.waitUntilExit()
        let out = (try? Data(contentsOf: outURL)) ?? Data()
        let errData = (try? Data(contentsOf: errURL)) ?? Data()
        return Result(
            stdout: [UInt8](out), stderr: String(decoding: errData, as: UTF8.self),
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal)
    }
}
