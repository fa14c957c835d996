/// A strict JSON (RFC 8259) parser over UTF-8 bytes with a depth limit.
///
/// It reports the line and column of the first fault, keeps number literals as written, and
/// replaces an escaped unpaired surrogate with U+FFFD (counted in `replacedSurrogates`).
public struct JSONParser {
    /// Why a document is not JSON.
    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var line: Int
        public var column: Int
        public var description: String { "line \(line), column \(column): \(message)" }
    }

    /// The deepest nesting of arrays and objects accepted.
    public var maxDepth: Int
    /// How many `\uD800`-style unpaired surrogates were replaced by U+FFFD.
    public private(set) var replacedSurrogates = 0

    private let bytes: [UInt8]
    private var i = 0
    private var depth = 0

    public init(bytes: [UInt8], maxDepth: Int = 256) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// Parses `bytes` as one JSON document.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = 256) throws(SyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
        return try parser.parseDocument()
    }

    /// Parses the whole input as one JSON document.
    public mutating func parseDocument() throws(SyntaxError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        skipWhitespace()
        if i >= bytes.count { throw fault(bytes.isEmpty ? "the input is empty" : "the input holds only white space") }
        let value = try parseValue()
        skipWhitespace()
        if i < bytes.count { throw fault("unexpected \(describeByte(bytes[i])) after the JSON value") }
        return value
    }

    private func fault(_ message: String) -> SyntaxError {
        var line = 1
        var column = 1
        var k = 0
        let end = min(i, bytes.count)
        while k < end {
            if bytes[k] == 0x0A {
                line += 1
                column = 1
            } else if bytes[k] & 0xC0 != 0x80 {
                column += 1
            }
            k += 1
        }
        return SyntaxError(message: message, line: line, column: column)
    }

    private func describeByte(_ b: UInt8) -> String {
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x" + String(b, radix: 16, uppercase: true)
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        // Most tokens follow one another directly.
        guard i < bytes.count, bytes[i] <= 0x20 else { return }
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(SyntaxError) -> JSONValue {
        guard i < bytes.count else { throw fault("the input ends where a value should be") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw fault("unexpected \(describeByte(bytes[i])) where a value should be")
        }
    }

    private mutating func expectWord(_ word: StaticString) throws(SyntaxError) {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard i + w.count <= bytes.count, bytes[i..<(i + w.count)].elementsEqual(w) else {
            throw fault("invalid literal (expected \(word))")
        }
        i += w.count
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > maxDepth { throw fault("nesting deeper than \(maxDepth) levels") }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONValue {
        try enter()
        i += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            depth -= 1
            return .object(JSONObject(members))
        }
        // The spec's objects have a handful of members: one allocation instead of three.
        members.reserveCapacity(6)
        while true {
            skipWhitespace()
            guard i < bytes.count else { throw fault("the input ends inside an object") }
            guard bytes[i] == UInt8(ascii: "\"") else { throw fault("expected a key in double quotes, found \(describeByte(bytes[i]))") }
            let key = try parseKey()
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                throw fault(i < bytes.count ? "expected ':' after the key \"\(key)\"" : "the input ends inside an object")
            }
            i += 1
            skipWhitespace()
            let value = try parseValue()
            members.append((key, value))
            skipWhitespace()
            guard i < bytes.count else { throw fault("the input ends inside an object") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "}") {
                i += 1
                depth -= 1
                return .object(JSONObject(members))
            }
            throw fault("expected ',' or '}' in an object, found \(describeByte(bytes[i]))")
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONValue {
        try enter()
        i += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            depth -= 1
            return .array(elements)
        }
        elements.reserveCapacity(4)
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard i < bytes.count else { throw fault("the input ends inside an array") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "]") {
                i += 1
                depth -= 1
                return .array(elements)
            }
            throw fault("expected ',' or ']' in an array, found \(describeByte(bytes[i]))")
        }
    }

    private mutating func parseNumber() throws(SyntaxError) -> JSONNumber {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else { throw fault("invalid number") }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, isDigit(bytes[i]) { throw fault("invalid number (leading zero)") }
        } else {
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else { throw fault("invalid number (no digit after '.')") }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else { throw fault("invalid number (no digit in the exponent)") }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i - start > 400 { throw fault("number literal longer than 400 characters") }
        return JSONNumber(literal: String(decoding: bytes[start..<i], as: UTF8.self))
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// A key: one of the spec's, as a shared literal when its bytes match (no allocation, and
    /// lookups compare identical strings), else parsed as any string.
    private mutating func parseKey() throws(SyntaxError) -> String {
        let start = i + 1
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\") { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\""), let known = KnownKeys.match(bytes, start, end) {
            i = end + 1
            return known
        }
        return try parseString()
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        i += 1
        let start = i
        // Fast path: no escapes.
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let s = try validUTF8(bytes[start..<i])
                i += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw fault("unescaped control character (\(describeByte(b))) in a string") }
            i += 1
        }
        var out: [UInt8] = Array(bytes[start..<i])
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return try validUTF8(out[...])
            }
            if b < 0x20 { throw fault("unescaped control character (\(describeByte(b))) in a string") }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                i += 1
                continue
            }
            i += 1
            guard i < bytes.count else { break }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                        let save = i
                        i += 2
                        let low = try hex4()
                        if (0xDC00...0xDFFF).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            i = save
                            scalar = 0xFFFD
                            replacedSurrogates += 1
                        }
                    } else {
                        scalar = 0xFFFD
                        replacedSurrogates += 1
                    }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    scalar = 0xFFFD
                    replacedSurrogates += 1
                }
                let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(s)).utf8))
            default:
                i -= 1
                throw fault("invalid escape '\\\(Character(Unicode.Scalar(e)))' in a string")
            }
        }
        throw fault("the input ends inside a string")
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw fault("the input ends inside a \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 48...57: d = UInt32(b - 48)
            case 65...70: d = UInt32(b - 55)
            case 97...102: d = UInt32(b - 87)
            default: throw fault("invalid \\u escape")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    private func validUTF8(_ slice: ArraySlice<UInt8>) throws(SyntaxError) -> String {
        if slice.allSatisfy({ $0 < 0x80 }) { return String(decoding: slice, as: UTF8.self) }
        guard let s = String(validating: slice, as: UTF8.self) else {
            throw fault("a string is not valid UTF-8")
        }
        return s
    }
}
