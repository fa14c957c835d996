import BillBench
import BillRender
import Foundation
import TestSupport
import Testing

/// Hostile and broken bills: each gets its clear error or diagnostic, in every output format,
/// and nothing traps.
@Suite struct AdversarialTests {
    /// A minimal valid bill around `items` (a JSON array's contents) and `header` lines.
    static func bill(
        items: String =
            #"{"name": "A", "plu": "1", "quantity": 1, "amountPerItem": {"value": 100, "currencyCode": "GBP"}}"#,
        header: String = "", total: String = #"{"value": 100, "currencyCode": "GBP"}"#
    ) -> [UInt8] {
        Array(
            #"{"header": {"lines": [\#(header)]}, "order": {"items": [\#(items)], "totalAmount": \#(total)}, "footer": {"lines": []}}"#
                .utf8)
    }

    static func item(
        name: String = "\"A\"", quantity: String = "1", value: String = "100", currency: String = "\"GBP\""
    ) -> String {
        #"{"name": \#(name), "plu": "1", "quantity": \#(quantity), "amountPerItem": {"value": \#(value), "currencyCode": \#(currency)}}"#
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var input: @Sendable () -> [UInt8]
        /// The expected diagnostic; an error means no output in any format.
        var code: DiagnosticCode
        var severity: Diagnostic.Severity
        var path: String
        var testDescription: String { name }
    }

