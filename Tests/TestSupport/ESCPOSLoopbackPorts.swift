#if canImport(Glibc)
    import Glibc
#endif

/// Loopback sockets for the printing tests.
public enum ESCPOSLoopbackPorts {
    /// A TCP socket bound to 127.0.0.1 at a free port, and the port.
    static func bound() -> (fd: Int32, port: Int, address: sockaddr_in) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)), address)
    }

    /// A port on 127.0.0.1 where nothing listens: bound, then closed.
    public static func refused() -> Int {
        let socket = bound()
        close(socket.fd)
        return socket.port
    }
}
