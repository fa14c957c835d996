/// Why a printer profile could not be found or read.
public enum ProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Neither a built-in name nor a file.
    case unknownProfile(String, known: [String])
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file is larger than a profile can be.
    case tooLarge(path: String, limit: Int)
    /// The file is not JSON.
    case malformedJSON(source: String, message: String)
    /// A field is missing, of the wrong type or out of range; `path` is its JSON path.
    case invalidField(source: String, path: String, message: String)
    /// `extends` chains that loop or run too deep.
    case extendsTooDeep(source: String)

    public var description: String {
        switch self {
        case .unknownProfile(let name, let known):
            return "no printer profile \"\(name)\": not a built-in (\(known.joined(separator: ", "))) and no such file"
        case .unreadable(let path, let reason): return "\(path): cannot read the profile: \(reason)"
        case .tooLarge(let path, let limit): return "\(path): larger than \(limit) bytes, not a printer profile"
        case .malformedJSON(let source, let message): return "\(source): not JSON: \(message)"
        case .invalidField(let source, let path, let message):
            return path.isEmpty ? "\(source): \(message)" : "\(source): \(path): \(message)"
        case .extendsTooDeep(let source): return "\(source): \"extends\" loops or is nested more than 8 deep"
        }
    }
}
