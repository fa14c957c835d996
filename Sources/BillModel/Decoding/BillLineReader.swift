import BillJSON

/// Reads one header or footer line. A line that cannot be read is kept as `.skipped` with a
/// warning, so the rest of the bill still prints.
enum BillLineReader {
    /// Each line type and the key of its payload, in the order of their names (ten of them: a
    /// look along the list costs less than hashing the name).
    static let payloadKeys: [(lineType: String, key: BillKey)] = [
        ("HorizontalLine", .horizontalLine), ("Image", .image), ("Logo", .logo),
        ("MerchantAddress", .merchantAddress), ("MerchantEmailAddress", .merchantEmailAddress),
        ("MerchantName", .merchantName), ("MerchantPhoneNumber", .merchantPhoneNumber), ("TaxNumber", .taxNumber),
        ("Text", .text), ("URL", .url),
    ]

    /// The payload key of the line type `type`.
    static func payloadKey(_ type: String) -> BillKey? {
        payloadKeys.first { $0.lineType == type }?.key
    }

    static func line(_ element: Int, _ reader: inout BillReader) -> BillLine {
        guard let object = reader.object(element, expected: "a bill line object", severity: .warning) else {
            return .skipped(lineType: "")
        }
        guard let type = reader.string(object, .lineType, required: .warning, severity: .warning) else {
            return .skipped(lineType: "")
        }
        guard let key = payloadKey(type) else {
            let known = payloadKeys.map(\.lineType).joined(separator: ", ")
            reader.report(
                .warning, .unknownLineType, reader.path(object, .lineType),
                "unknown lineType \"\(type)\"; the line is skipped (known: \(known))")
            return .skipped(lineType: type)
        }
        guard let payload = reader.anyMember(object, key), !reader.isNull(payload) else {
            reader.report(
                .warning, .missingLinePayload, reader.path(object, key),
                "lineType \"\(type)\" needs its payload \"\(key.rawValue)\"; the line is skipped")
            return .skipped(lineType: type)
        }
        guard reader.isObject(payload) else {
            let element = reader.element(payload)
            reader.report(
                .warning, .wrongType, element.path,
                "expected an object (the \(type) payload), found \(element.excerpt); the line is skipped")
            return .skipped(lineType: type)
        }
        return read(key, payload, &reader) ?? .skipped(lineType: type)
    }

    /// The line with payload `key` (each line type has its own).
    private static func read(_ key: BillKey, _ payload: Int, _ reader: inout BillReader) -> BillLine? {
        switch key {
        case .logo:
            guard let svg = svg(payload, &reader) else { return nil }
            return .logo(svg: svg)
        case .image:
            guard let svg = svg(payload, &reader) else { return nil }
            return .image(svg: svg, align: reader.enumValue(BillAlign.self, payload, .align, required: nil))
        case .merchantName:
            return reader.string(payload, .name, required: .warning, severity: .warning).map(BillLine.merchantName)
        case .merchantAddress:
            var lines: [String] = []
            if let array = reader.array(payload, .addressLines, required: .warning, severity: .warning) {
                for v in reader.elements(array) {
                    if let s = reader.string(v, severity: .warning) { lines.append(s) }
                }
            }
            let postcode = reader.string(payload, .postcode, required: .warning, severity: .warning) ?? ""
            if lines.isEmpty && postcode.isEmpty { return nil }
            return .merchantAddress(lines: lines, postcode: postcode)
        case .merchantEmailAddress:
            return reader.string(payload, .emailAddress, required: .warning, severity: .warning)
                .map(BillLine.merchantEmailAddress)
        case .merchantPhoneNumber:
            return reader.string(payload, .phoneNumber, required: .warning, severity: .warning)
                .map(BillLine.merchantPhoneNumber)
        case .text:
            guard let value = reader.string(payload, .value, required: .warning, severity: .warning) else {
                return nil
            }
            let size = reader.enumValue(BillTextSize.self, payload, .size, required: .warning) ?? .body
            let align = reader.enumValue(BillAlign.self, payload, .align, required: nil)
            let bold = reader.bool(payload, .bold, or: .emphasisBold) ?? false
            return .text(BillLineText(value: value, size: size, align: align, bold: bold))
        case .horizontalLine:
            return .horizontalLine(reader.enumValue(BillRule.self, payload, .line, required: nil) ?? .single)
        case .url:
            guard let url = reader.string(payload, .url, required: .warning, severity: .warning) else {
                return nil
            }
            let description = reader.string(payload, .description, required: nil, severity: .warning)
            let showQR = reader.bool(payload, .showQR, or: .showQr) ?? false
            let showURL = reader.bool(payload, .showURL, or: .showUrl) ?? true
            return .url(BillURL(url: url, description: description, showQR: showQR, showURL: showURL))
        case .taxNumber:
            let name = reader.string(payload, .name, required: .warning, severity: .warning) ?? ""
            guard let number = reader.string(payload, .number, required: .warning, severity: .warning) else {
                return nil
            }
            return .taxNumber(name: name, number: number)
        default:
            return nil
        }
    }

    /// The payload's `svgImage`, or nil (with a warning) when it is empty or plainly not SVG.
    private static func svg(_ payload: Int, _ reader: inout BillReader) -> String? {
        guard let svg = reader.string(payload, .svgImage, required: .warning, severity: .warning, sanitize: false)
        else {
            return nil
        }
        if svg.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            reader.report(
                .warning, .emptySVG, reader.path(payload, .svgImage),
                "the SVG is empty; the line is skipped")
            return nil
        }
        var markup = svg
        if !markup.withUTF8(hasSVGElement) {
            let excerpt = JSONValue.string(svg).excerpt
            reader.report(
                .warning, .emptySVG, reader.path(payload, .svgImage),
                "\(excerpt) is not SVG markup (no <svg> element); the line is skipped")
            return nil
        }
        return svg
    }

    /// Whether the bytes hold `<svg` (a plain scan: the generic substring search costs more to set
    /// up than most pictures take to scan).
    private static func hasSVGElement(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 4 else { return false }
        var k = 0
        while k + 4 <= bytes.count {
            if bytes[k] == UInt8(ascii: "<"), bytes[k + 1] == UInt8(ascii: "s"), bytes[k + 2] == UInt8(ascii: "v"),
                bytes[k + 3] == UInt8(ascii: "g")
            {
                return true
            }
            k += 1
        }
        return false
    }
}
