/// Where `billrender print --to` sends bytes.
public enum PrinterDestination: Sendable, Equatable, CustomStringConvertible {
    /// A raw TCP port (JetDirect, usually 9100).
    case tcp(host: String, port: Int)
    /// A device or file path (`/dev/usb/lp0`), opened for writing (and reading, where a character
    /// device allows, for status); never created.
    case device(path: String)
    /// A serial line or an rfcomm device (`/dev/ttyUSB0`, `/dev/rfcomm0`), set up with termios.
    case serial(path: String, settings: SerialSettings)
    /// A CUPS queue, sent a raw job; `server` (`HOST:PORT`) overrides `CUPS_SERVER` and client.conf.
    case cups(queue: String, server: String?)

    /// Reads `tcp://HOST[:PORT]` (port 9100 when left out; `[v6]` for IPv6 addresses),
    /// `serial:PATH[?baud=N&flow=none|rtscts|xonxoff]`, `cups:QUEUE` or `cups://HOST:PORT/QUEUE`, or a path.
    public init(parsing text: String, serialDefaults: SerialSettings = SerialSettings()) throws(PrintError) {
        if text.hasPrefix("serial:") {
            self = try Self.serial(text, defaults: serialDefaults)
        } else if text.hasPrefix("cups:") {
            self = try Self.cups(text)
        } else if text.hasPrefix("tcp://") {
            self = try Self.tcp(text)
        } else {
            guard !text.isEmpty, !text.contains("://") else {
                throw .invalidDestination(
                    text,
                    reason: "use tcp://HOST:PORT, serial:/dev/ttyUSB0, cups:QUEUE or a device path such as /dev/usb/lp0"
                )
            }
            self = .device(path: text)
        }
    }

    private static func serial(_ text: String, defaults: SerialSettings) throws(PrintError) -> PrinterDestination {
        let rest = text.dropFirst("serial:".count)
        let parts = rest.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        guard path.hasPrefix("/") else { throw .invalidDestination(text, reason: "serial: needs a device path") }
        var settings = defaults
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1)
                guard kv.count == 2 else { throw .invalidDestination(text, reason: "expected KEY=VALUE after ?") }
                switch kv[0] {
                case "baud":
                    guard let b = Int(kv[1]), SerialSettings.speeds.contains(b) else {
                        throw .invalidDestination(
                            text,
                            reason: "baud must be one of "
                                + SerialSettings.speeds.map(String.init).joined(separator: ", "))
                    }
                    settings.baud = b
                case "flow":
                    guard let f = SerialSettings.FlowControl(rawValue: String(kv[1])) else {
                        throw .invalidDestination(text, reason: "flow must be none, rtscts or xonxoff")
                    }
                    settings.flowControl = f
                default:
                    throw .invalidDestination(text, reason: "unknown setting \(kv[0]) (baud, flow)")
                }
            }
        }
        return .serial(path: path, settings: settings)
    }

    private static func cups(_ text: String) throws(PrintError) -> PrinterDestination {
        if text.hasPrefix("cups://") {
            let rest = text.dropFirst("cups://".count)
            guard let slash = rest.firstIndex(of: "/") else {
                throw .invalidDestination(text, reason: "use cups://HOST:PORT/QUEUE")
            }
            let server = String(rest[..<slash])
            let queue = String(rest[rest.index(after: slash)...])
            guard !server.isEmpty, isQueueName(queue) else {
                throw .invalidDestination(text, reason: "use cups://HOST:PORT/QUEUE")
            }
            return .cups(queue: queue, server: server)
        }
        let queue = String(text.dropFirst("cups:".count))
        guard isQueueName(queue) else {
            throw .invalidDestination(text, reason: "a CUPS queue name is printable characters without space, / or #")
        }
        return .cups(queue: queue, server: nil)
    }

    /// CUPS queue names: up to 127 printable characters other than space, `/`, `\`, `#`, `?`, quotes.
    private static func isQueueName(_ q: String) -> Bool {
        let bad: Set<UInt8> = [0x20, 0x2F, 0x5C, 0x23, 0x3F, 0x22, 0x27]
        let bytes = Array(q.utf8)
        return !bytes.isEmpty && bytes.count <= 127 && bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F && !bad.contains($0) }
    }

    private static func tcp(_ text: String) throws(PrintError) -> PrinterDestination {
        var rest = Substring(text.dropFirst(6))
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        let host: Substring
        var portText: Substring? = nil
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw .invalidDestination(text, reason: "missing ]") }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .invalidDestination(text, reason: "expected :PORT after ]") }
                portText = after.dropFirst()
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
        } else {
            host = rest
        }
        guard !host.isEmpty, !host.contains("/") else { throw .invalidDestination(text, reason: "no host") }
        var port = 9100
        if let portText {
            guard let p = Int(portText), p > 0, p < 65536 else {
                throw .invalidDestination(text, reason: "the port must be a number in 1...65535")
            }
            port = p
        }
        return .tcp(host: String(host), port: port)
    }

    public var description: String {
        switch self {
        case .tcp(let host, let port): return "tcp://" + PrintError.address(host, port)
        case .device(let path): return path
        case .serial(let path, let settings): return "serial:\(path)?\(settings)"
        case .cups(let queue, let server): return server.map { "cups://\($0)/\(queue)" } ?? "cups:\(queue)"
        }
    }
}
