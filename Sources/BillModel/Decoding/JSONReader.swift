import BillJSON

/// Typed, path-aware reads from the nodes of a `JSONTape` that collect diagnostics instead of
/// throwing. Objects and values are node indices in `tape`.
///
/// `severity` says what a missing or mistyped value means: an error for what the figures depend
/// on, a warning for what can be left out.
struct JSONReader {
    var diagnostics: [Diagnostic] = []
    let options: DecodingOptions
    let tape: JSONTape

    init(tape: JSONTape, options: DecodingOptions) {
        self.tape = tape
        self.options = options
    }

    /// `path.key` (`key` alone at the root).
    static func join(_ path: String, _ key: String) -> String { spell(path, .key(key)) }
    /// `path[index]`.
    static func join(_ path: String, _ index: Int) -> String { spell(path, .index(index)) }

    /// One step of a JSON path: a member's key or an array element's index.
    enum PathStep {
        case key(String)
        case index(Int)

        /// The length of the path once this step is written after `count` bytes: a key follows
        /// a dot unless nothing comes before it, an index is in brackets.
        func end(after count: Int) -> Int {
            switch self {
            case .key(let key): return count + (count > 0 ? 1 : 0) + key.utf8.count
            case .index(let index): return count + 2 + Self.width(index)
            }
        }

        /// Writes this step at `out[start...]` (room made by `end(after:)`); returns where it ends.
        func write(_ out: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
            switch self {
            case .key(let key):
                return JSONReader.put(
                    key, out, at: start > 0 ? JSONReader.put(UInt8(ascii: "."), out, at: start) : start)
            case .index(let index):
                let open = JSONReader.put(UInt8(ascii: "["), out, at: start)
                if index < 0 { out[open] = UInt8(ascii: "-") }
                // As `String(index)` spells it: the digits are written right to left, after the sign.
                let end = open + Self.width(index)
                _ = DecimalDigits.write(UInt64(index.magnitude), into: out, endingAt: end)
                return JSONReader.put(UInt8(ascii: "]"), out, at: end)
            }
        }

        /// The length of `String(index)`.
        private static func width(_ index: Int) -> Int {
            var width = index < 0 ? 2 : 1
            var magnitude = index.magnitude
            while magnitude >= 10 {
                magnitude /= 10
                width += 1
            }
            return width
        }
    }

    /// `path` followed by up to four steps, spelled out as one string (`order` + `.items` + `[2]`
    /// is `order.items[2]`): the same text as joining them one by one, in one allocation instead
    /// of one for each step.
    static func spell(
        _ path: String, _ a: PathStep, _ b: PathStep? = nil, _ c: PathStep? = nil,
        _ d: PathStep? = nil
    ) -> String {
        var count = a.end(after: path.utf8.count)
        if let b { count = b.end(after: count) }
        if let c { count = c.end(after: count) }
        if let d { count = d.end(after: count) }
        return String(unsafeUninitializedCapacity: count) { out in
            var k = put(path, out, at: 0)
            k = a.write(out, at: k)
            if let b { k = b.write(out, at: k) }
            if let c { k = c.write(out, at: k) }
            if let d { k = d.write(out, at: k) }
            return k
        }
    }

