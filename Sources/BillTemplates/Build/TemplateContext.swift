import BillModel

/// The data a template's Mustache tags read: `merchant.*`, `order.*`, `now.*`, `template.*`.
///
/// Values are strings, booleans (true only; a false flag is left out so that sections and `when`
/// read it as missing), arrays and nested dictionaries.
struct TemplateContext {
    /// The Mustache root object.
    let root: [String: Any]

    /// The value at a dotted key path, or nil.
    func value(at path: String) -> Any? {
        var current: Any = root
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard let dict = current as? [String: Any], let next = dict[String(part)] else { return nil }
            current = next
        }
        return current
    }

    /// True when the key path holds a non-blank string: what a variable tag may print.
    func isText(_ path: String) -> Bool {
        guard let s = value(at: path) as? String else { return false }
        return !s.allSatisfy(\.isWhitespace)
    }

    /// True when the key path holds data: a non-blank string, true, a non-empty array or object.
    func isPresent(_ path: String) -> Bool {
        switch value(at: path) {
        case let s as String: return !s.allSatisfy(\.isWhitespace)
        case let b as Bool: return b
        case let a as [Any]: return !a.isEmpty
        case let d as [String: Any]: return !d.isEmpty
        case .some: return true
        case .none: return false
        }
    }
}
