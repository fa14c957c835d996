import Testing

@testable import BillModel

/// The flat document the decoder reads bills from, and the byte-level checks under it.
@Suite struct JSONTapeTests {
    func tape(_ s: String) throws(JSONParser.SyntaxError) -> JSONTape {
        var parser = JSONParser(bytes: Array(s.utf8))
        return try parser.parseTape()
    }

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

    @Test func membersAreFoundByKeyAndTheLastOfARepeatedKeyCounts() throws {
        let t = try tape(
            #"{"name": "a", "x\u0041": 1, "items": [1, [2, 3], {"name": "in"}], "name": "b", "plu": null}"#)
        let root = JSONTape.root
        #expect(t.count(root) == 5)
        let name = try #require(t.member(root, .name))
        #expect(t.string(name) == "b")
        let items = try #require(t.member(root, .items))
        #expect(t.children(items).count == 3)
        #expect(t.children(items).map { t.kind($0) } == [.number, .array, .object])
        #expect(t.int64(t.children(items)[0]) == 1)
        #expect(t.member(t.children(items)[2], .name).flatMap(t.string) == "in")
        #expect(t.kind(try #require(t.member(root, .plu))) == .null)
        #expect(t.member(root, .order) == nil)
        // An escaped key is read as text (and is never one of the spec's keys).
        #expect(t.keyName(t.children(root)[1]) == "xA")
    }

    @Test func theTapeReadsBackAsTheSameValue() throws {
        let text = #"{"a": [1, -2.5e3, true, false, null, "\u00e9\n"], "b": {}, "c": [], "d": "plain", "é": 0}"#
        let value = try JSONParser.parse(Array(text.utf8))
        #expect(JSONWriter.write(value) == #"{"a":[1,-2.5e3,true,false,null,"é\n"],"b":{},"c":[],"d":"plain","é":0}"#)
    }

    @Test func integersAreReadFromTheLiteralAndOverflowIsNil() throws {
        let t = try tape(#"[0, -0, 9223372036854775807, -9223372036854775808, 9223372036854775808, 1.0, 1e2]"#)
        #expect(t.children(JSONTape.root).map { t.int64($0) } == [0, 0, .max, .min, nil, nil, nil])
    }

    @Test func utf8CheckAgreesWithTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        var cases: [[UInt8]] = [
            [0xC0, 0x80], [0xC2, 0x80], [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
            [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xE2, 0x82], Array("£€😀 plain".utf8),
        ]
        let alphabet: [UInt8] = [
            0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0x9F, 0xA0, 0x90, 0x8F,
        ]
        for _ in 0..<20_000 {
            cases.append(
                (0..<Int.random(in: 1...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? 0
                })
        }
        for bytes in cases {
            let ours = bytes.withUnsafeBufferPointer { JSONStringBytes.isValidUTF8($0, 0, $0.count) }
            #expect(ours == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
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
