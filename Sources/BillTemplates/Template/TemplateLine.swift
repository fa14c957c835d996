import BillModel

/// One header or footer line of a template: a spec `BillLine` shape whose strings are Mustache.
struct TemplateLine: Sendable {
    /// What the line becomes, with its templated fields.
    enum Kind: Sendable {
        case logo(svg: TemplateString)
        case image(svg: TemplateString, align: BillAlign?)
        case merchantName(TemplateString)
        /// `lines` nil: the merchant's own `addressLines`.
        case merchantAddress(lines: [TemplateString]?, postcode: TemplateString)
        case merchantEmailAddress(TemplateString)
        case merchantPhoneNumber(TemplateString)
        case text(value: TemplateString, size: BillTextSize, align: BillAlign?, bold: Bool)
        case horizontalLine(BillRule)
        case url(url: TemplateString, description: TemplateString?, showQR: Bool, showURL: Bool)
        case taxNumber(name: TemplateString, number: TemplateString)
    }

    /// A `when` entry: the line is kept only if the key path holds data (or, with `!`, does not).
    struct Condition: Sendable, Equatable {
        var keyPath: String
        var negated: Bool

        func holds(in context: TemplateContext) -> Bool { context.isPresent(keyPath) != negated }
    }

    let kind: Kind
    let conditions: [Condition]
    /// Where the line is in the template, for example `header[3]`.
    let path: String
}
