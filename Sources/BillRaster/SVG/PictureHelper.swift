#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the `billrender-svg` helper: one process per picture, spawned with `posix_spawn` (no
/// fork of the host), talking over a socket pair (so a helper that dies never raises SIGPIPE in
/// the host), with every signal at its default, a minimal environment, and the limits the helper
/// sets on itself before it reads anything (RLIMIT_DATA, RLIMIT_CPU, no core files, no file
/// writes; it closes every descriptor but 0, 1 and 2 first). The host waits with a deadline and
/// kills the helper (SIGKILL) when it passes.
enum PictureHelper {
    static let notFound = "the picture helper billrender-svg was not found"
    static let executableName = "billrender-svg"

    /// The helper's path: `path` when given, else `$BILLRENDER_SVG_HELPER`, else `billrender-svg`
    /// beside the running executable; nil when none of them is an executable file.
    static func locate(_ path: String?) -> String? {
        if let path { return isExecutable(path) ? path : nil }
        if let variable = getenv("BILLRENDER_SVG_HELPER"), variable.pointee != 0 {
            let path = String(cString: variable)
            return isExecutable(path) ? path : nil
        }
        return besideExecutable
    }

    private static let besideExecutable: String? = {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let executable = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = executable.lastIndex(of: "/") else { return nil }
        let candidate = String(executable[...slash]) + executableName
        return isExecutable(candidate) ? candidate : nil
    }()

    private static func isExecutable(_ path: String) -> Bool {
        var info = stat()
        return access(path, X_OK) == 0 && stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Sends `request` to a fresh helper and returns its whole answer (at most `maxAnswerBytes`).
    /// Throws `.pictureBudget` when it is still running after `timeLimit` (it is killed) or ends
    /// over its memory or CPU limit, `.pictureHelper` when it cannot start or ends by a signal.
    static func run(
        _ path: String, request: [UInt8], timeLimit: Duration, memoryBytes: Int, maxAnswerBytes: Int
    ) throws(RasterError) -> [UInt8] {
        let clock = ContinuousClock()
        let deadline = clock.now + timeLimit
        var sockets: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &sockets) == 0 else {
            throw .pictureHelper("socketpair failed (errno \(errno))")
        }
        let host = sockets[0]
        defer { close(host) }
        let cpuSeconds = max(1, Int((timeLimit.components.seconds)) + 1)
        let pid: pid_t
        do {
            defer { close(sockets[1]) }
            pid = try spawn(path, socket: sockets[1], memoryBytes: memoryBytes, cpuSeconds: cpuSeconds)
        }
        var answer: [UInt8] = []
        var failure: RasterError?
        var sent = 0
        var shutDown = false
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        loop: while true {
            let left = deadline - clock.now
            guard left > .zero else {
                failure = .pictureBudget("still drawing after \(milliseconds(timeLimit)) ms; stopped")
                break
            }
            if sent == request.count, !shutDown {
                shutdown(host, Int32(SHUT_WR))
                shutDown = true
            }
            var poller = pollfd(fd: host, events: Int16(POLLIN) | (shutDown ? 0 : Int16(POLLOUT)), revents: 0)
            let ready = poll(&poller, 1, Int32(clamping: max(1, milliseconds(left))))
            if ready < 0, errno == EINTR { continue }
            guard ready >= 0 else {
                failure = .pictureHelper("poll failed (errno \(errno))")
                break
            }
            if ready == 0 { continue }
            if poller.revents & Int16(POLLOUT) != 0, sent < request.count {
                let count = request.withUnsafeBytes { bytes -> Int in
                    guard let base = bytes.baseAddress else { return -1 }
                    return send(host, base + sent, min(bytes.count - sent, 64 << 10), Int32(MSG_NOSIGNAL))
                }
                if count > 0 {
                    sent += count
                } else if count < 0, errno != EINTR, errno != EAGAIN {
                    // The helper stopped reading: it has failed; its exit status says how.
                    sent = request.count
                }
            }
            if poller.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                let count = buffer.withUnsafeMutableBytes { recv(host, $0.baseAddress, $0.count, 0) }
                if count > 0 {
                    answer.append(contentsOf: buffer[..<count])
                    guard answer.count <= maxAnswerBytes else {
                        failure = .pictureHelper("an answer over \(maxAnswerBytes) bytes")
                        break
                    }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    break loop
                }
            }
        }
        if failure != nil { kill(pid, SIGKILL) }
        let status = reap(pid)
        if let failure { throw failure }
        if let status, status & 0x7F != 0 {
            let signal = status & 0x7F
            switch signal {
            case SIGXCPU: throw .pictureBudget("over its CPU time limit of \(cpuSeconds) s; stopped")
            case SIGKILL: throw .pictureBudget("killed (over a limit)")
            default:
                throw .pictureHelper(
                    "librsvg ended the helper by signal \(signal)"
                        + (signal == SIGABRT || signal == SIGSEGV || signal == SIGTRAP || signal == SIGILL
                            ? " (a crash, or memory over the \(memoryBytes >> 20) MiB budget)" : ""))
            }
        }
        if let status, (status >> 8) & 0xFF != 0 {
            throw .pictureHelper("the helper exited with status \((status >> 8) & 0xFF)")
        }
        return answer
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    /// The child's wait status; nil when someone else reaped it.
    private static func reap(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, 0)
            if result == pid { return status }
            if result < 0, errno == EINTR { continue }
            return nil
        }
    }

    private static func spawn(_ path: String, socket: Int32, memoryBytes: Int, cpuSeconds: Int) throws(RasterError)
        -> pid_t
    {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, socket, 0)
        posix_spawn_file_actions_adddup2(&actions, socket, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t()
        sigfillset(&all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let arguments = [path, "--memory", String(memoryBytes), "--cpu", String(cpuSeconds)]
        var environment = ["LANG=C.UTF-8", "PATH=/usr/bin:/bin"]
        for name in ["FONTCONFIG_FILE", "FONTCONFIG_PATH", "HOME", "XDG_CACHE_HOME"] {
            if let value = getenv(name) { environment.append(name + "=" + String(cString: value)) }
        }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        var result = posix_spawn(&pid, path, &actions, &attributes, &argv, &envp)
        // ETXTBSY: a child another thread is starting still holds a descriptor to the file open for
        // writing (a known Linux race while a program is being installed or written); it closes
        // within moments, so try a few more times before giving up.
        var tries = 1
        while result == ETXTBSY && tries < 8 {
            usleep(UInt32(5_000 * tries))
            result = posix_spawn(&pid, path, &actions, &attributes, &argv, &envp)
            tries += 1
        }
        guard result == 0 else { throw .pictureHelper("cannot start \(path) (errno \(result))") }
        return pid
    }
}
