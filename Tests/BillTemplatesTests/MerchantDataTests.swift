import BillModel
import BillTemplates
import Testing

/// Merchant JSON: `name` required, known keys type-checked with their path.
@Suite struct MerchantDataTests {
    static let cases: [(json: String, error: BillTemplateError)] = [
        (
            #"{"name": "A", "addressLines": ["1 High St", 3]}"#,
            .invalidMerchant(path: "merchant.addressLines[1]", message: "expected a string, found 3")
        ),
        (
            #"{"addressLines": []}"#,
            .invalidMerchant(path: "merchant.name", message: "missing; the merchant's name is required")
        ),
        (#"{"name": 7}"#, .invalidMerchant(path: "merchant.name", message: "expected a string, found 7")),
        (
            #"{"name": "A", "addressLines": "1 High St"}"#,
            .invalidMerchant(
                path: "merchant.addressLines", message: "expected an array of strings, found \"1 High St\"")
        ),
        (
            #"{"name": "A", "taxNumber": 12345}"#,
            .invalidMerchant(path: "merchant.taxNumber", message: "expected a string, found 12345")
        ),
        (
            #"{"name": "A", "waiters": {"42": true}}"#,
            .invalidMerchant(path: "merchant.waiters.42", message: "expected a string, found true")
        ),
        (#"["A"]"#, .invalidMerchant(path: "merchant", message: "expected an object, found an array of 1")),
    ]

    @Test(arguments: cases.indices)
    func wrongTypesAreReportedWithTheirPath(_ i: Int) {
        #expect(throws: Self.cases[i].error) { try MerchantData(bytes: Array(Self.cases[i].json.utf8)) }
    }

    @Test func theErrorReadsAsPathThenMessage() {
        let e = BillTemplateError.invalidMerchant(
            path: "merchant.addressLines[1]", message: "expected a string, found 3")
        #expect(e.description == "merchant.addressLines[1]: expected a string, found 3")
    }

    @Test func allButNameIsOptional() throws {
        let m = try MerchantData(bytes: Array(#"{"name": "Kiosk 9", "postcode": null}"#.utf8))
        #expect(m.name == "Kiosk 9")
        #expect(m.postcode == nil)
        #expect(m.addressLines.isEmpty)
    }
}
