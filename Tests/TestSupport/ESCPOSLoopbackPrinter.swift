import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A raw-TCP "printer" on 127.0.0.1 at a free port: accepts connections one after another and
/// keeps the bytes of each until the sender closes.
public final class ESCPOSLoopbackPrinter: @unchecked Sendable {
    /// The port it listens on.
    public let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var received: [[UInt8]] = []
    private let done = DispatchSemaphore(value: 0)

    /// Listens and serves `connections` connections on a thread of its own.
    public init(connections: Int = 1) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 4) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in
            for _ in 0..<connections {
                let client = accept(listener, nil, nil)
                guard client >= 0 else { break }
                var bytes: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 4096)
                while true {
                    let n = buffer.withUnsafeMutableBytes { read(client, $0.baseAddress, $0.count) }
                    if n <= 0 { break }
                    bytes += buffer[0..<n]
                }
                close(client)
                lock.lock()
                received.append(bytes)
                lock.unlock()
            }
            done.signal()
        }
        thread.start()
    }

    /// The bytes of every connection, once `connections` have closed (waits at most a minute, so a
    /// broken test fails instead of hanging).
    public func captured() -> [[UInt8]] {
        _ = done.wait(timeout: .now() + 60)
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    deinit { close(listener) }
}
