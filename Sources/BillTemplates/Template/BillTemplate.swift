import BillJSON
import BillModel

/// A merchant's bill design: header and footer lines whose strings are Mustache templates.
///
/// See `templates/README.md` (and the README's "Templates" section) for the format. Parsing checks
/// the whole template, so a typo fails when the template loads, not when a bill is built.
public struct BillTemplate: Sendable {
    /// The template's name (a built-in's name, or the file's `name`).
    public let name: String
    /// One sentence on what the design is for.
    public let summary: String?
    /// A paper width hint, for example `58mm`: metadata for the POS developer, not used in the bill.
    public let paperWidth: String?
    /// The default locale for dates when the merchant gives none, for example `en_GB`.
    public let locale: String?
    /// The ICU date pattern of `*.date` values (default `dd/MM/yyyy`).
    public let dateFormat: String
    /// The ICU time pattern of `*.time` values (default `HH:mm`).
    public let timeFormat: String
    let header: [TemplateLine]
    let footer: [TemplateLine]

    static let topKeys: Set<String> = [
        "name", "description", "paperWidth", "locale", "dateFormat", "timeFormat", "header", "footer",
    ]

    /// Reads a template from parsed JSON; `source` names it in errors (a file path or built-in name).
    public init(json: JSONValue, source: String) throws(BillTemplateError) {
        try self.init(JSONElement(json), source: source)
    }

    private init(_ root: JSONElement, source: String) throws(BillTemplateError) {
        let r = TemplateReader(source: source)
        let o = try r.object(root, allowed: Self.topKeys)
        name = try r.string(o, "name") ?? source
        summary = try r.string(o, "description")
        paperWidth = try r.string(o, "paperWidth")
        locale = try r.string(o, "locale")
        dateFormat = try r.string(o, "dateFormat") ?? "dd/MM/yyyy"
        timeFormat = try r.string(o, "timeFormat") ?? "HH:mm"
        header = try Self.lines(o, "header", r)
        footer = try Self.lines(o, "footer", r)
    }

    /// Parses `bytes` as a JSON template.
    public init(bytes: [UInt8], source: String) throws(BillTemplateError) {
        let root: JSONElement
        do {
            root = try JSONElement(parsing: bytes)
        } catch {
            throw .invalidTemplate(source: source, path: "", message: "not JSON: \(error)")
        }
        try self.init(root, source: source)
    }

    private static func lines(_ o: JSONObjectReader, _ key: String, _ r: TemplateReader) throws(BillTemplateError)
        -> [TemplateLine]
    {
        guard let v = o.member(key) else { return [] }
        guard let a = try? v.array() else {
            throw r.fail(o.path(of: key), "expected an array of lines, found \(v.excerpt)")
        }
        var out: [TemplateLine] = []
        for element in a {
            out.append(try TemplateLineParser(reader: r).line(element))
        }
        return out
    }
}