    /// Writes `text`'s UTF-8 at `out[start...]`; returns where it ends.
    private static func put(_ text: String, _ out: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            _ = UnsafeMutableBufferPointer(rebasing: out[start..<(start + bytes.count)]).initialize(from: bytes)
            return start + bytes.count
        }
    }

    /// Writes `byte` at `out[start]`; returns the index after it.
    private static func put(_ byte: UInt8, _ out: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        out[start] = byte
        return start + 1
    }

    mutating func report(
        _ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ path: String, _ message: DiagnosticMessage
    ) {
        // Room for a few at once: growing one at a time would copy them at 1, 2 and 4.
        if diagnostics.isEmpty { diagnostics.reserveCapacity(8) }
        diagnostics.append(Diagnostic(severity, code, at: path, message: message))
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    // MARK: - Members

    /// The member `key`, reporting it when it is missing and `required`.
    /// The member `key` of the object node `object` (null counts as missing), reporting it when it
    /// is missing and `required`.
    mutating func member(
        _ object: Int, _ key: JSONKey, _ path: @autoclosure () -> String, required: Diagnostic.Severity?
    ) -> Int? {
        if let v = tape.member(object, key), tape.kind(v) != .null { return v }
        if let severity = required {
            report(severity, .missingField, Self.join(path(), key.name), "required field \"\(key.name)\" is missing")
        }
        return nil
    }

    mutating func wrongType(_ severity: Diagnostic.Severity, _ path: String, expected: String, found: Int) {
        report(severity, .wrongType, path, "expected \(expected), found \(excerpt(found))")
    }

    /// The node as it would appear in JSON, shortened for a diagnostic.
    func excerpt(_ node: Int) -> String { tape.value(node).excerpt }

    mutating func object(
        _ object: Int, _ key: JSONKey, _ path: @autoclosure () -> String, required: Diagnostic.Severity?,
        severity: Diagnostic.Severity
    ) -> Int? {
        guard let v = member(object, key, path(), required: required) else { return nil }
        guard tape.kind(v) == .object else {
            wrongType(severity, Self.join(path(), key.name), expected: "an object", found: v)
            return nil
        }
        return v
    }

    /// The elements of the array member `key`.
    mutating func array(
        _ object: Int, _ key: JSONKey, _ path: @autoclosure () -> String, required: Diagnostic.Severity?,
        severity: Diagnostic.Severity
    ) -> JSONTape.Members? {
        guard let v = member(object, key, path(), required: required) else { return nil }
        guard tape.kind(v) == .array else {
            wrongType(severity, Self.join(path(), key.name), expected: "an array", found: v)
            return nil
        }
        return tape.members(v)
    }

    /// A string member, cleaned of control characters (with a warning naming them). A plain string
    /// is read inline; anything else (missing, null, escaped, to clean or cut) out of line.
    @inline(__always)
    mutating func string(
        _ object: Int, _ key: JSONKey, _ path: @autoclosure () -> String, required: Diagnostic.Severity?,
        severity: Diagnostic.Severity, sanitize: Bool = true
    ) -> String? {
        if let v = tape.member(object, key), let s = plainString(v, sanitize: sanitize) { return s }
        return memberString(object, key, path(), required: required, severity: severity, sanitize: sanitize)
    }

    private mutating func memberString(
        _ object: Int, _ key: JSONKey, _ path: @autoclosure () -> String,
        required: Diagnostic.Severity?, severity: Diagnostic.Severity, sanitize: Bool
    ) -> String? {
        guard let v = member(object, key, path(), required: required) else { return nil }
        return string(v, Self.join(path(), key.name), severity: severity, sanitize: sanitize)
    }

    /// Most strings have no escapes, nothing to clean and no excess length: they are decided on the
    /// document's bytes, and made into a `String` once. Nil for any other value.
    private func plainString(_ value: Int, sanitize: Bool) -> String? {
        let maxLength = options.maxTextLength
        return tape.withRawStringBytes(value) { raw -> String? in
            guard
                !sanitize
                    || (raw.count <= maxLength && !Self.isSuspicious(raw)
                        && !TextSanitizer.mayHaveLongClusters(raw) && !TextSanitizer.mayHaveUnassigned(raw))
            else { return nil }
            return String(decoding: raw, as: UTF8.self)
        } ?? nil
    }

    /// A string value. Here and in every read, `path` is only spelled out when something is reported.
    mutating func string(
        _ value: Int, _ path: @autoclosure () -> String, severity: Diagnostic.Severity,
        sanitize: Bool = true
    ) -> String? {
        if let plain = plainString(value, sanitize: sanitize) { return plain }
        guard var s = tape.string(value) else {
            wrongType(severity, path(), expected: "a string", found: value)
            return nil
        }
        guard sanitize else { return s }
        if Self.isSuspicious(s.utf8) {
            if let cleaned = TextSanitizer.sanitize(s) {
                let names = cleaned.removed.prefix(4).map(TextSanitizer.describe).joined(separator: ", ")
                let more = cleaned.removed.count > 4 ? " and \(cleaned.removed.count - 4) more" : ""
                report(
                    .warning, .controlCharacters, path(),
                    "removed \(cleaned.removed.count) control character\(cleaned.removed.count == 1 ? "" : "s") (\(names)\(more)); they must never reach the printer"
                )
                s = cleaned.text
            }
            if s.unicodeScalars.contains("\u{FFFD}") {
                report(
                    .warning, .invalidUnicode, path(),
                    "holds U+FFFD (an unpaired surrogate or invalid character was replaced)")
            }
        }
        if TextSanitizer.mayHaveUnassigned(s.utf8), let replaced = TextSanitizer.replaceUnassigned(s) {
            report(
                .warning, .invalidUnicode, path(),
                "\(replaced.replaced) unassigned or private-use code point\(replaced.replaced == 1 ? "" : "s") replaced by U+FFFD"
            )
            s = replaced.text
        }
        if TextSanitizer.mayHaveLongClusters(s.utf8), let capped = TextSanitizer.capClusters(s) {
            report(
                .warning, .limitExceeded, path(),
                "\(capped.cut) character\(capped.cut == 1 ? "" : "s") of more than \(TextSanitizer.maxClusterScalars) combining scalars cut to \(TextSanitizer.maxClusterScalars)"
            )
            s = capped.text
        }
        // Characters are never more than UTF-8 bytes, so only long text pays for counting them.
        if s.utf8.count > options.maxTextLength, s.count > options.maxTextLength {
            report(.warning, .limitExceeded, path(), "text of \(s.count) characters cut to \(options.maxTextLength)")
            s = String(s.prefix(options.maxTextLength))
        }
        return s
    }

    /// True when some UTF-8 byte of `text` may start a control character (C0, DEL, C1, U+2028,
    /// U+2029) or U+FFFD: one pass that decides whether anything needs the slower, exact checks.
    @inline(__always)
    private static func isSuspicious<Bytes: Sequence<UInt8>>(_ text: Bytes) -> Bool {
        text.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF }
    }

    /// A boolean member `key`, or else `alternative` (a spelling some senders use).
    mutating func bool(_ object: Int, _ key: JSONKey, or alternative: JSONKey? = nil, _ path: @autoclosure () -> String)
        -> Bool?
    {
        var k = key
        var found = member(object, key, path(), required: nil)
        if found == nil, let alternative {
            k = alternative
            found = member(object, alternative, path(), required: nil)
        }
        guard let v = found else { return nil }
        switch tape.kind(v) {
        case .true: return true
        case .false: return false
        default:
            wrongType(.warning, Self.join(path(), k.name), expected: "true or false", found: v)
            return nil
        }
    }

    /// An integer member (quantities, percentages): fractions and overflow are reported. A plain
    /// integer is read inline; anything else out of line.
    @inline(__always)
    mutating func integer(
        _ object: Int, _ key: JSONKey, _ path: @autoclosure () -> String, required: Diagnostic.Severity?,
        severity: Diagnostic.Severity
    ) -> Int64? {
        if let v = tape.member(object, key), let i = tape.int64(v) { return i }
        return anyInteger(object, key, path(), required: required, severity: severity)
    }

    private mutating func anyInteger(
        _ object: Int, _ key: JSONKey, _ path: @autoclosure () -> String,
        required: Diagnostic.Severity?, severity: Diagnostic.Severity
    ) -> Int64? {
        guard let v = member(object, key, path(), required: required) else { return nil }
        if let i = tape.int64(v) { return i }
        let p = Self.join(path(), key.name)
        guard let n = tape.number(v) else {
            wrongType(severity, p, expected: "an integer", found: v)
            return nil
        }
        if n.isInteger {
            report(severity, .overflow, p, "\(n.literal) does not fit in a 64-bit integer")
            return nil
        }
        if let i = n.scaledExactly(byPowerOfTen: 0) { return i }  // 2.0, 1e3
        report(severity, .wrongType, p, "expected an integer, found \(n.literal)")
        return nil
    }

    /// An enum member; an unknown value is reported with the accepted ones. The common case, a
    /// plain string that spells a case, is decided inline on the bytes; anything else out of line.
    @inline(__always)
    mutating func enumValue<E: SpelledEnum>(
        _ type: E.Type, _ object: Int, _ key: JSONKey,
        _ path: @autoclosure () -> String, required: Diagnostic.Severity?
    ) -> E? {
        // Not over the length limit, which would cut it.
        let maxLength = options.maxTextLength
        if let v = tape.member(object, key),
            let e = tape.withRawStringBytes(v, { $0.count <= maxLength ? E.spellings.match($0) : nil }) ?? nil
        {
            return e
        }
        return anyEnumValue(type, object, key, path(), required: required)
    }

    private mutating func anyEnumValue<E: SpelledEnum>(
        _ type: E.Type, _ object: Int, _ key: JSONKey,
        _ path: @autoclosure () -> String, required: Diagnostic.Severity?
    ) -> E? {
        guard let s = string(object, key, path(), required: required, severity: .warning) else { return nil }
        if let e = E(rawValue: s) { return e }
        let accepted = E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        report(.warning, .unknownEnumValue, Self.join(path(), key.name), "\"\(s)\" is not one of \(accepted)")
        return nil
    }

    // MARK: - Money

    /// `GBP`, `EUR` or `USD` when `bytes` spell it: a literal, with nothing to check or allocate.
    private static func commonCurrencyCode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count == 3 else { return nil }
        switch (bytes[0], bytes[1], bytes[2]) {
        case (UInt8(ascii: "G"), UInt8(ascii: "B"), UInt8(ascii: "P")): return "GBP"
        case (UInt8(ascii: "E"), UInt8(ascii: "U"), UInt8(ascii: "R")): return "EUR"
        case (UInt8(ascii: "U"), UInt8(ascii: "S"), UInt8(ascii: "D")): return "USD"
        default: return nil
        }
    }

    /// A `Money` member. A fractional value is read as major units with a warning (Dojo's guide
    /// writes `6.21` for 621); a string, an inexact fraction or an overflow is an error. The
    /// common case, an integer in GBP, EUR or USD, is read inline; anything else out of line.
    @inline(__always)
    mutating func money(
        _ object: Int, _ key: JSONKey, _ path: @autoclosure () -> String, required: Diagnostic.Severity?
    ) -> Money? {
        if let m = tape.member(object, key), tape.kind(m) == .object, let money = commonMoney(m) { return money }
        return anyMoney(object, key, path(), required: required)
    }

    /// The money object `m` when it is an integer in GBP, EUR or USD written plainly, else nil.
    private func commonMoney(_ m: Int) -> Money? {
        guard let c = tape.member(m, .currencyCode),
            let code = tape.withRawStringBytes(c, Self.commonCurrencyCode) ?? nil,
            let value = tape.member(m, .value), let v = tape.int64(value)
        else { return nil }
        return Money(value: v, currencyCode: code)
    }

    private mutating func anyMoney(
        _ object: Int, _ key: JSONKey, _ path: @autoclosure () -> String,
        required: Diagnostic.Severity?
    ) -> Money? {
        guard let m = self.object(object, key, path(), required: required, severity: .error) else { return nil }
        // Paths are only spelled out when something is reported.
        let plainCode = tape.member(m, .currencyCode).flatMap { c in
            tape.withRawStringBytes(c) { raw -> String? in
                guard !raw.isEmpty, raw.count <= 10, raw.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
                return Self.commonCurrencyCode(raw) ?? String(decoding: raw, as: UTF8.self)
            } ?? nil
        }
        let code =
            plainCode ?? string(m, .currencyCode, Self.join(path(), key.name), required: .error, severity: .error) ?? ""
        // The common case, with nothing to report: an integer in a common currency.
        if let value = tape.member(m, .value), let v = tape.int64(value),
            code == "GBP" || code == "EUR" || code == "USD"
        {
            return Money(value: v, currencyCode: code)
        }
        func p() -> String { Self.join(path(), key.name) }
        func vp() -> String { Self.spell(path(), .key(key.name), .key("value")) }
        guard let raw = member(m, .value, p(), required: .error) else { return nil }
        guard let n = tape.number(raw) else {
            wrongType(.error, vp(), expected: "an integer number of minor units", found: raw)
            return nil
        }
        let currency = Currency(code: code)
        if !code.isEmpty, !currency.isKnown {
            report(
                .warning, .unknownCurrency, Self.spell(path(), .key(key.name), .key("currencyCode")),
                "\"\(code)\" is not an ISO 4217 currency code; amounts are shown with 2 decimals")
        }
        // Read off the node: the same digits `n.int64` would read, without walking a `String`.
        if let v = tape.int64(raw) { return Money(value: v, currencyCode: code) }
        if n.isInteger {
            report(.error, .overflow, vp(), "\(n.literal) does not fit in a 64-bit integer of minor units")
            return nil
        }
        // The literal is split into digits once, for both scalings.
        let decimal = DecimalLiteral(n.literal)
        if let v = decimal?.scaled(by: 0) { return Money(value: v, currencyCode: code) }
        if let v = decimal?.scaled(by: currency.exponent) {
            report(
                .warning, .fractionalMinorUnits, vp(),
                "\(n.literal) is not an integer number of minor units; read as major units\(shownAfter: v, in: currency). The spec wants \(v)"
            )
            return Money(value: v, currencyCode: code)
        }
        report(
            .error, .wrongType, vp(),
            "\(n.literal) is neither an integer number of minor units nor an amount with at most \(currency.exponent) decimals"
        )
        return nil
    }
}
