#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open byte pipe to a printer: a TCP socket, a device file or a serial line. It writes, and
/// reads where the printer talks back.
final class PrinterLink {
    let file: FileDescriptor
    let isSocket: Bool
    /// Whether the printer can answer on this pipe (a socket, a serial line, a readable character device).
    let canRead: Bool
    let name: String
    /// Set when a read saw the other end close.
    private(set) var closed = false

    init(file: FileDescriptor, isSocket: Bool, canRead: Bool, name: String) {
        self.file = file
        self.isSocket = isSocket
        self.canRead = canRead
        self.name = name
    }

    /// Writes all of `bytes`; returns how many went when it stops, and why (nil: all went).
    func write(_ bytes: [UInt8], timeout: Double) -> (sent: Int, failure: PrintError?) {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { buffer -> Int in
                let start = buffer.baseAddress.map { $0 + sent }
                let count = buffer.count - sent
                #if canImport(Glibc)
                    return isSocket
                        ? Glibc.send(file.fd, start, count, Int32(MSG_NOSIGNAL)) : Glibc.write(file.fd, start, count)
                #else
                    return isSocket ? Darwin.send(file.fd, start, count, 0) : Darwin.write(file.fd, start, count)
                #endif
            }
            if n > 0 {
                sent += n
                continue
            }
            let code = n < 0 ? errno : EIO
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                guard Self.wait(for: Int16(POLLOUT), on: file.fd, seconds: timeout) else {
                    return (sent, .writeTimedOut(destination: name, sent: sent, total: bytes.count, seconds: timeout))
                }
                continue
            }
            return (
                sent,
                .writeFailed(destination: name, sent: sent, total: bytes.count, reason: String(cString: strerror(code)))
            )
        }
        return (sent, nil)
    }

    /// The bytes that arrive before `deadline` (seconds on the monotonic clock): as soon as some
    /// come, or none at the deadline or when the other end closed (then `closed` is set).
    func read(until deadline: Double) -> [UInt8] {
        guard canRead, !closed else { return [] }
        var buffer = [UInt8](repeating: 0, count: 512)
        while true {
            let left = deadline - Self.now()
            guard left > 0, Self.wait(for: Int16(POLLIN), on: file.fd, seconds: left) else { return [] }
            let n = buffer.withUnsafeMutableBytes { Glibc.read(file.fd, $0.baseAddress, $0.count) }
            if n > 0 { return Array(buffer[0..<n]) }
            if n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) { continue }
            closed = true
            return []
        }
    }

    /// Ends a TCP connection's sending side, so the printer sees the end of the job.
    func finishSending() {
        if isSocket { _ = shutdown(file.fd, Int32(SHUT_WR)) }
    }

    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Whether `fd` became ready for `events` within `seconds`.
    static func wait(for events: Int16, on fd: Int32, seconds: Double) -> Bool {
        var entry = pollfd(fd: fd, events: events, revents: 0)
        let ms = Int32(min(max(seconds * 1000, 1), 3_600_000))
        while true {
            let r = poll(&entry, 1, ms)
            if r < 0 && errno == EINTR { continue }
            return r > 0 && entry.revents & (events | Int16(POLLERR) | Int16(POLLHUP)) != 0
        }
    }
}
