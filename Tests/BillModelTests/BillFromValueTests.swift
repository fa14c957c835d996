import BillJSON
import BillModel
import Testing

/// A bill handed over as a `JSONValue` is read where it is, with the same result as from its bytes.
@Suite struct BillFromValueTests {
    @Test func aBillFromAValueDecodesAsFromItsBytes() throws {
        let text =
            #"{"header": {"lines": [{"lineType": "Text", "text": {"value": "Hi\u0007", "size": "Body"}}]}, "order": {"id": "1", "items": [{"name": "Tea", "plu": "1", "quantity": 2, "amountPerItem": {"value": 1.5, "currencyCode": "GBP"}}], "totalAmount": {"value": 300, "currencyCode": "GBP"}}}"#
        let fromBytes = BillDecoder.decode(bytes: Array(text.utf8))
        let fromValue = BillDecoder.decode(json: try JSONParser.parse(Array(text.utf8)))
        #expect(fromBytes.bill != nil)
        #expect(fromBytes.bill == fromValue.bill)
        #expect(fromBytes.diagnostics == fromValue.diagnostics)
        #expect(fromBytes.diagnostics.map(\.code).contains(.controlCharacters))
        #expect(fromBytes.diagnostics.map(\.code).contains(.fractionalMinorUnits))
    }
}
