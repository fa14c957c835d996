/// Reads one header or footer line. A line that cannot be read is kept as `.skipped` with a
/// warning, so the rest of the bill still prints.
enum BillLineReader {
    static let payloadKeys: [String: String] = [
        "Image": "image", "Logo": "logo", "MerchantAddress": "merchantAddress",
        "MerchantEmailAddress": "merchantEmailAddress", "MerchantName": "merchantName",
        "MerchantPhoneNumber": "merchantPhoneNumber", "Text": "text", "URL": "url",
        "HorizontalLine": "horizontalLine", "TaxNumber": "taxNumber",
    ]

    static func line(_ value: JSONValue, _ path: @autoclosure () -> String, _ reader: inout JSONReader) -> BillLine {
        guard case .object(let object) = value else {
            reader.wrongType(.warning, path(), expected: "a bill line object", found: value)
            return .skipped(lineType: "")
        }
        guard let type = reader.string(object, "lineType", path(), required: .warning, severity: .warning) else {
            return .skipped(lineType: "")
        }
        guard let key = payloadKeys[type] else {
            let known = payloadKeys.keys.sorted().joined(separator: ", ")
            reader.report(.warning, .unknownLineType, JSONReader.join(path(), "lineType"),
                          "unknown lineType \"\(type)\"; the line is skipped (known: \(known))")
            return .skipped(lineType: type)
        }
        guard let payloadValue = object[key], payloadValue != .null else {
            reader.report(.warning, .missingLinePayload, JSONReader.join(path(), key),
                          "lineType \"\(type)\" needs its payload \"\(key)\"; the line is skipped")
            return .skipped(lineType: type)
        }
        func p() -> String { JSONReader.join(path(), key) }
        guard case .object(let payload) = payloadValue else {
            reader.report(.warning, .wrongType, p(),
                          "expected an object (the \(type) payload), found \(payloadValue.excerpt); the line is skipped")
            return .skipped(lineType: type)
        }
        return read(type, payload, p(), &reader) ?? .skipped(lineType: type)
    }

    private static func read(_ type: String, _ payload: JSONObject, _ p: @autoclosure () -> String,
                             _ reader: inout JSONReader) -> BillLine? {
        switch type {
        case "Logo":
            guard let svg = svg(payload, p(), &reader) else { return nil }
            return .logo(svg: svg)
        case "Image":
            guard let svg = svg(payload, p(), &reader) else { return nil }
            return .image(svg: svg, align: reader.enumValue(BillAlign.self, payload, "align", p(), required: nil))
        case "MerchantName":
            return reader.string(payload, "name", p(), required: .warning, severity: .warning).map(BillLine.merchantName)
        case "MerchantAddress":
            var lines: [String] = []
            if let array = reader.array(payload, "addressLines", p(), required: .warning, severity: .warning) {
                for (i, v) in array.enumerated() {
                    if let s = reader.string(v, JSONReader.join(JSONReader.join(p(), "addressLines"), i), severity: .warning) {
                        lines.append(s)
                    }
                }
            }
            let postcode = reader.string(payload, "postcode", p(), required: .warning, severity: .warning) ?? ""
            if lines.isEmpty && postcode.isEmpty { return nil }
            return .merchantAddress(lines: lines, postcode: postcode)
        case "MerchantEmailAddress":
            return reader.string(payload, "emailAddress", p(), required: .warning, severity: .warning)
                .map(BillLine.merchantEmailAddress)
        case "MerchantPhoneNumber":
            return reader.string(payload, "phoneNumber", p(), required: .warning, severity: .warning)
                .map(BillLine.merchantPhoneNumber)
        case "Text":
            guard let value = reader.string(payload, "value", p(), required: .warning, severity: .warning) else { return nil }
            let size = reader.enumValue(BillTextSize.self, payload, "size", p(), required: .warning) ?? .body
            let align = reader.enumValue(BillAlign.self, payload, "align", p(), required: nil)
            let bold = reader.bool(payload, ["bold", "emphasisBold"], p()) ?? false
            return .text(BillText(value: value, size: size, align: align, bold: bold))
        case "HorizontalLine":
            return .horizontalLine(reader.enumValue(BillRule.self, payload, "line", p(), required: nil) ?? .single)
        case "URL":
            guard let url = reader.string(payload, "url", p(), required: .warning, severity: .warning) else { return nil }
            let description = reader.string(payload, "description", p(), required: nil, severity: .warning)
            let showQR = reader.bool(payload, ["showQR", "showQr"], p()) ?? false
            let showURL = reader.bool(payload, ["showURL", "showUrl"], p()) ?? true
            return .url(BillURL(url: url, description: description, showQR: showQR, showURL: showURL))
        case "TaxNumber":
            let name = reader.string(payload, "name", p(), required: .warning, severity: .warning) ?? ""
            guard let number = reader.string(payload, "number", p(), required: .warning, severity: .warning) else { return nil }
            return .taxNumber(name: name, number: number)
        default:
            return nil
        }
    }

    /// The `svgImage`, or nil (with a warning) when it is empty or plainly not SVG.
    private static func svg(_ payload: JSONObject, _ p: @autoclosure () -> String, _ reader: inout JSONReader) -> String? {
        guard let svg = reader.string(payload, "svgImage", p(), required: .warning, severity: .warning, sanitize: false) else {
            return nil
        }
        func sp() -> String { JSONReader.join(p(), "svgImage") }
        if svg.allSatisfy(\.isWhitespace) {
            reader.report(.warning, .emptySVG, sp(), "the SVG is empty; the line is skipped")
            return nil
        }
        if !svg.contains("<svg") {
            let excerpt = JSONValue.string(svg).excerpt
            reader.report(.warning, .emptySVG, sp(), "\(excerpt) is not SVG markup (no <svg> element); the line is skipped")
            return nil
        }
        return svg
    }
}
