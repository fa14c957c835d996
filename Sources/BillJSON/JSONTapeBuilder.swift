/// The grammar of strict JSON (RFC 8259) over UTF-8 bytes, writing a `JSONTape`.
///
/// It reports the line and column of the first fault, keeps number literals as written, checks
/// that strings are UTF-8 and their escapes valid, and limits nesting.
struct JSONTapeBuilder: ~Copyable {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let maxDepth: Int
    /// The keys to tag with their numbers.
    private let keys: JSONKeyTable?
    private var i = 0
    private var depth = 0
    private var unused: [UInt8] = []  // the output of checking escapes (nothing is written)
    /// The nodes written so far: `nodeCount` of them in storage for `nodeCapacity`, which grows by
    /// doubling (an Array would check on every append that its buffer is not shared).
    /// `takeNodes()` hands them over; the builder owns the storage (it cannot be copied) and frees
    /// it when it ends, whatever happened.
    private var nodeStorage: UnsafeMutablePointer<JSONTape.Node>
    private var nodeCapacity: Int
    private var nodeCount = 0
    /// How many escaped unpaired surrogates the strings hold (each is read as U+FFFD).
    private(set) var replacedSurrogates = 0

    /// The key of the member being read (none for array elements and the root).
    private struct MemberKey {
        var escaped = false
        var start: UInt32 = 0
        var end: UInt32 = 0
        var id: UInt16 = 0
    }

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, keys: JSONKeyTable? = nil) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.keys = keys
        // About one node for every 16 bytes of a bill.
        nodeCapacity = min(bytes.count / 16 + 8, 1 << 20)
        nodeStorage = .allocate(capacity: nodeCapacity)
    }

    /// The nodes written, as an array.
    func takeNodes() -> [JSONTape.Node] {
        Array(UnsafeBufferPointer(start: nodeStorage, count: nodeCount))
    }

    deinit {
        nodeStorage.deallocate()  // nodes are plain values: nothing to deinitialize
    }

    mutating func parseDocument() throws(JSONParser.SyntaxError) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        skipWhitespace()
        if i >= bytes.count { throw fault(bytes.isEmpty ? "the input is empty" : "the input holds only white space") }
        try parseValue(MemberKey())
        skipWhitespace()
        if i < bytes.count { throw fault("unexpected \(describeByte(bytes[i])) after the JSON value") }
    }

    private func fault(_ message: String, at offset: Int? = nil) -> JSONParser.SyntaxError {
        var line = 1
        var column = 1
        var k = 0
        let end = min(offset ?? i, bytes.count)
        while k < end {
            if bytes[k] == 0x0A {
                line += 1
                column = 1
            } else if bytes[k] & 0xC0 != 0x80 {
                column += 1
            }
            k += 1
        }
        return JSONParser.SyntaxError(message: message, line: line, column: column)
    }

    private func describeByte(_ b: UInt8) -> String {
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x" + String(b, radix: 16, uppercase: true)
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        // Most tokens follow one another directly.
        guard i < bytes.count, bytes[i] <= 0x20 else { return }
        // Tests in order of likelihood (a `switch` here becomes a jump through a table).
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 {
                i += 1
            } else if b == 0x0A {
                i += 1
                skipIndentation()
            } else if b == 0x0D || b == 0x09 {
                i += 1
            } else {
                return
            }
        }
    }

    /// Pretty-printed bills indent with runs of spaces after each newline: eight bytes are
    /// looked at together, and the first that is not a space ends the run.
    @inline(__always)
    private mutating func skipIndentation() {
        guard let base = bytes.baseAddress else { return }
        while i + 8 <= bytes.count {
            let notSpace = ByteWords.word(base, i) ^ Self.spaces
            if notSpace != 0 {
                i += notSpace.trailingZeroBitCount >> 3
                return
            }
            i += 8
        }
    }

    // MARK: - Eight bytes at a time

    /// A space in every byte of a word.
    private static let spaces: UInt64 = 0x2020_2020_2020_2020

    /// Moves `i` over string contents that need no look: up to the first quote, backslash or
    /// control byte, or byte above 0x7F while `ascii` (the string has had none so far).
    @inline(__always)
    private mutating func skipPlainStringBytes(ascii: Bool) {
        if let base = bytes.baseAddress {
            while i + 8 <= bytes.count {
                let w = ByteWords.word(base, i)
                var stops =
                    ByteWords.bytesEqual(UInt8(ascii: "\""), w) | ByteWords.bytesEqual(UInt8(ascii: "\\"), w)
                    | ByteWords.bytesBelow(0x20, w)
                if ascii { stops |= w & ByteWords.highBits }
                if stops != 0 {
                    i += stops.trailingZeroBitCount >> 3
                    return
                }
                i += 8
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 || (ascii && b >= 0x80) { return }
            i += 1
        }
    }

    @inline(__always)
    private mutating func append(_ kind: JSONTape.Kind, _ key: MemberKey, start: Int, end: Int) {
        if nodeCount == nodeCapacity { growNodeStorage() }
        (nodeStorage + nodeCount).initialize(
            to: JSONTape.Node(
                kind: kind, keyEscaped: key.escaped, keyStart: key.start, keyEnd: key.end, keyID: key.id,
                start: UInt32(truncatingIfNeeded: start), end: UInt32(truncatingIfNeeded: end),
                next: UInt32(truncatingIfNeeded: nodeCount + 1)))
        nodeCount += 1
    }

    private mutating func growNodeStorage() {
        let bigger = UnsafeMutablePointer<JSONTape.Node>.allocate(capacity: nodeCapacity * 2)
        bigger.moveInitialize(from: nodeStorage, count: nodeCount)
        nodeStorage.deallocate()
        nodeStorage = bigger
        nodeCapacity *= 2
    }

    /// A value. Strings, the most common values, are read here, inlined into every caller; the
    /// rest takes a call.
    @inline(__always)
    private mutating func parseValue(_ key: MemberKey) throws(JSONParser.SyntaxError) {
        if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
            let (start, end, escaped) = try parseString()
            append(escaped ? .escapedString : .string, key, start: start, end: end)
        } else if let end = plainIntegerEnd() {
            append(.number, key, start: i, end: end)
            i = end
        } else {
            try parseOtherValue(key)
        }
    }

    /// Where an integer from `i` ends when it is plain (a digit 1–9 first, no sign, fraction or
    /// exponent, not too long), else nil: `parseNumber` then reads it, with all the checks.
    @inline(__always)
    private func plainIntegerEnd() -> Int? {
        guard i < bytes.count, bytes[i] >= UInt8(ascii: "1"), bytes[i] <= UInt8(ascii: "9") else { return nil }
        var j = i + 1
        while j < bytes.count, isDigit(bytes[j]) { j += 1 }
        if j < bytes.count,
            bytes[j] == UInt8(ascii: ".") || bytes[j] == UInt8(ascii: "e") || bytes[j] == UInt8(ascii: "E")
        {
            return nil
        }
        return j - i > 400 ? nil : j
    }

    private mutating func parseOtherValue(_ key: MemberKey) throws(JSONParser.SyntaxError) {
        guard i < bytes.count else { throw fault("the input ends where a value should be") }
        switch bytes[i] {
        case UInt8(ascii: "{"): try parseObject(key)
        case UInt8(ascii: "["): try parseArray(key)
        case UInt8(ascii: "t"):
            try expectWord("true")
            append(.true, key, start: i, end: i)
        case UInt8(ascii: "f"):
            try expectWord("false")
            append(.false, key, start: i, end: i)
        case UInt8(ascii: "n"):
            try expectWord("null")
            append(.null, key, start: i, end: i)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = i
            try parseNumber()
            append(.number, key, start: start, end: i)
        default: throw fault("unexpected \(describeByte(bytes[i])) where a value should be")
        }
    }

    private mutating func expectWord(_ word: StaticString) throws(JSONParser.SyntaxError) {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard i + w.count <= bytes.count, bytes[i..<(i + w.count)].elementsEqual(w) else {
            throw fault("invalid literal (expected \(word))")
        }
        i += w.count
    }

    @inline(__always)
    private mutating func enter() throws(JSONParser.SyntaxError) {
        depth += 1
        if depth > maxDepth { throw fault("nesting deeper than \(maxDepth) levels") }
    }

    /// Writes the container's node, then its members; `end` and `next` are filled in at the close.
    @inline(__always)
    private mutating func close(_ index: Int, members: Int) {
        // `index` is a node already written: within the storage.
        nodeStorage[index].end = UInt32(truncatingIfNeeded: members)
        nodeStorage[index].next = UInt32(truncatingIfNeeded: nodeCount)
        depth -= 1
        i += 1
    }

    private mutating func parseObject(_ key: MemberKey) throws(JSONParser.SyntaxError) {
        try enter()
        let index = nodeCount
        append(.object, key, start: 0, end: 0)
        i += 1
        var members = 0
        // The tagged keys' numbers seen, one bit each modulo 128 (two words: a table of up to 127
        // keys never shares a bit): a bit seen twice (or an escaped key) marks the object as one
        // whose members lookups must walk to the end.
        var seen: UInt64 = 0
        var seenHigh: UInt64 = 0
        var mayRepeat = false
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { return close(index, members: 0) }
        while true {
            skipWhitespace()
            guard i < bytes.count else { throw fault("the input ends inside an object") }
            guard bytes[i] == UInt8(ascii: "\"") else {
                throw fault("expected a key in double quotes, found \(describeByte(bytes[i]))")
            }
            let (start, end, escaped) = try parseString()
            var id: UInt16 = 0
            if !escaped, let keys { id = keys.id(of: bytes, start, end) }
            if escaped {
                mayRepeat = true
            } else if id != 0 {
                let bit: UInt64 = 1 << (id & 63)
                if id & 64 == 0 {
                    if seen & bit != 0 { mayRepeat = true }
                    seen |= bit
                } else {
                    if seenHigh & bit != 0 { mayRepeat = true }
                    seenHigh |= bit
                }
            }
            let memberKey = MemberKey(
                escaped: escaped, start: UInt32(truncatingIfNeeded: start), end: UInt32(truncatingIfNeeded: end),
                id: id)
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                if i < bytes.count {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    throw fault("expected ':' after the key \"\(text)\"")
                }
                throw fault("the input ends inside an object")
            }
            i += 1
            // Pretty-printed JSON puts one space after the colon.
            if i < bytes.count, bytes[i] == 0x20 { i += 1 }
            skipWhitespace()
            try parseValue(memberKey)
            members += 1
            skipWhitespace()
            guard i < bytes.count else { throw fault("the input ends inside an object") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "}") {
                nodeStorage[index].mayRepeatKeys = mayRepeat
                let bits = seen | seenHigh
                nodeStorage[index].start = UInt32(truncatingIfNeeded: bits) | UInt32(truncatingIfNeeded: bits >> 32)
                return close(index, members: members)
            }
            throw fault("expected ',' or '}' in an object, found \(describeByte(bytes[i]))")
        }
    }

    private mutating func parseArray(_ key: MemberKey) throws(JSONParser.SyntaxError) {
        try enter()
        let index = nodeCount
        append(.array, key, start: i, end: 0)
        i += 1
        var elements = 0
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { return close(index, members: 0) }
        while true {
            skipWhitespace()
            try parseValue(MemberKey())
            elements += 1
            skipWhitespace()
            guard i < bytes.count else { throw fault("the input ends inside an array") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "]") { return close(index, members: elements) }
            throw fault("expected ',' or ']' in an array, found \(describeByte(bytes[i]))")
        }
    }

    private mutating func parseNumber() throws(JSONParser.SyntaxError) {
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
    }

    @inline(__always)
    private func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// A string from its opening quote: the range of its contents, and whether it has escapes.
    /// The contents are checked here (UTF-8, escapes), so readers can trust them.
    /// The common case, plain ASCII up to the closing quote, is decided inline; anything else
    /// goes on in `parseStringRest`.
    @inline(__always)
    private mutating func parseString() throws(JSONParser.SyntaxError) -> (start: Int, end: Int, escaped: Bool) {
        i += 1
        let start = i
        skipPlainStringBytes(ascii: true)
        if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
            i += 1
            return (start, i - 1, false)
        }
        return try parseStringRest(start)
    }

    /// The rest of a string that started at `start` (`i` is at a byte `parseString` stopped at).
    private mutating func parseStringRest(_ start: Int) throws(JSONParser.SyntaxError) -> (
        start: Int, end: Int, escaped: Bool
    ) {
        var escaped = false
        var ascii = true
        while true {
            skipPlainStringBytes(ascii: ascii)
            guard i < bytes.count else { throw fault("the input ends inside a string") }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") {
                escaped = true
                i += 2
                continue
            }
            if b < 0x20 { throw fault("unescaped control character (\(describeByte(b))) in a string") }
            if b >= 0x80 { ascii = false }
            i += 1
        }
        let end = i
        if escaped {
            // Escapes are checked here and resolved when a reader asks for the string.
            do {
                try JSONStringBytes.unescape(
                    bytes, start, end, into: &unused, replaced: &replacedSurrogates, write: false)
            } catch {
                throw fault(error.message, at: error.offset)
            }
        }
        // Escapes are ASCII and resolve to valid UTF-8, so the raw bytes decide.
        if !ascii, !JSONStringBytes.isValidUTF8(bytes, start, end) {
            throw fault("a string is not valid UTF-8")
        }
        i += 1
        return (start, end, escaped)
    }
}
