import BillJSON
import BillModel

/// Reads one template line: `{"lineType": …, "<payload>": {…}, "when": …}`.
///
/// The predefined line types may leave their payload out: it then defaults to the merchant's data
/// (`MerchantName` → `{{merchant.name}}`, `Logo` → `{{merchant.logoSvg}}`, …).
struct TemplateLineParser {
    let reader: TemplateReader

    static let lineKeys: [String: String] = [
        "Logo": "logo", "Image": "image", "MerchantName": "merchantName", "MerchantAddress": "merchantAddress",
        "MerchantEmailAddress": "merchantEmailAddress", "MerchantPhoneNumber": "merchantPhoneNumber",
        "Text": "text", "HorizontalLine": "horizontalLine", "URL": "url", "TaxNumber": "taxNumber",
    ]

    func line(_ element: JSONElement) throws(BillTemplateError) -> TemplateLine {
        let r = reader
        let path = element.path
        guard let peek = try? element.object() else {
            throw r.fail(path, "expected a line object, found \(element.excerpt)")
        }
        guard let lineType = try r.string(peek, "lineType") else { throw r.fail(path, "missing \"lineType\"") }
        guard let payloadKey = Self.lineKeys[lineType] else {
            throw r.fail(
                peek.path(of: "lineType"),
                "expected one of \(Self.lineKeys.keys.sorted().joined(separator: ", ")), found \(JSONQuoting.excerpt(lineType))"
            )
        }
        let o = try r.object(element, allowed: ["lineType", payloadKey, "when"])
        let payload = o.member(payloadKey) ?? JSONElement(.object(JSONObject()), path: o.path(of: payloadKey))
        let p = try r.object(payload, allowed: Self.payloadKeys(lineType))
        return TemplateLine(kind: try kind(lineType, p), conditions: try conditions(o.member("when")), path: path)
    }

    private static func payloadKeys(_ lineType: String) -> Set<String> {
        switch lineType {
        case "Logo": return ["svgImage"]
        case "Image": return ["svgImage", "align"]
        case "MerchantName": return ["name"]
        case "MerchantAddress": return ["addressLines", "postcode"]
        case "MerchantEmailAddress": return ["emailAddress"]
        case "MerchantPhoneNumber": return ["phoneNumber"]
        case "Text": return ["value", "size", "align", "bold", "emphasisBold"]
        case "HorizontalLine": return ["line"]
        case "URL": return ["url", "description", "showQR", "showQr", "showURL", "showUrl"]
        default: return ["name", "number"]
        }
    }

    private func kind(_ lineType: String, _ p: JSONObjectReader) throws(BillTemplateError)
        -> TemplateLine.Kind
    {
        let r = reader
        switch lineType {
        case "Logo":
            return .logo(svg: try r.templateField(p, "svgImage", default: "{{merchant.logoSvg}}"))
        case "Image":
            return .image(
                svg: try r.templateField(p, "svgImage", default: nil),
                align: try r.enumValue(p, "align", BillAlign.self))
        case "MerchantName":
            return .merchantName(try r.templateField(p, "name", default: "{{merchant.name}}"))
        case "MerchantAddress":
            var lines: [TemplateString]?
            if let v = p.member("addressLines") {
                guard let a = try? v.array() else {
                    throw r.fail(v.path, "expected an array of strings, found \(v.excerpt)")
                }
                lines = []
                for element in a {
                    lines?.append(try r.template(try r.string(element), element.path))
                }
            }
            return .merchantAddress(
                lines: lines, postcode: try r.templateField(p, "postcode", default: "{{merchant.postcode}}"))
        case "MerchantEmailAddress":
            return .merchantEmailAddress(
                try r.templateField(p, "emailAddress", default: "{{merchant.emailAddress}}"))
        case "MerchantPhoneNumber":
            return .merchantPhoneNumber(
                try r.templateField(p, "phoneNumber", default: "{{merchant.phoneNumber}}"))
        case "Text":
            return .text(
                value: try r.templateField(p, "value", default: nil),
                size: try r.enumValue(p, "size", BillTextSize.self) ?? .body,
                align: try r.enumValue(p, "align", BillAlign.self),
                bold: try r.bool(p, ["bold", "emphasisBold"]) ?? false)
        case "HorizontalLine":
            return .horizontalLine(try r.enumValue(p, "line", BillRule.self) ?? .single)
        case "URL":
            let description = try r.string(p, "description").map { (s) throws(BillTemplateError) in
                try r.template(s, p.path(of: "description"))
            }
            return .url(
                url: try r.templateField(p, "url", default: nil), description: description,
                showQR: try r.bool(p, ["showQR", "showQr"]) ?? false,
                showURL: try r.bool(p, ["showURL", "showUrl"]) ?? true)
        default:
            return .taxNumber(
                name: try r.templateField(p, "name", default: "{{merchant.taxName}}"),
                number: try r.templateField(p, "number", default: "{{merchant.taxNumber}}"))
        }
    }

    private func conditions(_ element: JSONElement?) throws(BillTemplateError) -> [TemplateLine.Condition] {
        guard let element else { return [] }
        let entries: [JSONElement]
        switch element.kind {
        case .string: entries = [element]
        case .array: entries = (try? element.array()).map(Array.init) ?? []
        default:
            throw reader.fail(
                element.path, "expected a key path or an array of key paths, found \(element.excerpt)")
        }
        var out: [TemplateLine.Condition] = []
        for entry in entries {
            guard var s = try? entry.string() else {
                throw reader.fail(entry.path, "expected a key path, found \(entry.excerpt)")
            }
            let negated = s.hasPrefix("!")
            if negated { s.removeFirst() }
            let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
            guard !s.isEmpty, s.allSatisfy(allowed.contains), !s.hasPrefix("."), !s.hasSuffix("."), !s.contains("..")
            else {
                throw reader.fail(
                    entry.path, "expected a key path like \"order.table\" or \"!order.table\", found \(entry.excerpt)")
            }
            out.append(TemplateLine.Condition(keyPath: s, negated: negated))
        }
        return out
    }
}