    static let cases: [Case] =
        [
            Case(
                name: "truncated JSON", input: { Array(bill().dropLast(20)) }, code: .malformedJSON, severity: .error,
                path: ""),
            Case(
                name: "not JSON at all", input: { Array("<html>".utf8) }, code: .malformedJSON, severity: .error,
                path: ""),
            Case(name: "NUL bytes", input: { [0, 0, 0] }, code: .malformedJSON, severity: .error, path: ""),
            Case(
                name: "10,000-deep nesting",
                input: { Array((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8) },
                code: .malformedJSON, severity: .error, path: ""),
            Case(
                name: "deep nesting inside the order",
                input: { bill(header: String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)) },
                code: .malformedJSON, severity: .error, path: ""),
            Case(
                name: "50 MB input", input: { [UInt8](repeating: 0x20, count: 50 << 20) }, code: .inputTooLarge,
                severity: .error, path: ""),
            Case(
                name: "100,000 items",
                input: {
                    bill(
                        items: Array(
                            repeating: #"{"name":"A","quantity":1,"amountPerItem":{"value":1,"currencyCode":"GBP"}}"#,
                            count: 100_000
                        )
                        .joined(separator: ","))
                },
                code: .limitExceeded, severity: .error, path: "order.items"),
            Case(
                name: "1 MB item name",
                input: { bill(items: item(name: "\"" + String(repeating: "x", count: 1 << 20) + "\"")) },
                code: .limitExceeded, severity: .warning, path: "order.items[0].name"),
            Case(
                name: "huge amount", input: { bill(items: item(value: "9223372036854775808")) }, code: .overflow,
                severity: .error,
                path: "order.items[0].amountPerItem.value"),
            Case(
                name: "negative amount",
                input: { bill(items: item(value: "-100"), total: #"{"value": -100, "currencyCode": "GBP"}"#) },
                code: .negativeAmount, severity: .warning, path: "order.items[0].amountPerItem.value"),
            Case(
                name: "non-integer quantity", input: { bill(items: item(quantity: "1.5")) }, code: .wrongType,
                severity: .error,
                path: "order.items[0].quantity"),
            Case(
                name: "negative quantity", input: { bill(items: item(quantity: "-2")) }, code: .nonPositiveQuantity,
                severity: .warning,
                path: "order.items[0].quantity"),
            Case(
                name: "qty × price overflows",
                input: { bill(items: item(quantity: "4611686018427387904", value: "4")) },
                code: .overflow, severity: .error, path: "order.items[0]"),
            Case(
                name: "exponent amount", input: { bill(items: item(value: "1e400")) }, code: .wrongType,
                severity: .error,
                path: "order.items[0].amountPerItem.value"),
            Case(
                name: "unknown currency",
                input: { bill(items: item(currency: "\"ZZZ\""), total: #"{"value": 100, "currencyCode": "ZZZ"}"#) },
                code: .unknownCurrency, severity: .warning, path: "order.items[0].amountPerItem.currencyCode"),
            Case(
                name: "currency not a string", input: { bill(items: item(currency: "7")) }, code: .wrongType,
                severity: .error,
                path: "order.items[0].amountPerItem.currencyCode"),
            Case(
                name: "mixed currencies", input: { bill(items: item() + "," + item(currency: "\"EUR\"")) },
                code: .mixedCurrency,
                severity: .warning, path: "order.items[1].amountPerItem.currencyCode"),
            Case(
                name: "escaped unpaired surrogate", input: { bill(items: item(name: #""\udc00 \ud800""#)) },
                code: .invalidUnicode,
                severity: .warning, path: "order.items[0].name"),
            Case(
                name: "escaped NUL and ESC", input: { bill(items: item(name: #""A\u0000\u001bp\u0000""#)) },
                code: .controlCharacters,
                severity: .warning, path: "order.items[0].name"),
            Case(
                name: "QR payload over capacity",
                input: {
                    bill(
                        header:
                            #"{"lineType": "URL", "url": {"url": "https://x/\#(String(repeating: "q", count: 4000))", "showQR": true}}"#
                    )
                }, code: .qrTooLong, severity: .warning, path: "header.lines[0].url.url"),
            Case(
                name: "thousands of combining marks on one letter",
                input: { bill(items: item(name: "\"a" + String(repeating: "\u{301}\u{302}", count: 3000) + "\"")) },
                code: .limitExceeded, severity: .warning, path: "order.items[0].name"),
            Case(
                name: "escaped combining marks on a few letters",
                input: {
                    bill(
                        header: #"{"lineType": "Text", "text": {"value": ""#
                            + String(repeating: "x" + String(repeating: #"\u0336"#, count: 900), count: 4) + #""}}"#)
                },
                code: .limitExceeded, severity: .warning, path: "header.lines[0].text.value"),
            Case(
                name: "thousands of private-use and unassigned code points",
                input: {
                    bill(
                        items: item(
                            name: "\""
                                + String(String.UnicodeScalarView((0xE000..<0xE800).compactMap(Unicode.Scalar.init)))
                                + "\u{40000}\""))
                },
                code: .invalidUnicode, severity: .warning, path: "order.items[0].name"),
        ] + lineTypeCases()

    /// Every lineType with its payload missing, and with a payload of the wrong type.
    static func lineTypeCases() -> [Case] {
        let types = [
            "Image": "image", "Logo": "logo", "MerchantAddress": "merchantAddress",
            "MerchantEmailAddress": "merchantEmailAddress", "MerchantName": "merchantName",
            "MerchantPhoneNumber": "merchantPhoneNumber", "Text": "text", "URL": "url",
            "HorizontalLine": "horizontalLine", "TaxNumber": "taxNumber",
        ]
        return types.sorted(by: { $0.key < $1.key }).flatMap { type, key in
            [
                Case(
                    name: "\(type) without payload", input: { bill(header: #"{"lineType": "\#(type)"}"#) },
                    code: .missingLinePayload, severity: .warning, path: "header.lines[0].\(key)"),
                Case(
                    name: "\(type) payload of the wrong type",
                    input: { bill(header: #"{"lineType": "\#(type)", "\#(key)": [1]}"#) },
                    code: .wrongType, severity: .warning, path: "header.lines[0].\(key)"),
            ]
        }
    }

    @Test(arguments: cases)
    func clearDiagnosticInEveryFormat(_ c: Case) throws {
        let input = c.input()
        let decoded = BillDecoder.decode(bytes: input)
        let all = decoded.diagnostics + (decoded.bill.map { BillRenderer.layout($0).diagnostics } ?? [])
        let match = all.first { $0.code == c.code }
        #expect(match != nil, "no \(c.code): \(all.prefix(3))")
        #expect(match?.path == c.path)
        #expect(match?.severity == c.severity)
        for format in OutputFormat.allCases {
            let options = RenderOptions(profile: .speaking(format))
            let result = Result { () throws(BillRenderError) in
                try BillRenderer.render(json: input, format: format, options: options)
            }
            switch result {
            case .success(let out):
                #expect(c.severity == .warning, "\(format): rendered a bill with an error")
                #expect(!out.bytes.isEmpty)
                #expect(out.diagnostics.contains { $0.code == c.code && $0.path == c.path })
            case .failure(.invalidBill(let diagnostics)):
                #expect(c.severity == .error, "\(format): refused a bill with only warnings: \(diagnostics.prefix(3))")
                #expect(diagnostics.contains { $0.code == c.code })
            case .failure(let other):
                Issue.record("\(format): \(other)")
            }
        }
        RobustnessHarness.renderEverything(input)
    }
}
