import BillJSON
import BillModel

/// Looks through a bill's header and footer strings.
enum BillInspection {
    /// Every string in the header and footer payloads, with its path.
    static func strings(_ bill: OrderBill) -> [(path: String, value: String)] {
        guard case .object(let o) = bill.jsonValue else { return [] }
        var out: [(String, String)] = []
        for section in ["header", "footer"] {
            if let v = o[section] { collect(v, section, &out) }
        }
        return out
    }

    /// Strings that are blank or still hold a Mustache tag: a template line that leaked.
    static func leaks(_ bill: OrderBill) -> [String] {
        strings(bill).filter {
            $0.value.allSatisfy(\.isWhitespace) && !$0.path.hasSuffix(".postcode") || $0.value.contains("{{")
        }
        .map { "\($0.path) = \(JSONWriter.quoted($0.value))" }
    }

    private static func collect(_ v: JSONValue, _ path: String, _ out: inout [(String, String)]) {
        switch v {
        case .string(let s): out.append((path, s))
        case .array(let a): for (i, e) in a.enumerated() { collect(e, "\(path)[\(i)]", &out) }
        case .object(let o): for (k, e) in o.members { collect(e, "\(path).\(k)", &out) }
        default: break
        }
    }
}
