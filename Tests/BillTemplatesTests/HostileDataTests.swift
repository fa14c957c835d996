import BillJSON
import BillModel
import BillTemplates
import Testing

/// Data that tries to break out: control characters, quotes, backslashes, braces, `</svg>`, size.
@Suite struct HostileDataTests {
    static let nasty =
        "Bad\u{0}\u{1B}@\u{1D}V\u{7}\n\"quote\" \\back\\slash {{order.id}} {{{x}}} {{/x}} </svg> \u{2028}end"
    static let long = String(repeating: "Ω{", count: 50_000)

    static var order: Order {
        var o = Fixtures.dineInFull
        o.details?.dineIn?.tableId = "{{merchant.name}}"
        o.details?.dineIn?.waiterId = nasty
        o.reference = long
        o.note = "\"}]}, \"x\": {"
        o.items[0].name = nasty
        o.customer = Customer(name: "</svg><script>alert(1)</script>")
        return o
    }

    static var merchant: MerchantData {
        MerchantData(
            name: nasty, addressLines: [nasty, "{{#order}}loop{{/order}}"], postcode: long, phoneNumber: "\u{9B}31m",
            taxName: "V\"A\"T", taxNumber: "\\u0000", logoSvg: "<svg></svg></svg><svg onload=\"x\">\u{0}",
            website: "{{", waiters: [nasty: "{{order.id}}"])
    }

    func buildAll() throws -> [(String, BillBuildResult)] {
        try BuiltInTemplates.names.map { name in
            (
                name,
                try BillBuilder.build(
                    template: try BillTemplate.builtIn(name), order: Self.order, merchant: Self.merchant,
                    options: Fixtures.options)
            )
        }
    }

    @Test func theOutputIsValidJSONAndValidAgainstTheSpec() throws {
        var texts: [String: String] = [:]
        for (name, result) in try buildAll() {
            let text = JSONWriter.write(
                BillBuilder.jsonRPCResponse(result.bill, id: .string("req-\"1\"")), pretty: true)
            let parsed = try JSONParser.parse(Array(text.utf8))
            guard case .object(let envelope) = parsed else {
                Issue.record("not an object")
                continue
            }
            #expect(envelope["result"] == result.bill.jsonValue)
            // billrender's own decoder reads back the very same bill.
            // billrender's decoder reads back the same header and footer and has nothing to say
            // about them (the order's own hostile strings are the EPOS's data and pass as given).
            let decoded = BillDecoder.decode(bytes: Array(text.utf8))
            #expect(decoded.bill?.header == result.bill.header, "\(name)")
            #expect(decoded.bill?.footer == result.bill.footer, "\(name)")
            #expect(decoded.diagnostics.filter { !$0.path.hasPrefix("result.order") } == [], "\(name)")
            texts["hostile-\(name)"] = text
        }
        try SchemaValidator.validate(texts: texts)
    }

    @Test func dataIsNeverReadAsTemplate() throws {
        let t = try TemplateText.header(
            TemplateText.text("Table {{order.table}}"), TemplateText.text("By {{order.waiter}}"))
        let texts = try TemplateText.headerTexts(t, order: Self.order, merchant: Self.merchant)
        #expect(texts == ["Table {{merchant.name}}", "By {{order.id}}"])
    }

    @Test func controlCharactersAreRemovedFromPrintedTextWithAWarning() throws {
        let t = try TemplateText.header(#"{"lineType": "MerchantName"}"#)
        let result = try BillBuilder.build(template: t, order: Fixtures.dineInFull, merchant: Self.merchant)
        #expect(
            result.bill.header.lines == [
                .merchantName("Bad@V \"quote\" \\back\\slash {{order.id}} {{{x}}} {{/x}} </svg>  end")
            ])
        #expect(
            result.diagnostics.contains { $0.code == .controlCharacters && $0.path == "header[0].merchantName.name" })
        for line in result.bill.header.lines {
            guard case .merchantName(let s) = line else { continue }
            #expect(!s.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
    }

    @Test func veryLongTextIsCutToWhatTheDecoderAcceptsWithAWarning() throws {
        let t = try TemplateText.header(#"{"lineType": "MerchantAddress"}"#)
        let result = try BillBuilder.build(template: t, order: Fixtures.dineInFull, merchant: Self.merchant)
        guard case .merchantAddress(_, let postcode) = try #require(result.bill.header.lines.first) else {
            Issue.record("not an address")
            return
        }
        #expect(postcode.count == DecodingOptions().maxTextLength)
        #expect(
            result.diagnostics.contains { $0.code == .limitExceeded && $0.path == "header[0].merchantAddress.postcode" }
        )
    }

    @Test func theLogoIsPassedOnAsGivenForTheRendererToJudge() throws {
        let t = try TemplateText.header(#"{"lineType": "Logo"}"#)
        let bill = try BillBuilder.build(template: t, order: Fixtures.dineInFull, merchant: Self.merchant).bill
        #expect(bill.header.lines == [.logo(svg: "<svg></svg></svg><svg onload=\"x\">\u{0}")])
    }
}
