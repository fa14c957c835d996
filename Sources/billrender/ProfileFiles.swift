import BillProfiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Printer profile files: the file system for `PrinterProfile.resolve(_:files:)` (BillProfiles
/// reads bytes; the CLI reads the files).
enum ProfileFiles {
    /// The largest profile file billrender reads.
    static let maxFileSize = 1 << 20

    /// The built-in profile named `nameOrPath`, or else the profile file at that path.
    static func resolve(_ nameOrPath: String) throws(ProfileError) -> PrinterProfile {
        try PrinterProfile.resolve(nameOrPath, files: readFile)
    }

    /// The bytes of the regular file at `path` (at most ``maxFileSize``), or nil when there is none.
    static func readFile(_ path: String) throws(ProfileError) -> [UInt8]? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes += chunk[0..<n]
            if bytes.count > maxFileSize { throw .tooLarge(path: path, limit: maxFileSize) }
        }
        return bytes
    }
}
