import BillModel
import BillTemplates
import Testing

/// The values templates read: dates in the merchant's zone and locale, money, table, waiter, reference.
@Suite struct HelperValueTests {
    @Test func datesUseTheMerchantTimeZone() throws {
        let t = try TemplateText.header(
            TemplateText.text("{{order.created.dateTime}}"), TemplateText.text("{{now.time}}"))
        // 19:08:31Z in June is 20:08 in London (BST); now is 20:15Z.
        #expect(
            try TemplateText.headerTexts(t, merchant: MerchantData(name: "A", timeZone: "Europe/London")) == [
                "12/06/2026 20:08", "21:15",
            ])
        #expect(try TemplateText.headerTexts(t, merchant: MerchantData(name: "A")) == ["12/06/2026 19:08", "20:15"])
        #expect(
            try TemplateText.headerTexts(t, merchant: MerchantData(name: "A", timeZone: "Asia/Tokyo")) == [
                "13/06/2026 04:08", "05:15",
            ])
    }

    @Test func anUnknownTimeZoneFallsBackToUTCWithAWarning() throws {
        let t = try TemplateText.header(TemplateText.text("{{order.created.time}}"))
        let result = try BillBuilder.build(
            template: t, order: Fixtures.dineInFull, merchant: MerchantData(name: "A", timeZone: "Mars/Olympus"))
        #expect(result.diagnostics.map(\.path).contains("merchant.timeZone"))
        guard case .text(let line) = try #require(result.bill.header.lines.first) else {
            Issue.record("not text")
            return
        }
        #expect(line.value == "19:08")
    }

    @Test func monthNamesFollowTheLocale() throws {
        let json =
            #"{"dateFormat": "d MMMM yyyy", "header": [{"lineType": "Text", "text": {"value": "{{order.created.date}}"}}]}"#
        let t = try BillTemplate(bytes: Array(json.utf8), source: "test")
        #expect(try TemplateText.headerTexts(t, merchant: MerchantData(name: "A", locale: "en_GB")) == ["12 June 2026"])
        #expect(try TemplateText.headerTexts(t, merchant: MerchantData(name: "A", locale: "fr_FR")) == ["12 juin 2026"])
    }

    @Test func anUnreadableTimestampLeavesItsLinesOutWithAWarning() throws {
        var order = Fixtures.dineInFull
        order.createdAt = "yesterday"
        let t = try TemplateText.header(TemplateText.text("At {{order.created.time}}"))
        let result = try BillBuilder.build(template: t, order: order, merchant: Fixtures.nameOnlyMerchant)
        #expect(result.bill.header.lines.isEmpty)
        #expect(result.diagnostics.contains { $0.path == "order.createdAt" && $0.code == .wrongType })
    }

    @Test func moneyTableWaiterAndReference() throws {
        let t = try TemplateText.header(
            TemplateText.text("{{order.total}} {{order.paid}} {{order.due}} {{order.serviceCharge}} {{order.tips}}"),
            TemplateText.text(
                "T{{order.table}} W{{order.waiter}} R{{order.reference}} L{{order.label}} N{{order.itemCount}}"),
            TemplateText.text("{{#order.taxes}}{{name}} {{rate}} {{amount}}{{/order.taxes}}"))
        let m = MerchantData(name: "A", waiters: ["42": "Giulia"])
        #expect(
            try TemplateText.headerTexts(t, merchant: m) == [
                "£57.91 £20.00 £37.91 £7.06 £2.00", "T12 WGiulia R1042 LTable 12 N5", "VAT 20% £9.65",
            ])
    }

    @Test func collectionTimeIsASAPOrTheTimeInTheMerchantZone() throws {
        let t = try TemplateText.header(TemplateText.text("Collect {{order.collectionTime}}"))
        let london = MerchantData(name: "A", timeZone: "Europe/London")
        #expect(try TemplateText.headerTexts(t, order: Fixtures.collectionASAP, merchant: london) == ["Collect ASAP"])
        #expect(try TemplateText.headerTexts(t, order: Fixtures.collectionLater, merchant: london) == ["Collect 12:30"])
        #expect(try TemplateText.headerTexts(t, order: Fixtures.dineInFull, merchant: london) == [])
    }

    @Test func transformsFromTheLibraryWork() throws {
        let t = try TemplateText.header(TemplateText.text("{{uppercased(merchant.name)}}"))
        #expect(try TemplateText.headerTexts(t) == ["KIOSK 9"])
    }

    @Test func furtherMerchantKeysAreReadable() throws {
        let m = try MerchantData(
            bytes: Array(#"{"name": "A", "wifi": {"network": "Guest", "password": "p&\"<x>"}, "covers": 4}"#.utf8))
        let t = try TemplateText.header(
            TemplateText.text("Wi-Fi {{merchant.wifi.network}} / {{merchant.wifi.password}} ({{merchant.covers}})"))
        // No HTML escaping: the JSON writer escapes for JSON.
        #expect(try TemplateText.headerTexts(t, merchant: m) == [#"Wi-Fi Guest / p&"<x> (4)"#])
    }
}
