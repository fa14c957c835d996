import BillModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension PrinterProfile {
    /// The largest profile file billrender reads.
    public static let maxFileSize = 1 << 20

    /// The built-in profile named `nameOrPath`, or else the profile file at that path.
    public static func resolve(_ nameOrPath: String) throws(ProfileError) -> PrinterProfile {
        if let profile = builtIn(named: nameOrPath) { return profile }
        guard fileExists(nameOrPath) else {
            throw .unknownProfile(nameOrPath, known: builtIn.map(\.name))
        }
        return try load(path: nameOrPath)
    }

    /// The profile in the JSON file at `path`, following `extends`.
    public static func load(path: String) throws(ProfileError) -> PrinterProfile {
        let resolved = try resolvedJSON(path: path, depth: 0)
        return try PrinterProfile(json: resolved, source: path)
    }

    /// The profile in a JSON document; `extends` may only name a built-in here (there is no
    /// directory to resolve a path against).
    public static func load(json bytes: [UInt8], source: String) throws(ProfileError) -> PrinterProfile {
        let resolved = try resolvedJSON(bytes: bytes, source: source, directory: nil, depth: 0)
        return try PrinterProfile(json: resolved, source: source)
    }

    private static func resolvedJSON(path: String, depth: Int) throws(ProfileError) -> JSONValue {
        let bytes = try readFile(path)
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        return try resolvedJSON(bytes: bytes, source: path, directory: directory, depth: depth)
    }

    private static func resolvedJSON(
        bytes: [UInt8], source: String, directory: String?,
        depth: Int
    ) throws(ProfileError) -> JSONValue {
        guard depth < 8 else { throw .extendsTooDeep(source: source) }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, maxDepth: 32)
        } catch {
            throw .malformedJSON(source: source, message: error.description)
        }
        guard case .object(let object) = value, let extends = object["extends"] else { return value }
        guard case .string(let base) = extends else {
            throw .invalidField(
                source: source, path: "extends", message: "expected a profile name or path, found \(extends.excerpt)")
        }
        let baseJSON: JSONValue
        if let builtIn = builtIn(named: base) {
            baseJSON = builtIn.json
        } else if let directory {
            let path = base.hasPrefix("/") ? base : directory + base
            guard fileExists(path) else {
                throw .invalidField(
                    source: source, path: "extends",
                    message:
                        "no built-in profile or file \"\(base)\" (built-ins: \(builtIn.map(\.name).joined(separator: ", ")))"
                )
            }
            baseJSON = try resolvedJSON(path: path, depth: depth + 1)
        } else {
            throw .invalidField(
                source: source, path: "extends",
                message: "no built-in profile \"\(base)\" (built-ins: \(builtIn.map(\.name).joined(separator: ", ")))")
        }
        var own = object
        own.members.removeAll { $0.key == "extends" }
        return merged(baseJSON, .object(own))
    }

    private static func fileExists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The bytes of the regular file at `path`, at most ``maxFileSize``.
    private static func readFile(_ path: String) throws(ProfileError) -> [UInt8] {
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
