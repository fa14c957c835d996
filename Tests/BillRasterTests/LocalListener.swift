import Glibc

/// A TCP socket listening on 127.0.0.1 at a free port, to prove that nobody connects to it.
final class LocalListener {
    let port: UInt16
    private let socketFD: Int32

    init?() {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 8) == 0 else {
            close(fd)
            return nil
        }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0, fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) == 0 else {
            close(fd)
            return nil
        }
        socketFD = fd
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(socketFD) }

    /// Whether a connection is waiting (someone connected).
    func hasPendingConnection() -> Bool {
        let client = accept(socketFD, nil, nil)
        guard client >= 0 else { return false }
        close(client)
        return true
    }
}
