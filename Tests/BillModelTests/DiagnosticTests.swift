import BillModel
import Foundation
import Testing

/// One test per diagnostic: the exact code, severity and JSON path.
@Suite struct DiagnosticTests {
    /// A valid bill with two items; `edit` changes its JSON text before decoding.
    static let base = """
        {"header": {"lines": [{"lineType": "MerchantName", "merchantName": {"name": "Dojo"}}]},
         "order": {"id": "o1", "status": "Accepted", "details": {"orderType": "DineIn"},
           "items": [{"name": "Burger", "plu": "1", "quantity": 2, "amountPerItem": {"value": 1000, "currencyCode": "GBP"}},
                     {"name": "Cola", "plu": "2", "quantity": 1, "amountPerItem": {"value": 250, "currencyCode": "GBP"}}],
           "totalAmount": {"value": 2250, "currencyCode": "GBP"}},
         "footer": {"lines": []}}
        """

    func decode(_ replacing: [(String, String)] = [], options: DecodingOptions = DecodingOptions()) -> BillDecoding {
        var json = Self.base
        for (a, b) in replacing {
            precondition(json.contains(a), "fixture does not contain \(a)")
            json = json.replacingOccurrences(of: a, with: b)
        }
        return BillDecoder.decode(bytes: Array(json.utf8), options: options)
    }

