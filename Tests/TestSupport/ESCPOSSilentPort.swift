#if canImport(Glibc)
    import Glibc
#endif

/// A listener on 127.0.0.1 whose accept queue is full, so that a further connection gets no
/// answer at all (its SYN is dropped), as from a printer that is off.
public final class ESCPOSSilentPort {
    public let port: Int
    private var fds: [Int32] = []

    public init() {
        let listener = ESCPOSLoopbackPorts.bound()
        var address = listener.address
        port = listener.port
        _ = listen(listener.fd, 0)
        fds.append(listener.fd)
        // Fill the accept queue with connections nobody accepts.
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        for _ in 0..<4 {
            let c = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(c, $0, length) }
            }
            fds.append(c)
        }
    }

    deinit { for fd in fds { close(fd) } }
}
