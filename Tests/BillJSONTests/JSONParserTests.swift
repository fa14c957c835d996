import BillJSON
import Testing

@Suite struct JSONParserTests {
    func parse(_ s: String, maxDepth: Int = 64) throws(JSONParser.SyntaxError) -> JSONValue {
        try JSONParser.parse(Array(s.utf8), maxDepth: maxDepth)
    }

    @Test func keepsNumberLiteralsAndKeyOrder() throws {
        let v = try parse(#"{"b": 6.21, "a": 621, "c": -0, "d": 1e3}"#)
        guard case .object(let o) = v else {
            Issue.record("not an object")
            return
        }
        #expect(o.keys == ["b", "a", "c", "d"])
        #expect(o["b"] == .number(JSONNumber(literal: "6.21")))
        #expect(o["a"] == .number(JSONNumber(621)))
    }

    @Test func exactScaling() {
        #expect(JSONNumber(literal: "6.21").scaledExactly(byPowerOfTen: 2) == 621)
        #expect(JSONNumber(literal: "62.95").scaledExactly(byPowerOfTen: 2) == 6295)
        #expect(JSONNumber(literal: "6.215").scaledExactly(byPowerOfTen: 2) == nil)
        #expect(JSONNumber(literal: "1.5e2").scaledExactly(byPowerOfTen: 0) == 150)
        #expect(JSONNumber(literal: "-0.5").scaledExactly(byPowerOfTen: 3) == -500)
        #expect(JSONNumber(literal: "99999999999999999999").int64 == nil)
    }

    @Test(arguments: [
        ("{", "line 1, column 2: the input ends inside an object"),
        ("", "line 1, column 1: the input is empty"),
        ("{\"a\": 1,}", "line 1, column 9: expected a key in double quotes, found '}'"),
        ("{\"a\":\n  tru}", "line 2, column 3: invalid literal (expected true)"),
        ("[1 2]", "line 1, column 4: expected ',' or ']' in an array, found '2'"),
        ("\"a\u{01}\"", "line 1, column 3: unescaped control character (byte 0x1) in a string"),
        ("01", "line 1, column 2: invalid number (leading zero)"),
        ("{} x", "line 1, column 4: unexpected 'x' after the JSON value"),
        ("\"\\x\"", "line 1, column 3: invalid escape '\\x' in a string"),
    ])
    func syntaxErrorsSayWhere(input: String, message: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try parse(input) }
        do {
            _ = try parse(input)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func depthIsLimited() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        do {
            _ = try parse(deep, maxDepth: 64)
            Issue.record("10,000-deep nesting was accepted")
        } catch {
            #expect(error.message == "nesting deeper than 64 levels")
        }
    }

    @Test func unpairedSurrogatesBecomeReplacementCharacters() throws {
        var parser = JSONParser(bytes: Array(#"["\ud800x", "\ud83d\ude00", "\udc00"]"#.utf8))
        let v = try parser.parseDocument()
        #expect(v == .array([.string("\u{FFFD}x"), .string("😀"), .string("\u{FFFD}")]))
        #expect(parser.replacedSurrogates == 2)
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
    }

    @Test func writerEscapesEveryControlCharacter() throws {
        let s = "a\u{1B}b\u{0}c\"\\\n\u{9B}\u{2028}"
        let written = JSONWriter.write(.string(s))
        #expect(written == #""a\u001Bb\u0000c\"\\\n\u009B\u2028""#)
        #expect(try JSONParser.parse(Array(written.utf8)) == .string(s))
    }
}
