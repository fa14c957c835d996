import BillJSON
import BillModel

/// Reads a template file's JSON with paths in every error (`header[2].text.size: …`).
struct TemplateReader {
    let source: String

    func fail(_ path: String, _ message: String) -> BillTemplateError {
        .invalidTemplate(source: source, path: path, message: message)
    }

    func object(_ value: JSONValue, _ path: String, allowed: Set<String>) throws(BillTemplateError) -> JSONObject {
        guard case .object(let o) = value else { throw fail(path, "expected an object, found \(value.excerpt)") }
        for key in o.keys where !allowed.contains(key) {
            throw fail(path, "unknown key \"\(key)\" (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
        return o
    }

    func string(_ o: JSONObject, _ key: String, _ path: String) throws(BillTemplateError) -> String? {
        guard let v = o[key] else { return nil }
        guard case .string(let s) = v else { throw fail("\(path).\(key)", "expected a string, found \(v.excerpt)") }
        return s
    }

    func bool(_ o: JSONObject, _ keys: [String], _ path: String) throws(BillTemplateError) -> Bool? {
        var result: Bool?
        for key in keys {
            guard let v = o[key] else { continue }
            guard case .bool(let b) = v else {
                throw fail("\(path).\(key)", "expected true or false, found \(v.excerpt)")
            }
            if let earlier = result, earlier != b {
                throw fail("\(path).\(key)", "disagrees with \(keys.joined(separator: "/")) given earlier")
            }
            result = b
        }
        return result
    }

    func enumValue<E: RawRepresentable & CaseIterable>(
        _ o: JSONObject, _ key: String, _ path: String,
        _ type: E.Type
    ) throws(BillTemplateError) -> E? where E.RawValue == String {
        guard let s = try string(o, key, path) else { return nil }
        guard let e = E(rawValue: s) else {
            throw fail(
                "\(path).\(key)",
                "expected one of \(E.allCases.map(\.rawValue).joined(separator: ", ")), found \(JSONQuoting.excerpt(s))"
            )
        }
        return e
    }

    func template(_ text: String, _ path: String) throws(BillTemplateError) -> TemplateString {
        try TemplateString(text) { message in fail(path, message) }
    }

    /// A templated string field, or its default when absent; required fields without default fail.
    func templateField(_ o: JSONObject, _ key: String, _ path: String, default fallback: String?)
        throws(BillTemplateError) -> TemplateString
    {
        guard let text = try string(o, key, path) ?? fallback else { throw fail(path, "missing \"\(key)\"") }
        return try template(text, "\(path).\(key)")
    }
}
