import Testing

@testable import BillJSON

/// The flat document the parser writes, and the byte-level checks under it.
@Suite struct JSONTapeTests {
    func tape(_ s: String) throws(JSONParser.SyntaxError) -> JSONTape {
        var parser = JSONParser(bytes: Array(s.utf8))
        return try parser.parseTape()
    }

    @Test func membersAreFoundByKeyAndTheLastOfARepeatedKeyCounts() throws {
        let t = try tape(
            #"{"name": "a", "x\u0041": 1, "items": [1, [2, 3], {"name": "in"}], "name": "b", "plu": null}"#)
        let root = JSONTape.root
        #expect(t.count(root) == 5)
        let name = try #require(t.member(root, "name"))
        #expect(t.string(name) == "b")
        let items = try #require(t.member(root, "items"))
        #expect(t.children(items).count == 3)
        #expect(t.children(items).map { t.kind($0) } == [.number, .array, .object])
        #expect(t.int64(t.children(items)[0]) == 1)
        #expect(t.member(t.children(items)[2], "name").flatMap(t.string) == "in")
        #expect(t.kind(try #require(t.member(root, "plu"))) == .null)
        #expect(t.member(root, "order") == nil)
        // An escaped key is read as text, and found by its text.
        #expect(t.keyName(t.children(root)[1]) == "xA")
        #expect(t.member(root, "xA") == t.children(root)[1])
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
}
