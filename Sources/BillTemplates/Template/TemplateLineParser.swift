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

    func line(_ value: JSONValue, _ path: String) throws(BillTemplateError) -> TemplateLine {
        let r = reader
        guard case .object(let peek) = value else {
            throw r.fail(path, "expected a line object, found \(value.excerpt)")
        }
        guard let lineType = try r.string(peek, "lineType", path) else { throw r.fail(path, "missing \"lineType\"") }
        guard let payloadKey = Self.lineKeys[lineType] else {
            throw r.fail(
                "\(path).lineType",
                "expected one of \(Self.lineKeys.keys.sorted().joined(separator: ", ")), found \(JSONQuoting.excerpt(lineType))"
            )
        }
        let o = try r.object(value, path, allowed: ["lineType", payloadKey, "when"])
        let payloadPath = "\(path).\(payloadKey)"
        let p = try r.object(o[payloadKey] ?? .object(JSONObject()), payloadPath, allowed: Self.payloadKeys(lineType))
        return TemplateLine(
            kind: try kind(lineType, p, payloadPath), conditions: try conditions(o["when"], "\(path).when"),
            path: path)
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

    private func kind(_ lineType: String, _ p: JSONObject, _ path: String) throws(BillTemplateError)
        -> TemplateLine.Kind
    {
        let r = reader
        switch lineType {
        case "Logo":
            return .logo(svg: try r.templateField(p, "svgImage", path, default: "{{merchant.logoSvg}}"))
        case "Image":
            return .image(
                svg: try r.templateField(p, "svgImage", path, default: nil),
                align: try r.enumValue(p, "align", path, BillAlign.self))
        case "MerchantName":
            return .merchantName(try r.templateField(p, "name", path, default: "{{merchant.name}}"))
        case "MerchantAddress":
            var lines: [TemplateString]?
            if let v = p["addressLines"] {
                guard case .array(let a) = v else {
                    throw r.fail("\(path).addressLines", "expected an array of strings, found \(v.excerpt)")
                }
                lines = []
                for (i, element) in a.enumerated() {
                    guard case .string(let s) = element else {
                        throw r.fail("\(path).addressLines[\(i)]", "expected a string, found \(element.excerpt)")
                    }
                    lines?.append(try r.template(s, "\(path).addressLines[\(i)]"))
                }
            }
            return .merchantAddress(
                lines: lines, postcode: try r.templateField(p, "postcode", path, default: "{{merchant.postcode}}"))
        case "MerchantEmailAddress":
            return .merchantEmailAddress(
                try r.templateField(p, "emailAddress", path, default: "{{merchant.emailAddress}}"))
        case "MerchantPhoneNumber":
            return .merchantPhoneNumber(
                try r.templateField(p, "phoneNumber", path, default: "{{merchant.phoneNumber}}"))
        case "Text":
            return .text(
                value: try r.templateField(p, "value", path, default: nil),
                size: try r.enumValue(p, "size", path, BillTextSize.self) ?? .body,
                align: try r.enumValue(p, "align", path, BillAlign.self),
                bold: try r.bool(p, ["bold", "emphasisBold"], path) ?? false)
        case "HorizontalLine":
            return .horizontalLine(try r.enumValue(p, "line", path, BillRule.self) ?? .single)
        case "URL":
            let description = try r.string(p, "description", path).map { (s) throws(BillTemplateError) in
                try r.template(s, "\(path).description")
            }
            return .url(
                url: try r.templateField(p, "url", path, default: nil), description: description,
                showQR: try r.bool(p, ["showQR", "showQr"], path) ?? false,
                showURL: try r.bool(p, ["showURL", "showUrl"], path) ?? true)
        default:
            return .taxNumber(
                name: try r.templateField(p, "name", path, default: "{{merchant.taxName}}"),
                number: try r.templateField(p, "number", path, default: "{{merchant.taxNumber}}"))
        }
    }

    private func conditions(_ value: JSONValue?, _ path: String) throws(BillTemplateError) -> [TemplateLine.Condition] {
        guard let value else { return [] }
        let entries: [(JSONValue, String)]
        switch value {
        case .string: entries = [(value, path)]
        case .array(let a): entries = a.enumerated().map { ($1, "\(path)[\($0)]") }
        default: throw reader.fail(path, "expected a key path or an array of key paths, found \(value.excerpt)")
        }
        var out: [TemplateLine.Condition] = []
        for (entry, entryPath) in entries {
            guard case .string(var s) = entry else {
                throw reader.fail(entryPath, "expected a key path, found \(entry.excerpt)")
            }
            let negated = s.hasPrefix("!")
            if negated { s.removeFirst() }
            let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
            guard !s.isEmpty, s.allSatisfy(allowed.contains), !s.hasPrefix("."), !s.hasSuffix("."), !s.contains("..")
            else {
                throw reader.fail(
                    entryPath, "expected a key path like \"order.table\" or \"!order.table\", found \(entry.excerpt)")
            }
            out.append(TemplateLine.Condition(keyPath: s, negated: negated))
        }
        return out
    }
}
