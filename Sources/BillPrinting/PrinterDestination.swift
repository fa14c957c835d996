/// Where `billrender print --to` sends bytes.
public enum PrinterDestination: Sendable, Equatable, CustomStringConvertible {
    /// A raw TCP port (JetDirect, usually 9100).
    case tcp(host: String, port: Int)
    /// A device or file path (`/dev/usb/lp0`), opened for writing; never created.
    case device(path: String)

    /// Reads `tcp://HOST[:PORT]` (port 9100 when left out; `[v6]` for IPv6 addresses) or a path.
    public init(parsing text: String) throws(PrintError) {
        guard text.hasPrefix("tcp://") else {
            guard !text.isEmpty, !text.contains("://") else {
                throw .invalidDestination(text, reason: "use tcp://HOST:PORT or a device path such as /dev/usb/lp0")
            }
            self = .device(path: text)
            return
        }
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
        self = .tcp(host: String(host), port: port)
    }

    public var description: String {
        switch self {
        case .tcp(let host, let port): return "tcp://" + PrintError.address(host, port)
        case .device(let path): return path
        }
    }
}
