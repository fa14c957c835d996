import BillModel

/// The templates shipped in `templates/`, compiled into the library.
public enum BuiltInTemplates {
    /// The names `--template` accepts besides a file path: `cafe`, `minimal`, `narrow-58mm`, `restaurant`.
    public static var names: [String] { sources.keys.sorted() }

    /// The JSON text of a built-in template, as in `templates/NAME.json`.
    public static func source(named name: String) -> String? { sources[name] }
}

extension BillTemplate {
    /// A shipped template by name (`restaurant`, `cafe`, `minimal`, `narrow-58mm`).
    public static func builtIn(_ name: String) throws(BillTemplateError) -> BillTemplate {
        guard let text = BuiltInTemplates.source(named: name) else {
            throw .unknownTemplate(name: name, builtIns: BuiltInTemplates.names)
        }
        return try BillTemplate(bytes: Array(text.utf8), source: "built-in template \(name)")
    }
}
