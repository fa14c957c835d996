import BillJSON

extension PrinterProfile {
    /// Reads profile files for ``resolve(_:files:)``: the bytes of the regular file at a path, or
    /// nil when there is none. BillProfiles reads no files itself: the CLI passes a reader of the
    /// file system, a host or a test whatever store it keeps profiles in.
    public typealias FileReader = (_ path: String) throws(ProfileError) -> [UInt8]?

    /// The built-in profile named `nameOrPath`, or else the profile file at that path, following
    /// `extends` (a built-in name, or a path relative to the file that names it).
    public static func resolve(_ nameOrPath: String, files: FileReader) throws(ProfileError) -> PrinterProfile {
        if let profile = builtIn(named: nameOrPath) { return profile }
        guard let bytes = try files(nameOrPath) else {
            throw .unknownProfile(nameOrPath, known: builtIn.map(\.name))
        }
        return try withoutActuallyEscaping(files) { files throws(ProfileError) in
            try load(json: bytes, source: nameOrPath, files: files)
        }
    }

    /// The profile in a JSON document. Without `files`, `extends` may only name a built-in; with
    /// it, also a file, found relative to `source`'s directory.
    public static func load(json bytes: [UInt8], source: String, files: FileReader? = nil) throws(ProfileError)
        -> PrinterProfile
    {
        let resolved = try resolvedJSON(bytes: bytes, source: source, files: files, depth: 0)
        return try PrinterProfile(json: resolved, source: source)
    }

    private static func resolvedJSON(
        bytes: [UInt8], source: String, files: FileReader?, depth: Int
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
        } else if let files {
            let slash = source.lastIndex(of: "/")
            let directory = slash.map { String(source[...$0]) } ?? ""
            let path = base.hasPrefix("/") ? base : directory + base
            guard let baseBytes = try files(path) else {
                throw .invalidField(
                    source: source, path: "extends",
                    message:
                        "no built-in profile or file \"\(base)\" (built-ins: \(builtIn.map(\.name).joined(separator: ", ")))"
                )
            }
            baseJSON = try resolvedJSON(bytes: baseBytes, source: path, files: files, depth: depth + 1)
        } else {
            throw .invalidField(
                source: source, path: "extends",
                message: "no built-in profile \"\(base)\" (built-ins: \(builtIn.map(\.name).joined(separator: ", ")))")
        }
        var own = object
        own.members.removeAll { $0.key == "extends" }
        return merged(baseJSON, .object(own))
    }
}
