/// Why a bill could not be built: a template, merchant or order that cannot be used.
///
/// Every case names where the fault is, as a JSON path when there is one, so that a POS developer
/// can find it: `merchant.addressLines[1]: expected a string, found 3`.
public enum BillTemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A template file that is not a valid bill template (`source` names the file or built-in).
    case invalidTemplate(source: String, path: String, message: String)
    /// `--template NAME` that is neither a built-in template nor a readable file.
    case unknownTemplate(name: String, builtIns: [String])
    /// Merchant data with a missing `name` or a field of the wrong type.
    case invalidMerchant(path: String, message: String)
    /// An order that cannot become a spec-valid bill (for example no `details.orderType`).
    case invalidOrder(path: String, message: String)

    public var description: String {
        switch self {
        case .invalidTemplate(let source, let path, let message):
            return path.isEmpty ? "\(source): \(message)" : "\(source): \(path): \(message)"
        case .unknownTemplate(let name, let builtIns):
            return "no template named \"\(name)\" (built-in templates: \(builtIns.joined(separator: ", ")); "
                + "or give the path of a template file)"
        case .invalidMerchant(let path, let message), .invalidOrder(let path, let message):
            return "\(path): \(message)"
        }
    }
}
