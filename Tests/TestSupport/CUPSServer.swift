import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real `cupsd` (Debian's `cups` package) on a private configuration under a temporary directory,
/// listening on 127.0.0.1 at a free port, for as long as the value lives. Needs root (CI runs as
/// root; `tools/setup` installs cups).
public final class CUPSServer: @unchecked Sendable {
    /// `127.0.0.1:PORT`, for `cups://…/QUEUE`, `CUPS_SERVER` and `lpadmin -h`.
    public let address: String
    private let directory: String
    private let process = Process()

    /// Why the CUPS tests cannot run here, or nil when they can.
    public static var unavailable: String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/cupsd"),
            FileManager.default.isExecutableFile(atPath: "/usr/sbin/lpadmin")
        else { return "cupsd is not installed (tools/setup installs Debian's cups)" }
        guard getuid() == 0 else { return "cupsd needs root to start on a private configuration" }
        return nil
    }

    public init() throws {
        directory = NSTemporaryDirectory() + "billrender-cups-" + UUID().uuidString
        for sub in ["", "/spool", "/spool/tmp", "/cache", "/state", "/tmp"] {
            try FileManager.default.createDirectory(atPath: directory + sub, withIntermediateDirectories: true)
        }
        let port = ESCPOSLoopbackPorts.refused()
        address = "127.0.0.1:\(port)"
        let files = """
            ServerRoot \(directory)
            RequestRoot \(directory)/spool
            CacheDir \(directory)/cache
            StateDir \(directory)/state
            TempDir \(directory)/tmp
            ErrorLog \(directory)/error_log
            AccessLog \(directory)/access_log
            PageLog \(directory)/page_log
            FileDevice Yes

            """
        let conf = """
            Listen \(address)
            LogLevel debug
            Browsing No
            WebInterface No
            Printcap \(directory)/printcap
            DefaultAuthType None
            <Location />
              Order allow,deny
              Allow all
            </Location>
            <Policy default>
              <Limit All>
                Order deny,allow
              </Limit>
            </Policy>

            """
        try files.write(toFile: directory + "/cups-files.conf", atomically: true, encoding: .utf8)
        try conf.write(toFile: directory + "/cupsd.conf", atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/cupsd")
        process.arguments = ["-f", "-c", directory + "/cupsd.conf", "-s", directory + "/cups-files.conf"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Ready once it accepts a connection (at most a minute, so a broken set-up fails).
        for _ in 0..<600 {
            if Self.accepts(port: port) { return }
            guard process.isRunning else { break }
            usleep(100_000)
        }
        throw POSIXError(.ECONNREFUSED)
    }

    /// Adds an enabled raw queue (no PPD, no filters) whose device is `uri`, with `lpadmin`.
    public func addRawQueue(_ name: String, device uri: String) throws {
        let lpadmin = Process()
        lpadmin.executableURL = URL(fileURLWithPath: "/usr/sbin/lpadmin")
        lpadmin.arguments = ["-h", address, "-p", name, "-v", uri, "-E"]
        try lpadmin.run()
        lpadmin.waitUntilExit()
        guard lpadmin.terminationStatus == 0 else { throw POSIXError(.EINVAL) }
    }

    /// The scheduler's log, for a failing test's message.
    public var log: String { (try? String(contentsOfFile: directory + "/error_log", encoding: .utf8)) ?? "" }

    deinit {
        if process.isRunning {
            // SIGKILL: a child of the test process may inherit a mask that blocks SIGTERM.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    private static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