    func expectOne(
        _ d: BillDecoding, _ code: DiagnosticCode, _ severity: Diagnostic.Severity, at path: String,
        containing text: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let matching = d.diagnostics.filter { $0.code == code }
        #expect(matching.count >= 1, "no \(code) in \(d.diagnostics)", sourceLocation: sourceLocation)
        guard let first = matching.first else { return }
        #expect(first.path == path, sourceLocation: sourceLocation)
        #expect(first.severity == severity, sourceLocation: sourceLocation)
        if let text { #expect(first.message.contains(text), "\(first.message)", sourceLocation: sourceLocation) }
        if severity == .error { #expect(d.bill == nil, sourceLocation: sourceLocation) }
    }

    @Test func theBaseBillIsClean() {
        let d = decode()
        #expect(d.diagnostics == [])
        #expect(d.bill?.order.items.count == 2)
    }

    @Test func malformedJSON() {
        let d = BillDecoder.decode(bytes: Array("{\"order\": ".utf8))
        expectOne(d, .malformedJSON, .error, at: "", containing: "line 1, column 11")
    }

    @Test func inputTooLarge() {
        expectOne(
            decode(options: DecodingOptions(maxInputBytes: 100)), .inputTooLarge, .error, at: "",
            containing: "limit is 100")
    }

    @Test func missingOrder() {
        let d = BillDecoder.decode(bytes: Array(#"{"header": {"lines": []}, "footer": {"lines": []}}"#.utf8))
        expectOne(d, .missingField, .error, at: "order")
    }

    @Test func missingQuantity() {
        expectOne(decode([("\"quantity\": 2, ", "")]), .missingField, .error, at: "order.items[0].quantity")
    }

    @Test func quantityAsString() {
        expectOne(
            decode([("\"quantity\": 2", "\"quantity\": \"2\"")]), .wrongType, .error, at: "order.items[0].quantity",
            containing: "expected an integer, found \"2\"")
    }

    @Test func moneyAsString() {
        expectOne(
            decode([("\"value\": 1000", "\"value\": \"12.50\"")]), .wrongType, .error,
            at: "order.items[0].amountPerItem.value",
            containing: "expected an integer number of minor units, found \"12.50\"")
    }

    @Test func itemsNotAnArray() {
        let d = BillDecoder.decode(bytes: Array(#"{"order": {"items": {"a": 1}}}"#.utf8))
        expectOne(d, .wrongType, .error, at: "order.items", containing: "expected an array, found an object with 1 key")
    }

    @Test func unknownStatus() {
        expectOne(decode([("\"Accepted\"", "\"Created\"")]), .unknownEnumValue, .warning, at: "order.status")
    }

    @Test func unknownLineType() {
        let d = decode([("\"lineType\": \"MerchantName\"", "\"lineType\": \"Barcode\"")])
        expectOne(d, .unknownLineType, .warning, at: "header.lines[0].lineType", containing: "\"Barcode\"")
        #expect(d.bill?.header.lines == [.skipped(lineType: "Barcode")])
    }

    @Test func missingLinePayload() {
        expectOne(
            decode([("\"lineType\": \"MerchantName\"", "\"lineType\": \"Text\"")]), .missingLinePayload, .warning,
            at: "header.lines[0].text")
    }

    @Test func fractionalMinorUnits() {
        let d = decode([("\"value\": 250", "\"value\": 2.5")])
        expectOne(
            d, .fractionalMinorUnits, .warning, at: "order.items[1].amountPerItem.value",
            containing: "The spec wants 250")
        #expect(d.bill?.order.items[1].amountPerItem.value == 250)
    }

    @Test func inexactFractionIsAnError() {
        expectOne(
            decode([("\"value\": 250", "\"value\": 2.505")]), .wrongType, .error,
            at: "order.items[1].amountPerItem.value")
    }

    @Test func numberOverflow() {
        expectOne(
            decode([("\"value\": 2250", "\"value\": 99999999999999999999")]), .overflow, .error,
            at: "order.totalAmount.value")
    }

    @Test func arithmeticOverflow() {
        expectOne(
            decode([("\"quantity\": 2", "\"quantity\": 9223372036854775807")]), .overflow, .error, at: "order.items[0]")
    }

    @Test func mixedCurrency() {
        expectOne(
            decode([("\"value\": 250, \"currencyCode\": \"GBP\"", "\"value\": 250, \"currencyCode\": \"EUR\"")]),
            .mixedCurrency, .warning, at: "order.items[1].amountPerItem.currencyCode")
    }

    @Test func unknownCurrency() {
        expectOne(
            decode([("\"value\": 2250, \"currencyCode\": \"GBP\"", "\"value\": 2250, \"currencyCode\": \"XYZ\"")]),
            .unknownCurrency, .warning, at: "order.totalAmount.currencyCode")
    }

    @Test func totalsMismatch() {
        expectOne(
            decode([("\"value\": 2250", "\"value\": 2300")]), .totalsMismatch, .warning, at: "order.totalAmount.value",
            containing: "items £22.50")
    }

    @Test func suspiciousPercentage() {
        let d = decode([
            (
                "\"totalAmount\"",
                "\"taxLines\": [{\"name\": \"VAT\", \"amountPercentage\": 20, \"amountTotal\": {\"value\": 375, \"currencyCode\": \"GBP\"}}], \"totalAmount\""
            )
        ])
        expectOne(d, .suspiciousPercentage, .warning, at: "order.taxLines[0].amountPercentage", containing: "send 2000")
    }

    @Test func nonPositiveQuantity() {
        expectOne(
            decode([("\"quantity\": 1", "\"quantity\": 0")]), .nonPositiveQuantity, .warning,
            at: "order.items[1].quantity")
    }

    @Test func emptySVG() {
        let logo = "{\"lineType\": \"Logo\", \"logo\": {\"svgImage\": \"\"}}"
        expectOne(
            decode([("\"lines\": []", "\"lines\": [\(logo)]")]), .emptySVG, .warning,
            at: "footer.lines[0].logo.svgImage")
    }

    @Test func controlCharacters() {
        let d = decode([("\"Burger\"", "\"Bur\\u001bp\\u0000ger\"")])
        expectOne(d, .controlCharacters, .warning, at: "order.items[0].name", containing: "U+001B (ESC)")
        #expect(d.bill?.order.items[0].name == "Burpger")
    }

    @Test func invalidUnicode() {
        expectOne(decode([("\"Burger\"", "\"Bur\\ud800ger\"")]), .invalidUnicode, .warning, at: "order.items[0].name")
    }

    @Test func tooManyItems() {
        expectOne(
            decode(options: DecodingOptions(maxItems: 1)), .limitExceeded, .error, at: "order.items",
            containing: "limit is 1")
    }

    @Test func paymentMismatch() {
        expectOne(
            decode([
                ("\"totalAmount\"", "\"paidAmount\": {\"value\": 9999, \"currencyCode\": \"GBP\"}, \"totalAmount\"")
            ]),
            .paymentMismatch, .warning, at: "order.paidAmount.value")
    }

    @Test func envelopePathsStartAtResult() {
        let json =
            "{\"jsonrpc\": \"2.0\", \"id\": \"7\", \"result\": "
            + Self.base.replacingOccurrences(of: "\"quantity\": 1", with: "\"quantity\": 0") + "}"
        let d = BillDecoder.decode(bytes: Array(json.utf8))
        expectOne(d, .nonPositiveQuantity, .warning, at: "result.order.items[1].quantity")
        #expect(d.bill != nil)
    }

    @Test func envelopeWithAnError() {
        let json = #"{"jsonrpc": "2.0", "id": "7", "error": {"errorType": "NotFound", "debugMessage": "no order 7"}}"#
        expectOne(
            BillDecoder.decode(bytes: Array(json.utf8)), .wrongType, .error, at: "error",
            containing: "NotFound (no order 7)")
    }

    @Test func spellingVariantsAreAccepted() {
        let json = """
            {"header": {"lines": [
              {"lineType": "Text", "text": {"value": "a", "size": "Body", "emphasisBold": true}},
              {"lineType": "Text", "text": {"value": "b", "size": "Body", "bold": true}},
              {"lineType": "URL", "url": {"url": "https://x", "showQr": true, "showUrl": false}},
              {"lineType": "URL", "url": {"url": "https://y", "showQR": true, "showURL": false}}]},
             "order": {"items": [{"name": "A", "plu": "1", "quantity": 1, "amountPerItem": {"value": 100, "currencyCode": "GBP"},
               "modifiers": [{"name": "m", "plu": "2", "quantity": 1, "amountPerItem": {"value": 10, "currencyCode": "GBP"}},
                             {"name": "n", "plu": "3", "quantity": 1, "amountPerModifier": {"value": 20, "currencyCode": "GBP"}}]}]},
             "footer": {"lines": []}}
            """
        let d = BillDecoder.decode(bytes: Array(json.utf8))
        let lines = d.bill?.header.lines ?? []
        #expect(lines[0] == .text(BillLineText(value: "a", bold: true)))
        #expect(lines[1] == .text(BillLineText(value: "b", bold: true)))
        #expect(lines[2] == .url(BillURL(url: "https://x", showQR: true, showURL: false)))
        #expect(lines[3] == .url(BillURL(url: "https://y", showQR: true, showURL: false)))
        #expect(d.bill?.order.items[0].modifiers.map(\.amountPerModifier.value) == [10, 20])
    }

    @Test func everyDiagnosticHasAPathOrIsAboutTheDocument() {
        let d = decode([
            ("\"Burger\"", "\"\\u001b\""), ("\"value\": 250", "\"value\": 2.5"), ("\"Accepted\"", "\"Nope\""),
        ])
        #expect(d.diagnostics.map(\.code) == [.unknownEnumValue, .controlCharacters, .fractionalMinorUnits])
        #expect(d.diagnostics.allSatisfy { !$0.path.isEmpty && !$0.message.isEmpty })
    }

    /// The messages that print amounts, word for word (they are written without making a `String`
    /// of each amount).
    @Test func messagesWithAmountsAreSpelledOutExactly() {
        let json = """
            {"header": {"lines": []}, "footer": {"lines": []},
             "order": {"id": "o1", "status": "Accepted", "details": {"orderType": "DineIn"},
               "items": [{"name": "A", "plu": "1", "quantity": 1, "amountPerItem": {"value": -1234567, "currencyCode": "GBP"}}],
               "discounts": [{"name": "D", "amountTotal": {"value": 1.5, "currencyCode": "GBP"}}],
               "totalAmount": {"value": 100, "currencyCode": "GBP"}, "paidAmount": {"value": 500, "currencyCode": "GBP"},
               "payments": [{"paidAmount": {"value": 300, "currencyCode": "GBP"}}]}}
            """
        let d = BillDecoder.decode(bytes: Array(json.utf8))
        #expect(
            d.diagnostics.map(\.description) == [
                "warning: order.discounts[0].amountTotal.value: 1.5 is not an integer number of minor units; read as major units (£1.50). The spec wants 150",
                "warning: order.items[0].amountPerItem.value: -£12,345.67 is below zero; printed as sent",
                "warning: order.totalAmount.value: totalAmount is £1.00, but items -£12,345.67 − discounts £1.50 + service charge £0.00 make -£12,347.17 (-£12,347.17 with taxes added); the bill prints totalAmount as sent",
                "warning: order.paidAmount.value: paidAmount £5.00 is more than totalAmount £1.00",
                "warning: order.paidAmount.value: paidAmount £5.00 differs from the payments' sum £3.00",
            ])
    }
}
