import BillJSON

/// Reads one header or footer line. A line that cannot be read is kept as `.skipped` with a
/// warning, so the rest of the bill still prints.
enum BillLineReader {
    /// Each line type and the key of its payload.
    static let payloadKeys: [String: JSONKey] = [
        "Image": .image, "Logo": .logo, "MerchantAddress": .merchantAddress,
        "MerchantEmailAddress": .merchantEmailAddress, "MerchantName": .merchantName,
        "MerchantPhoneNumber": .merchantPhoneNumber, "Text": .text, "URL": .url,
        "HorizontalLine": .horizontalLine, "TaxNumber": .taxNumber,
    ]

    /// The same, as bytes to compare with.
    private static let lineTypes: [(spelling: [UInt8], name: String, payload: JSONKey)] =
        payloadKeys.map { (Array($0.key.utf8), $0.key, $0.value) }

    /// Finds a line type by its bytes, as the parser finds keys: `lineTypes[raw - 1]`.
    private static let lineTypeTable = JSONKeyTable(lineTypes.indices.map { (UInt8($0 + 1), lineTypes[$0].spelling) })

    static func line(_ object: Int, _ path: @autoclosure () -> String, _ reader: inout JSONReader) -> BillLine {
        guard reader.tape.kind(object) == .object else {
            reader.wrongType(.warning, path(), expected: "a bill line object", found: object)
            return .skipped(lineType: "")
        }
        let type: String
        let key: JSONKey
        if let typeNode = reader.tape.member(object, .lineType),
            let raw = reader.tape.withRawStringBytes(typeNode, { lineTypeTable.match($0, 0, $0.count) }), raw != 0
        {
            let known = lineTypes[Int(raw) - 1]
            // The common case, decided on the bytes.
            (type, key) = (known.name, known.payload)
        } else {
            guard let name = reader.string(object, .lineType, path(), required: .warning, severity: .warning) else {
                return .skipped(lineType: "")
            }
            guard let payload = payloadKeys[name] else {
                let known = payloadKeys.keys.sorted().joined(separator: ", ")
                reader.report(
                    .warning, .unknownLineType, JSONReader.join(path(), "lineType"),
                    "unknown lineType \"\(name)\"; the line is skipped (known: \(known))")
                return .skipped(lineType: name)
            }
            (type, key) = (name, payload)
        }
        // One walk of the line's members: the payload, unless missing or null.
        guard let payload = reader.tape.member(object, key), reader.tape.kind(payload) != .null else {
            reader.report(
                .warning, .missingLinePayload, JSONReader.join(path(), key.name),
                "lineType \"\(type)\" needs its payload \"\(key.name)\"; the line is skipped")
            return .skipped(lineType: type)
        }
        func p() -> String { JSONReader.join(path(), key.name) }
        guard reader.tape.kind(payload) == .object else {
            reader.report(
                .warning, .wrongType, p(),
                "expected an object (the \(type) payload), found \(reader.excerpt(payload)); the line is skipped")
            return .skipped(lineType: type)
        }
        return read(key, payload, path(), &reader) ?? .skipped(lineType: type)
    }

