/// Why bytes did not reach a printer, in words a person at the till can act on.
public enum PrintError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--to` is neither `tcp://HOST[:PORT]` nor a path.
    case invalidDestination(String, reason: String)
    /// The host name did not resolve.
    case unknownHost(String, reason: String)
    /// No connection within the timeout, after every attempt.
    case nothingAnswered(host: String, port: Int, seconds: Double, attempts: Int)
    /// The host said no one listens on that port, after every attempt.
    case refused(host: String, port: Int, attempts: Int)
    /// Connecting failed for another reason.
    case connectFailed(host: String, port: Int, reason: String)
    /// The device or file could not be opened.
    case openFailed(path: String, reason: String)
    /// Writing stopped part way; a partial bill is not sent again.
    case writeFailed(destination: String, sent: Int, total: Int, reason: String)
    /// The printer stopped taking bytes for longer than the timeout.
    case writeTimedOut(destination: String, sent: Int, total: Int, seconds: Double)
    /// The printer reports a state in which it does not print (paper end, cover open, an error).
    case notReady(destination: String, status: PrinterStatus)
    /// The serial line could not be set up (speed, framing, flow control).
    case serialSetupFailed(path: String, reason: String)
    /// The destination cannot report its status (a plain file, a write-only device, a spooler).
    case statusUnavailable(destination: String, reason: String)
    /// The printer did not answer a status request within the timeout.
    case statusTimedOut(destination: String, seconds: Double)
    /// CUPS refused the job or could not be reached.
    case spoolerFailed(queue: String, reason: String)

    public var description: String {
        switch self {
        case .invalidDestination(let d, let reason): return "cannot print to \"\(d)\": \(reason)"
        case .unknownHost(let host, let reason): return "cannot find printer host \(host): \(reason)"
        case .nothingAnswered(let host, let port, let seconds, let attempts):
            return "nothing answered at \(Self.address(host, port)) within \(Self.seconds(seconds)) s"
                + (attempts > 1 ? " (\(attempts) attempts)" : "") + "; is the printer on and on the network?"
        case .refused(let host, let port, let attempts):
            return "\(Self.address(host, port)) refused the connection"
                + (attempts > 1 ? " (\(attempts) attempts)" : "") + "; is the printer on and is \(port) its raw port?"
        case .connectFailed(let host, let port, let reason):
            return "cannot connect to \(Self.address(host, port)): \(reason)"
        case .openFailed(let path, let reason): return "cannot open printer \(path): \(reason)"
        case .writeFailed(let d, let sent, let total, let reason):
            return "printing to \(d) failed after \(sent) of \(total) bytes: \(reason); not resent, check the paper"
        case .writeTimedOut(let d, let sent, let total, let seconds):
            return
                "the printer at \(d) took no bytes for \(Self.seconds(seconds)) s after \(sent) of \(total); not resent, check paper and cover"
        case .notReady(_, let status): return status.summary
        case .serialSetupFailed(let path, let reason): return "cannot set up the serial line \(path): \(reason)"
        case .statusUnavailable(let d, let reason): return "\(d) cannot report the printer's status: \(reason)"
        case .statusTimedOut(let d, let seconds):
            return "the printer at \(d) did not answer a status request within \(Self.seconds(seconds)) s"
        case .spoolerFailed(let queue, let reason): return "CUPS queue \(queue): \(reason)"
        }
    }

    /// Whether the printer said it cannot print now (exit 75), as against not being reached (69).
    public var isNotReady: Bool {
        if case .notReady = self { return true }
        return false
    }

    static func address(_ host: String, _ port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() && abs(s) < 1e9 ? String(Int(s)) : String(s)
    }
}
