import BillJSON
import BillModel
import BillProfiles
import BillRender
import BillTemplates
import TestSupport
import Testing

/// Every shipped template × several orders × merchants: golden bill JSON and golden text, each
/// bill strictly valid by billrender's own decoder and by the spec's JSON Schema (python-jsonschema).
@Suite struct GoldenBillTests {
    struct Case: CustomStringConvertible, Sendable {
        var template: String
        var order: String
        var merchant: String
        var description: String { "\(template)/\(order)--\(merchant)" }
    }

    static let cases: [Case] = BuiltInTemplates.names.flatMap { t in
        Fixtures.orders.flatMap { o in ["full", "name-only"].map { m in Case(template: t, order: o.name, merchant: m) }
        }
    }

    func build(_ c: Case) throws -> BillBuildResult {
        let order = try #require(Fixtures.orders.first { $0.name == c.order }?.order)
        let merchant = try #require(try Fixtures.merchants.first { $0.name == c.merchant }?.merchant)
        return try BillBuilder.build(
            template: try BillTemplate.builtIn(c.template), order: order, merchant: merchant,
            options: Fixtures.options)
    }

    @Test(arguments: cases)
    func goldenJSONAndText(_ c: Case) throws {
        let result = try build(c)
        let json = JSONWriter.write(result.bill.jsonValue, pretty: true) + "\n"
        #expect(Golden.mismatch(json, matches: "templates/\(c.template)/\(c.order)--\(c.merchant).json") == nil)

        #expect(BillInspection.leaks(result.bill) == [])

        // Strict: billrender's decoder and layout find nothing to say about the output.
        let decoded = BillDecoder.decode(bytes: Array(json.utf8))
        let bill = try #require(decoded.bill, "\(decoded.diagnostics)")
        let paper: PrinterProfile =
            try BillTemplate.builtIn(c.template).paperWidth == "58mm" ? .generic58mm : .generic80mm
        let options = RenderOptions(profile: paper, strict: true)
        #expect(decoded.diagnostics == [])
        #expect(bill == result.bill)
        let text = try BillRenderer.render(bill, format: .text, options: options)
        #expect(Golden.mismatch(text.bytes, matches: "templates/\(c.template)/\(c.order)--\(c.merchant).txt") == nil)
    }

    @Test func everyGoldenBillIsValidAgainstTheSpecSchema() throws {
        var texts: [String: String] = [:]
        for c in Self.cases { texts[c.description] = JSONWriter.write(try build(c).bill.jsonValue) }
        try SchemaValidator.validate(texts: texts)
        // The committed goldens too, as CI sees them.
        let files = Self.cases.map { "golden/templates/\($0.template)/\($0.order)--\($0.merchant).json" }
        let result = try SchemaValidator.run(files)
        #expect(result.status == 0, "\(result.output)")
    }
}
