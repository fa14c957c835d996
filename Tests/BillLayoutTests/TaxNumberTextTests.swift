import Testing

@testable import BillLayout

/// The tax number line: "No." follows a name of at most 4 letters, whatever the script.
@Suite struct TaxNumberTextTests {
    /// The rule as first written, by `Character`.
    static func reference(name: String, number: String) -> String {
        if name.isEmpty { return "Tax No. \(number)" }
        if name.count <= 4, name.allSatisfy(\.isLetter) { return "\(name) No. \(number)" }
        return "\(name): \(number)"
    }

    @Test func matchesTheCharacterRule() {
        let names = [
            "", "VAT", "vat", "GST", "Vats", "VATNO", "A1", "A-B", "@", "[", "`", "{", "Z", "z",
            "USt-IdNr.", "TVA ", "ÄÖÜ", "Ähre", "Ährem", "税号", "e\u{301}e\u{301}e\u{301}e\u{301}",
            "\r\n", "AB\r\n", "🇬🇧", "IVA\u{0}",
        ]
        for name in names {
            #expect(
                LineContext.taxNumberText(name: name, number: "342 6287 32")
                    == Self.reference(name: name, number: "342 6287 32"), "\(name.debugDescription)")
        }
    }
}
