#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-file reads and writes through the C library.
///
/// Foundation's `FileManager` and `FileHandle` did this before; calling them faults in about a
/// megabyte of Foundation's code and tables, a third of what rendering a bill adds to the process.
enum FileIO {
    /// Why a file could not be read.
    enum ReadFailure: Error, Equatable {
        /// Nothing is at the path (or a directory on the way cannot be searched).
        case noSuchFile
        /// The path names a directory.
        case isDirectory
        /// The file exists but cannot be opened.
        case cannotOpen
        /// Reading failed part-way, with this `errno`.
        case readFailed(Int32)
    }

    /// The bytes of the file at `path`: all of them, or the first `limit + 1` when it is longer.
    static func readFile(path: String, limit: Int) throws(ReadFailure) -> [UInt8] {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .noSuchFile }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen }
        defer { close(fd) }
        return try drain(fd: fd, limit: limit, stopAtLimit: true)
    }

    /// Standard input to its end, stopping once more than `limit` bytes have arrived.
    static func readStandardInput(limit: Int) throws(ReadFailure) -> [UInt8] {
        try drain(fd: STDIN_FILENO, limit: limit, stopAtLimit: false)
    }

    /// Reads `fd` in 64 KiB chunks until its end or until more than `limit` bytes are in; with
    /// `stopAtLimit` no chunk goes past `limit + 1` bytes.
    private static func drain(fd: Int32, limit: Int, stopAtLimit: Bool) throws(ReadFailure) -> [UInt8] {
        let chunk = 1 << 16
        var out: [UInt8] = []
        while out.count <= limit {
            let want = stopAtLimit ? min(chunk, limit - out.count + 1) : chunk
            let start = out.count
            out.append(contentsOf: repeatElement(0, count: want))
            let got = out.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress.map { $0 + start }, want)
            }
            if got < 0 {
                out.removeSubrange(start...)
                if errno == EINTR { continue }
                throw .readFailed(errno)
            }
            out.removeSubrange((start + got)...)
            if got == 0 { break }
        }
        return out
    }

    /// Writes `bytes` to the file at `path`; false when it cannot be written.
    ///
    /// A regular file (or a new one) is replaced atomically as Foundation's `FileManager.createFile`
    /// did: written to a temporary file beside it (mode 0666 less the umask), synced, and renamed
    /// over it. Anything else, a device such as `/dev/null` or a pipe, is written in place, never
    /// replaced.
    static func writeFile(_ bytes: [UInt8], path: String) -> Bool {
        var status = stat()
        if stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG {
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            return writeAll(bytes, fd: fd)
        }
        return replaceAtomically(path: path, with: bytes)
    }

    /// Writes all of `bytes` to `fd`, retrying short and interrupted writes; false on an error.
    @discardableResult
    static func writeAll(_ bytes: [UInt8], fd: Int32) -> Bool {
        var done = 0
        while done < bytes.count {
            let wrote = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress.map { $0 + done }, bytes.count - done)
            }
            if wrote < 0 {
                if errno == EINTR { continue }
                return false
            }
            done += wrote
        }
        return true
    }

    /// Writes a temporary file in `path`'s directory, syncs it and renames it to `path`.
    private static func replaceAtomically(path: String, with bytes: [UInt8]) -> Bool {
        let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let suffix = String(generator.next() & 0xFFFF_FFFF_FFFF, radix: 36)
            let temporary = directory + ".billrender-\(getpid())-\(suffix)"
            let fd = open(temporary, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd < 0 {
                if errno == EEXIST || errno == EINTR { continue }
                return false
            }
            let written = writeAll(bytes, fd: fd) && fsync(fd) == 0
            let closed = close(fd) == 0
            guard written, closed, rename(temporary, path) == 0 else {
                unlink(temporary)
                return false
            }
            return true
        }
        return false
    }
}
