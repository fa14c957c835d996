import BillJSON
import Testing

@testable import BillModel

/// The flat document the decoder reads bills from, and the byte-level checks under it.
@Suite struct JSONKeyTests {
    @Test func everyKeyIsFoundByItsBytesAndNothingElseIs() {
        let names = JSONKey.allCases.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(JSONKey.order.name == "order" && JSONKey.amountPerModifier.name == "amountPerModifier")
        for key in JSONKey.allCases {
            let bytes = Array(key.name.utf8)
            let found = bytes.withUnsafeBufferPointer { JSONKey.table.match($0, 0, $0.count) }
            #expect(found == key.rawValue, "\(key.name)")
        }
        for other in ["", "Order", "orders", "orde", "amountPerModifiers", "x", "showqr", "lineTyp"] {
            let bytes = Array(other.utf8)
            #expect(bytes.withUnsafeBufferPointer { JSONKey.table.match($0, 0, $0.count) } == 0, "\(other)")
        }
        // Inside a document, where a short key is compared as one word with the bytes after it.
        for key in JSONKey.allCases {
            let bytes = Array("{\"\(key.name)\": 12345678}".utf8)
            let found = bytes.withUnsafeBufferPointer { JSONKey.table.match($0, 2, 2 + key.name.utf8.count) }
            #expect(found == key.rawValue, "\(key.name)")
        }
        for other in ["Order", "orde", "x", "showqr", "lineTyp", "ide", "nam"] {
            let bytes = Array("{\"\(other)\": 12345678}".utf8)
            #expect(bytes.withUnsafeBufferPointer { JSONKey.table.match($0, 2, 2 + other.utf8.count) } == 0, "\(other)")
        }
    }

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

    /// A path spelled in one go is the text of joining its steps one by one.
    @Test(arguments: ["", "order", "result.order", "é.ß", String(repeating: "x", count: 40)])
    func pathsSpelledAtOnceMatchStepByStepJoins(base: String) {
        for (key, index) in [
            ("items", 0), ("", 7), ("amountTotal", 12_345), ("ü", -3), ("lines", Int.min), ("k", .max),
        ] {
            #expect(JSONReader.spell(base, .key(key)) == (base.isEmpty ? key : base + "." + key))
            #expect(JSONReader.spell(base, .index(index)) == base + "[" + String(index) + "]")
            let stepByStep = JSONReader.join(
                JSONReader.join(JSONReader.join(JSONReader.join(base, key), index), "value"), index)
            #expect(JSONReader.spell(base, .key(key), .index(index), .key("value"), .index(index)) == stepByStep)
            #expect(JSONReader.spell(base, .key(key), .key(key)) == JSONReader.join(JSONReader.join(base, key), key))
        }
    }
}
