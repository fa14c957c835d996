#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A job's identifier: four printable ASCII characters, which is what `GS ( H` function 48 takes
/// as a process ID (`d1`–`d4`, 20h–7Eh; here without the space), so the printer's answer names the job.
public struct PrintJobID: Sendable, Hashable, CustomStringConvertible {
    /// The four characters.
    public let text: String

    /// `text` when it is four characters from `!` to `~`, otherwise nil.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 4, bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        self.text = text
    }

    /// A fresh identifier of four digits and capital letters (1.7 million of them), from the
    /// system's random source.
    public static func make() -> PrintJobID {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".utf8)  // no I or O, read aloud at a till
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] }
        return PrintJobID(unchecked: String(decoding: bytes, as: UTF8.self))
    }

    private init(unchecked text: String) { self.text = text }

    /// The four bytes as sent in `GS ( H`.
    public var bytes: [UInt8] { Array(text.utf8) }

    public var description: String { text }
}

/// A bill's bytes on their way to a printer, and the job's identifier.
public struct PrintJob: Sendable, Equatable {
    /// Appears in every message about the job and, with `--confirm`, in the printer's answer.
    public var id: PrintJobID
    /// The printer's bytes (ESC/POS or another printer language), sent as they are.
    public var bytes: [UInt8]

    public init(bytes: [UInt8], id: PrintJobID = .make()) {
        self.id = id
        self.bytes = bytes
    }
}

/// What became of a job: the three answers a POS needs to decide what to do next.
public enum PrintOutcome: Sendable, Equatable, CustomStringConvertible {
    /// The printer (or the spooler) confirmed the job: it printed.
    case printed(PrintReceipt)
    /// Bytes left for the printer, but nothing confirms they printed. Never sent again by billrender:
    /// a person should look at the printer before printing the bill again.
    case sent(PrintReceipt, Unconfirmed)
    /// Not one byte of the bill left: safe to print again once the reason is dealt with.
    case notStarted(PrintJobID, PrintError)

    /// The job's identifier.
    public var job: PrintJobID {
        switch self {
        case .printed(let r), .sent(let r, _): return r.job
        case .notStarted(let id, _): return id
        }
    }

    /// Warnings gathered on the way (paper near end, a printer that did not report its status).
    public var warnings: [String] {
        switch self {
        case .printed(let r), .sent(let r, _): return r.warnings
        case .notStarted: return []
        }
    }

    public var description: String {
        switch self {
        case .printed(let r):
            return "job \(r.job) printed at \(r.destination)" + (r.spoolerJob.map { " (CUPS job \($0))" } ?? "")
                + ", confirmed by the " + (r.spoolerJob == nil ? "printer" : "spooler")
        case .sent(let r, let why):
            return "job \(r.job) sent to \(r.destination)" + (r.spoolerJob.map { " as CUPS job \($0)" } ?? "")
                + (why == .notRequested ? "" : ", not confirmed: \(why)")
        case .notStarted(let id, let error):
            return "job \(id) not printed, nothing was sent: \(error)"
        }
    }
}

/// Where a job went and what was seen on the way.
public struct PrintReceipt: Sendable, Equatable {
    public var job: PrintJobID
    /// The destination as written (`tcp://…`, a path, `serial:…`, `cups:…`).
    public var destination: String
    /// Bytes of the bill that left.
    public var bytesSent: Int
    /// Bytes of the bill.
    public var totalBytes: Int
    /// The printer's status before the bill, where it reported one.
    public var statusBefore: PrinterStatus?
    /// The CUPS job id, for `cups:` destinations.
    public var spoolerJob: Int?
    public var warnings: [String]

    public init(
        job: PrintJobID, destination: String, bytesSent: Int, totalBytes: Int, statusBefore: PrinterStatus? = nil,
        spoolerJob: Int? = nil, warnings: [String] = []
    ) {
        self.job = job
        self.destination = destination
        self.bytesSent = bytesSent
        self.totalBytes = totalBytes
        self.statusBefore = statusBefore
        self.spoolerJob = spoolerJob
        self.warnings = warnings
    }
}

/// Why a job that was sent is not known to have printed.
public enum Unconfirmed: Sendable, Equatable, CustomStringConvertible {
    /// No confirmation was asked for (print without `--confirm`).
    case notRequested
    /// The printer cannot confirm (its profile has no process-ID response, or the destination does
    /// not talk back).
    case unsupported(String)
    /// No answer within the timeout; `status` is what the printer said when asked afterwards.
    case noAnswer(seconds: Double, status: PrinterStatus?)
    /// The connection closed before the answer.
    case connectionClosed(status: PrinterStatus?)
    /// Sending stopped part way.
    case interrupted(PrintError)
    /// The spooler gave up on the job (CUPS `aborted` or `canceled`).
    case spoolerGaveUp(state: String, reason: String)

    public var description: String {
        switch self {
        case .notRequested: return "no confirmation asked for"
        case .unsupported(let why): return why
        case .noAnswer(let seconds, let status):
            return "no answer from the printer within \(PrintError.seconds(seconds)) s"
                + (status.map { $0.isReady ? "" : " (\($0.summary))" } ?? "") + "; not resent, check the printer"
        case .connectionClosed(let status):
            return "the printer closed the connection before confirming"
                + (status.map { $0.isReady ? "" : " (\($0.summary))" } ?? "") + "; not resent, check the printer"
        case .interrupted(let error): return "\(error)"
        case .spoolerGaveUp(let state, let reason):
            return "CUPS reports the job \(state)" + (reason.isEmpty ? "" : ": \(reason)")
                + "; not resent, check the printer"
        }
    }
}
