import BillModel

/// Renders template lines to bill lines, leaving out those whose data is missing.
struct TemplateLineRenderer {
    let context: TemplateContext
    let merchant: MerchantData
    /// The longest printed text kept (billrender's decoder cuts longer text with a warning).
    let maxTextLength: Int
    private(set) var diagnostics: [Diagnostic] = []

    init(context: TemplateContext, merchant: MerchantData, maxTextLength: Int) {
        self.context = context
        self.merchant = merchant
        self.maxTextLength = maxTextLength
    }

    /// The bill line, or nil when a `when` fails or a required field has no value.
    mutating func render(_ line: TemplateLine) -> BillLine? {
        guard line.conditions.allSatisfy({ $0.holds(in: context) }) else { return nil }
        let p = line.path
        switch line.kind {
        case .logo(let svg):
            return markup(svg, "\(p).logo.svgImage").map { .logo(svg: $0) }
        case .image(let svg, let align):
            return markup(svg, "\(p).image.svgImage").map { .image(svg: $0, align: align) }
        case .merchantName(let t):
            return text(t, "\(p).merchantName.name").map { .merchantName($0) }
        case .merchantAddress(let templates, let postcodeTemplate):
            let lines: [String]
            if let templates {
                lines = templates.enumerated().compactMap { text($1, "\(p).merchantAddress.addressLines[\($0)]") }
            } else {
                lines = merchant.addressLines.enumerated().compactMap { clean($1, "merchant.addressLines[\($0)]") }
            }
            let postcode = text(postcodeTemplate, "\(p).merchantAddress.postcode")
            if lines.isEmpty && postcode == nil { return nil }
            return .merchantAddress(lines: lines, postcode: postcode ?? "")
        case .merchantEmailAddress(let t):
            return text(t, "\(p).merchantEmailAddress.emailAddress").map { .merchantEmailAddress($0) }
        case .merchantPhoneNumber(let t):
            return text(t, "\(p).merchantPhoneNumber.phoneNumber").map { .merchantPhoneNumber($0) }
        case .text(let t, let size, let align, let bold):
            return text(t, "\(p).text.value").map {
                .text(BillLineText(value: $0, size: size, align: align, bold: bold))
            }
        case .horizontalLine(let rule):
            return .horizontalLine(rule)
        case .url(let urlTemplate, let descriptionTemplate, let showQR, let showURL):
            guard let url = text(urlTemplate, "\(p).url.url") else { return nil }
            let description = descriptionTemplate.flatMap { text($0, "\(p).url.description") }
            return .url(BillURL(url: url, description: description, showQR: showQR, showURL: showURL))
        case .taxNumber(let nameTemplate, let numberTemplate):
            guard let name = text(nameTemplate, "\(p).taxNumber.name"),
                let number = text(numberTemplate, "\(p).taxNumber.number")
            else { return nil }
            return .taxNumber(name: name, number: number)
        }
    }

    /// A rendered printable field: control characters out, trimmed; nil when nothing is left.
    private mutating func text(_ t: TemplateString, _ path: String) -> String? {
        markup(t, path).flatMap { clean($0, path) }
    }

    /// A rendered field as it stands (SVG is passed on for the renderer to judge).
    private mutating func markup(_ t: TemplateString, _ path: String) -> String? {
        for key in t.nonTextKeys(context) {
            diagnostics.append(
                Diagnostic(
                    .warning, .wrongType, at: path,
                    "{{\(key)}} is a list, an object or a flag, not text; the line is left out (use a section: {{#\(key)}}…{{/\(key)}})"
                ))
        }
        return t.render(context)
    }

    /// Printable text as billrender's decoder reads it: control characters out (as `TextSanitizer`
    /// does), trimmed, cut to `maxTextLength`; nil when nothing is left.
    private mutating func clean(_ s: String, _ path: String) -> String? {
        var out = s
        if let cleaned = TextSanitizer.sanitize(s) {
            diagnostics.append(
                Diagnostic(
                    .warning, .controlCharacters, at: path,
                    "removed \(cleaned.removed.count) control character\(cleaned.removed.count == 1 ? "" : "s") from \(JSONQuoting.excerpt(s))"
                ))
            out = cleaned.text
        }
        out = out.trimmingWhitespace()
        if out.count > maxTextLength {
            diagnostics.append(
                Diagnostic(
                    .warning, .limitExceeded, at: path, "text of \(out.count) characters cut to \(maxTextLength)"))
            out = String(out.prefix(maxTextLength))
        }
        return out.isEmpty ? nil : out
    }
}
