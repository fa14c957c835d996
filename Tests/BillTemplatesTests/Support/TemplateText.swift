import BillJSON
import BillModel
import BillTemplates

/// Small templates written inline for behaviour tests.
enum TemplateText {
    /// A template whose header holds `lines` (JSON line objects) and an empty footer.
    static func header(_ lines: String...) throws -> BillTemplate {
        let json = #"{"name": "test", "header": ["# + lines.joined(separator: ",") + "]}"
        return try BillTemplate(bytes: Array(json.utf8), source: "test")
    }

    /// A Text line with `value`, and optionally a `when`.
    static func text(_ value: String, when: String? = nil) -> String {
        var line = #"{"lineType": "Text", "text": {"value": \#(JSONWriter.quoted(value))}"#
        if let when { line += #", "when": \#(when)"# }
        return line + "}"
    }

    /// The header's text values after building with `order` and `merchant`.
    static func headerTexts(
        _ template: BillTemplate, order: Order = Fixtures.dineInFull,
        merchant: MerchantData = Fixtures.nameOnlyMerchant,
        options: BillBuildOptions = Fixtures.options
    ) throws -> [String] {
        let bill = try BillBuilder.build(template: template, order: order, merchant: merchant, options: options).bill
        return bill.header.lines.compactMap { line in
            if case .text(let t) = line { return t.value }
            return nil
        }
    }
}
