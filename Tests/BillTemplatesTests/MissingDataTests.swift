import BillModel
import BillTemplates
import Testing

/// A template line whose data is missing is left out: never printed empty or as `{{…}}`.
@Suite struct MissingDataTests {
    @Test func aLineNamingMissingDataIsLeftOut() throws {
        let t = try TemplateText.header(
            TemplateText.text("Table {{order.table}}"), TemplateText.text("Served by {{order.waiter}}"),
            TemplateText.text("Always"))
        #expect(try TemplateText.headerTexts(t, order: Fixtures.dineInFull) == ["Table 12", "Served by 42", "Always"])
        #expect(try TemplateText.headerTexts(t, order: Fixtures.minimalData) == ["Always"])
    }

    @Test func aSectionKeepsTheLineAndDropsOnlyItsPart() throws {
        let t = try TemplateText.header(
            TemplateText.text("{{merchant.name}}{{#merchant.website}} - {{merchant.website}}{{/merchant.website}}"))
        #expect(try TemplateText.headerTexts(t) == ["Kiosk 9"])
        #expect(
            try TemplateText.headerTexts(t, merchant: try Fixtures.fullMerchant) == [
                "Trattoria Uno - trattoria-uno.example"
            ])
    }

    @Test func aLineThatRendersBlankIsLeftOut() throws {
        let t = try TemplateText.header(
            TemplateText.text("{{#order.table}}Table {{order.table}}{{/order.table}}"),
            TemplateText.text("   "))
        #expect(try TemplateText.headerTexts(t, order: Fixtures.minimalData) == [])
    }

    @Test func whenConditionsKeepOrDropALine() throws {
        let t = try TemplateText.header(
            TemplateText.text("Dine in", when: #""order.isDineIn""#),
            TemplateText.text("No table", when: #""!order.table""#),
            TemplateText.text("Both", when: #"["order.isCollection", "order.asap"]"#))
        #expect(try TemplateText.headerTexts(t, order: Fixtures.dineInFull) == ["Dine in"])
        #expect(try TemplateText.headerTexts(t, order: Fixtures.minimalData) == ["Dine in", "No table"])
        #expect(try TemplateText.headerTexts(t, order: Fixtures.collectionASAP) == ["No table", "Both"])
        #expect(try TemplateText.headerTexts(t, order: Fixtures.collectionLater) == ["No table"])
    }

    @Test func predefinedLinesWithoutMerchantDataAreLeftOut() throws {
        let t = try TemplateText.header(
            #"{"lineType": "Logo"}"#, #"{"lineType": "MerchantName"}"#, #"{"lineType": "MerchantAddress"}"#,
            #"{"lineType": "MerchantPhoneNumber"}"#, #"{"lineType": "MerchantEmailAddress"}"#,
            #"{"lineType": "TaxNumber"}"#,
            #"{"lineType": "URL", "url": {"url": "{{merchant.feedbackUrl}}", "showQR": true}}"#)
        let bill = try BillBuilder.build(template: t, order: Fixtures.dineInFull, merchant: Fixtures.nameOnlyMerchant)
            .bill
        #expect(bill.header.lines == [.merchantName("Kiosk 9")])
        let full = try BillBuilder.build(template: t, order: Fixtures.dineInFull, merchant: try Fixtures.fullMerchant)
            .bill
        #expect(full.header.lines.count == 7)
    }

    @Test func anAddressWithoutPostcodeKeepsItsLines() throws {
        let t = try TemplateText.header(#"{"lineType": "MerchantAddress"}"#)
        let m = MerchantData(name: "A", addressLines: ["1 High St", "", "  "])
        let bill = try BillBuilder.build(template: t, order: Fixtures.dineInFull, merchant: m).bill
        #expect(bill.header.lines == [.merchantAddress(lines: ["1 High St"], postcode: "")])
    }

    @Test func everyShippedTemplateLeavesNoTraceOfMissingData() throws {
        for name in BuiltInTemplates.names {
            for (_, order) in Fixtures.orders {
                let bill = try BillBuilder.build(
                    template: try BillTemplate.builtIn(name), order: order,
                    merchant: Fixtures.nameOnlyMerchant, options: Fixtures.options
                ).bill
                #expect(BillInspection.leaks(bill) == [], "\(name)")
            }
        }
    }
}

/// Variables print text only; a list or flag in a variable is a template fault, reported.
@Suite struct NonTextVariableTests {
    @Test func aListInAVariableLeavesTheLineOutWithAWarning() throws {
        let t = try TemplateText.header(
            TemplateText.text("{{merchant.addressLines}}"), TemplateText.text("{{order.isDineIn}}"),
            TemplateText.text("{{#merchant.addressLines}}{{.}} {{/merchant.addressLines}}"))
        let m = MerchantData(name: "A", addressLines: ["1 High St", "Leeds"])
        let result = try BillBuilder.build(template: t, order: Fixtures.dineInFull, merchant: m)
        #expect(result.bill.header.lines == [.text(BillLineText(value: "1 High St Leeds"))])
        #expect(
            result.diagnostics.filter { $0.code == .wrongType }.map(\.path) == [
                "header[0].text.value", "header[1].text.value",
            ])
    }

    @Test func deeplyNestedSectionsAreRefused() {
        let deep = String(repeating: "{{#a}}", count: 17) + String(repeating: "{{/a}}", count: 17)
        #expect(throws: BillTemplateError.self) { try TemplateText.header(TemplateText.text(deep)) }
    }
}