    /// The line with payload `key` (each line type has its own); `linePath` is the line's path.
    private static func read(
        _ key: JSONKey, _ payload: Int, _ linePath: @autoclosure () -> String,
        _ reader: inout JSONReader
    ) -> BillLine? {
        func p() -> String { JSONReader.join(linePath(), key.name) }
        switch key {
        case .logo:
            guard let svg = svg(payload, key, linePath(), &reader) else { return nil }
            return .logo(svg: svg)
        case .image:
            guard let svg = svg(payload, key, linePath(), &reader) else { return nil }
            return .image(svg: svg, align: reader.enumValue(BillAlign.self, payload, .align, p(), required: nil))
        case .merchantName:
            return reader.string(payload, .name, p(), required: .warning, severity: .warning).map(BillLine.merchantName)
        case .merchantAddress:
            var lines: [String] = []
            if let array = reader.array(payload, .addressLines, p(), required: .warning, severity: .warning) {
                for (i, v) in array.enumerated() {
                    if let s = reader.string(
                        v, JSONReader.join(JSONReader.join(p(), "addressLines"), i), severity: .warning)
                    {
                        lines.append(s)
                    }
                }
            }
            let postcode = reader.string(payload, .postcode, p(), required: .warning, severity: .warning) ?? ""
            if lines.isEmpty && postcode.isEmpty { return nil }
            return .merchantAddress(lines: lines, postcode: postcode)
        case .merchantEmailAddress:
            return reader.string(payload, .emailAddress, p(), required: .warning, severity: .warning)
                .map(BillLine.merchantEmailAddress)
        case .merchantPhoneNumber:
            return reader.string(payload, .phoneNumber, p(), required: .warning, severity: .warning)
                .map(BillLine.merchantPhoneNumber)
        case .text:
            guard let value = reader.string(payload, .value, p(), required: .warning, severity: .warning) else {
                return nil
            }
            let size = reader.enumValue(BillTextSize.self, payload, .size, p(), required: .warning) ?? .body
            let align = reader.enumValue(BillAlign.self, payload, .align, p(), required: nil)
            let bold = reader.bool(payload, .bold, or: .emphasisBold, p()) ?? false
            return .text(BillLineText(value: value, size: size, align: align, bold: bold))
        case .horizontalLine:
            return .horizontalLine(reader.enumValue(BillRule.self, payload, .line, p(), required: nil) ?? .single)
        case .url:
            guard let url = reader.string(payload, .url, p(), required: .warning, severity: .warning) else {
                return nil
            }
            let description = reader.string(payload, .description, p(), required: nil, severity: .warning)
            let showQR = reader.bool(payload, .showQR, or: .showQr, p()) ?? false
            let showURL = reader.bool(payload, .showURL, or: .showUrl, p()) ?? true
            return .url(BillURL(url: url, description: description, showQR: showQR, showURL: showURL))
        case .taxNumber:
            let name = reader.string(payload, .name, p(), required: .warning, severity: .warning) ?? ""
            guard let number = reader.string(payload, .number, p(), required: .warning, severity: .warning) else {
                return nil
            }
            return .taxNumber(name: name, number: number)
        default:
            return nil
        }
    }

    /// The `svgImage` of the payload `key`, or nil (with a warning) when it is empty or plainly
    /// not SVG.
    private static func svg(
        _ payload: Int, _ key: JSONKey, _ linePath: @autoclosure () -> String,
        _ reader: inout JSONReader
    ) -> String? {
        guard
            let svg = reader.string(
                payload, .svgImage, JSONReader.join(linePath(), key.name), required: .warning,
                severity: .warning, sanitize: false)
        else {
            return nil
        }
        func sp() -> String { JSONReader.spell(linePath(), .key(key.name), .key("svgImage")) }
        if svg.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            reader.report(.warning, .emptySVG, sp(), "the SVG is empty; the line is skipped")
            return nil
        }
        if !containsSVGElement(svg) {
            let excerpt = JSONValue.string(svg).excerpt
            reader.report(
                .warning, .emptySVG, sp(), "\(excerpt) is not SVG markup (no <svg> element); the line is skipped")
            return nil
        }
        return svg
    }

    /// True when `svg` has `<svg` somewhere (a byte search: a logo is kilobytes long).
    private static func containsSVGElement(_ svg: String) -> Bool {
        var svg = svg
        return svg.withUTF8 { bytes in
            guard bytes.count >= 4 else { return false }
            for k in 0...(bytes.count - 4) where bytes[k] == UInt8(ascii: "<") {
                if bytes[k + 1] == UInt8(ascii: "s"), bytes[k + 2] == UInt8(ascii: "v"),
                    bytes[k + 3] == UInt8(ascii: "g")
                {
                    return true
                }
            }
            return false
        }
    }
}
