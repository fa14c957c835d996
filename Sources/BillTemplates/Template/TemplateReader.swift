import BillJSON
import BillModel

/// Reads a template file's JSON through BillJSON's reader, turning its errors into
/// `BillTemplateError.invalidTemplate` with the path (`header[2].text.size: …`).
///
/// Templates are strict: a member written as `null` is of the wrong type, not absent.
struct TemplateReader {
    let source: String

    func fail(_ path: String, _ message: String) -> BillTemplateError {
        .invalidTemplate(source: source, path: path, message: message)
    }

    func fail(_ error: JSONReadError) -> BillTemplateError { fail(error.path, error.message) }

    /// `element` as an object with no keys beyond `allowed`.
    func object(_ element: JSONElement, allowed: Set<String>) throws(BillTemplateError) -> JSONObjectReader {
        let o: JSONObjectReader
        do {
            o = try element.object()
        } catch {
            throw fail(error)
        }
        for key in o.keys where !allowed.contains(key) {
            throw fail(o.path, "unknown key \"\(key)\" (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
        return o
    }

    func string(_ o: JSONObjectReader, _ key: String) throws(BillTemplateError) -> String? {
        guard let v = o.member(key) else { return nil }
        return try string(v)
    }

    func string(_ element: JSONElement) throws(BillTemplateError) -> String {
        do {
            return try element.string()
        } catch {
            throw fail(error)
        }
    }

    /// The first of `keys` present; every one given must agree.
    func bool(_ o: JSONObjectReader, _ keys: [String]) throws(BillTemplateError) -> Bool? {
        var result: Bool?
        for key in keys {
            guard let v = o.member(key) else { continue }
            let b: Bool
            do {
                b = try v.bool()
            } catch {
                throw fail(error)
            }
            if let earlier = result, earlier != b {
                throw fail(v.path, "disagrees with \(keys.joined(separator: "/")) given earlier")
            }
            result = b
        }
        return result
    }

    func enumValue<E: RawRepresentable & CaseIterable>(
        _ o: JSONObjectReader, _ key: String, _ type: E.Type
    ) throws(BillTemplateError) -> E? where E.RawValue == String {
        guard let s = try string(o, key) else { return nil }
        guard let e = E(rawValue: s) else {
            throw fail(
                o.path(of: key),
                "expected one of \(E.allCases.map(\.rawValue).joined(separator: ", ")), found \(JSONQuoting.excerpt(s))"
            )
        }
        return e
    }

    func template(_ text: String, _ path: String) throws(BillTemplateError) -> TemplateString {
        try TemplateString(text) { message in fail(path, message) }
    }

    /// A templated string field, or its default when absent; required fields without default fail.
    func templateField(_ o: JSONObjectReader, _ key: String, default fallback: String?)
        throws(BillTemplateError) -> TemplateString
    {
        guard let text = try string(o, key) ?? fallback else { throw fail(o.path, "missing \"\(key)\"") }
        return try template(text, o.path(of: key))
    }
}
