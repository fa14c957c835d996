import ArgumentParser
import BillRender

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failure with the exit code and the one-line message the CLI prints.
struct CLIFailure: Error {
    enum Code: Int32 {
        case invalidBill = 1
        case usage = 64
        case noInput = 66
        case unavailable = 69
        case cantCreate = 73
        /// Sent (some or all of it) but not confirmed: not resent.
        case notConfirmed = 74
        /// The printer says it cannot print now (paper end, cover open, an error): nothing sent.
        case notReady = 75
    }

    let code: Code
    let message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
}

/// Input, output and messages for the commands.
enum CLIIO {
    /// Reads `path` ('-' for standard input), refusing more than `limit` bytes.
    static func read(_ path: String, limit: Int) throws -> [UInt8] {
        do throws(FileIO.ReadFailure) {
            if path == "-" { return try FileIO.readStandardInput(limit: limit) }
            return try FileIO.readFile(path: path, limit: limit)
        } catch {
            switch error {
            case .noSuchFile: throw CLIFailure(.noInput, "\(path): no such file")
            case .isDirectory: throw CLIFailure(.noInput, "\(path): is a directory, not a bill")
            case .cannotOpen: throw CLIFailure(.noInput, "\(path): cannot be read (permission?)")
            case .readFailed(let code): throw CLIFailure(.noInput, "\(path): \(String(cString: strerror(code)))")
            }
        }
    }

    /// Writes `bytes` to `path`, or to standard output when `path` is nil or '-'.
    static func write(_ bytes: [UInt8], to path: String?) throws {
        if let path, path != "-" {
            guard FileIO.writeFile(bytes, path: path) else {
                throw CLIFailure(.cantCreate, "\(path): cannot be written")
            }
            return
        }
        FileIO.writeAll(bytes, fd: STDOUT_FILENO)
    }

    /// Whether standard output is a terminal.
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }

    /// Prints a line to standard error.
    static func warn(_ line: String) {
        FileIO.writeAll(Array(("billrender: " + line + "\n").utf8), fd: STDERR_FILENO)
    }

    /// Prints a line to standard output.
    static func writeLine(_ line: String) {
        FileIO.writeAll(Array((line + "\n").utf8), fd: STDOUT_FILENO)
    }

    /// Prints each diagnostic on standard error.
    static func report(_ diagnostics: [Diagnostic]) {
        for d in diagnostics { warn(d.description) }
    }

    /// Runs `body`, turning failures into one line on standard error and an exit code.
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as CLIFailure {
            warn(failure.message)
            throw ExitCode(failure.code.rawValue)
        } catch let error as BillRenderError {
            if case .languageUnsupported = error {
                warn(error.description)
                throw ExitCode(CLIFailure.Code.usage.rawValue)
            }
            if case .invalidBill(let diagnostics) = error {
                report(diagnostics)
                let errors = diagnostics.filter { $0.severity == .error }.count
                if diagnostics.count > 1 || errors == 0 {
                    warn(
                        errors > 0
                            ? "the bill was not rendered: \(errors) error\(errors == 1 ? "" : "s")"
                            : "the bill was not rendered: \(diagnostics.count) warning\(diagnostics.count == 1 ? "" : "s") under --strict"
                    )
                }
            } else {
                warn(error.description)
            }
            throw ExitCode(CLIFailure.Code.invalidBill.rawValue)
        }
    }
}
