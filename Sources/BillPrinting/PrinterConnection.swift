#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sends a finished ESC/POS stream to a printer over raw TCP or to a device file.
public enum PrinterConnection {
    /// Sends all of `bytes` to `destination`, or throws why not.
    public static func send(
        _ bytes: [UInt8], to destination: PrinterDestination,
        options: PrintOptions = PrintOptions()
    ) throws(PrintError) {
        let timeout = options.timeoutSeconds.isFinite ? min(max(0.001, options.timeoutSeconds), 3600) : 5
        switch destination {
        case .tcp(let host, let port):
            let socket = try connect(
                host: host, port: port, timeout: timeout,
                attempts: max(1, options.connectAttempts),
                delayMilliseconds: max(0, options.retryDelayMilliseconds))
            try writeAll(bytes, to: socket, destination: destination.description, timeout: timeout, isSocket: true)
            _ = shutdown(socket.fd, Int32(SHUT_WR))
        case .device(let path):
            let fd = open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else {
                let reason = errno == ENOENT ? "no such device or file" : String(cString: strerror(errno))
                throw .openFailed(path: path, reason: reason)
            }
            try writeAll(bytes, to: FileDescriptor(fd), destination: path, timeout: timeout, isSocket: false)
        }
    }

    private enum Attempt {
        case connected(FileDescriptor)
        case timedOut, refused
        case failed(String)
    }

    private static func connect(
        host: String, port: Int, timeout: Double, attempts: Int,
        delayMilliseconds: Int
    ) throws(PrintError) -> FileDescriptor {
        var last = Attempt.timedOut
        for attempt in 1...attempts {
            if attempt > 1 { usleep(UInt32(min(delayMilliseconds, 60_000)) * 1000) }
            last = try connectOnce(host: host, port: port, timeout: timeout)
            switch last {
            case .connected(let socket): return socket
            case .timedOut, .refused: continue
            case .failed(let reason): throw .connectFailed(host: host, port: port, reason: reason)
            }
        }
        if case .refused = last { throw .refused(host: host, port: port, attempts: attempts) }
        throw .nothingAnswered(host: host, port: port, seconds: timeout, attempts: attempts)
    }

    /// One attempt over every address of `host`.
    private static func connectOnce(host: String, port: Int, timeout: Double) throws(PrintError) -> Attempt {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>? = nil
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0 else { throw .unknownHost(host, reason: String(cString: gai_strerror(status))) }
        defer { freeaddrinfo(list) }
        var result = Attempt.timedOut
        var node = list
        while let info = node?.pointee {
            node = info.ai_next
            let fd = socket(
                info.ai_family,
                Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            guard fd >= 0 else { continue }
            let socket = FileDescriptor(fd)
            if Glibc.connect(fd, info.ai_addr, info.ai_addrlen) == 0 { return .connected(socket) }
            guard errno == EINPROGRESS else {
                result = errno == ECONNREFUSED ? .refused : .failed(String(cString: strerror(errno)))
                continue
            }
            guard wait(for: Int16(POLLOUT), on: fd, seconds: timeout) else {
                result = .timedOut
                continue
            }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 else {
                result = .failed(String(cString: strerror(errno)))
                continue
            }
            switch error {
            case 0: return .connected(socket)
            case ECONNREFUSED: result = .refused
            case ETIMEDOUT, EHOSTUNREACH, ENETUNREACH: result = .timedOut
            default: result = .failed(String(cString: strerror(error)))
            }
        }
        return result
    }

    private static func writeAll(
        _ bytes: [UInt8], to file: FileDescriptor, destination: String, timeout: Double,
        isSocket: Bool
    ) throws(PrintError) {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { buffer -> Int in
                let start = buffer.baseAddress.map { $0 + sent }
                let count = buffer.count - sent
                return isSocket ? Glibc.send(file.fd, start, count, Int32(MSG_NOSIGNAL)) : write(file.fd, start, count)
            }
            if n > 0 {
                sent += n
                continue
            }
            let code = n < 0 ? errno : EIO
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                guard wait(for: Int16(POLLOUT), on: file.fd, seconds: timeout) else {
                    throw .writeTimedOut(destination: destination, sent: sent, total: bytes.count, seconds: timeout)
                }
                continue
            }
            throw .writeFailed(
                destination: destination, sent: sent, total: bytes.count, reason: String(cString: strerror(code)))
        }
    }

    /// Whether `fd` became ready for `events` within `seconds`.
    private static func wait(for events: Int16, on fd: Int32, seconds: Double) -> Bool {
        var entry = pollfd(fd: fd, events: events, revents: 0)
        let ms = Int32(min(max(seconds * 1000, 1), 3_600_000))
        while true {
            let r = poll(&entry, 1, ms)
            if r < 0 && errno == EINTR { continue }
            return r > 0 && entry.revents & (events | Int16(POLLERR) | Int16(POLLHUP)) != 0
        }
    }
}
