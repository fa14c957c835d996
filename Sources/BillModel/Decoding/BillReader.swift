import BillJSON

/// Reads a bill leniently: every departure from the spec becomes a diagnostic instead of stopping
/// the read.
///
/// It holds the parsed document once and reads it by node (an object or a value is its node
/// index) through BillJSON's package API, so a field read takes no reference. Whatever it reports
/// goes through BillJSON's one path-aware reader: a wrong type is ``JSONElement/wrongType(expected:)``,
/// a missing member ``JSONObjectReader/missing(_:)``, and every path is ``JSONElement/path``, spelled
/// from the node only when something is reported.
///
/// `required` says what a missing value means and `severity` what a mistyped one means: an error
/// for what the figures depend on, a warning for what can be left out.
struct BillReader {
    var diagnostics: [Diagnostic] = []
    let options: DecodingOptions
    /// The document.
    let tape: JSONTape
    /// The bill's keys (the table the document was parsed with, when it was parsed).
    private let keys = BillKey.table
    /// The last currency code found to be ISO 4217 (a bill is in one currency: it is looked up once).
    private var knownCurrencyCode = ""

    init(tape: JSONTape, options: DecodingOptions) {
        self.tape = tape
        self.options = options
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    // MARK: - Reporting, through the one reader

    /// Node `n` as BillJSON's reader sees it: for what is reported.
    func element(_ n: Int) -> JSONElement { JSONElement(tape, n) }

    /// The path of node `n`, for example `order.items[2]`.
    func path(_ n: Int) -> String { JSONElement(tape, n).path }

    /// The path of the member `key` of the object `o`: `path.key`.
    func path(_ o: Int, _ key: BillKey) -> String { JSONObjectReader(element(o)).path(of: key.rawValue) }

    mutating func report(_ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ path: String, _ message: String) {
        // Room for a few at once: growing one at a time would copy them at 1, 2 and 4.
        if diagnostics.isEmpty { diagnostics.reserveCapacity(8) }
        diagnostics.append(Diagnostic(severity, code, at: path, message))
    }

    /// A reader's error as a diagnostic.
    mutating func report(_ severity: Diagnostic.Severity, _ error: JSONReadError) {
        let code: DiagnosticCode
        switch error.kind {
        case .missing: code = .missingField
        case .wrongType: code = .wrongType
        case .overflow: code = .overflow
        }
        report(severity, code, error.path, error.message)
    }

    /// Reports node `n` as not of the type `expected`.
    private mutating func reportWrongType(_ severity: Diagnostic.Severity, _ n: Int, expected: String) {
        report(severity, element(n).wrongType(expected: expected))
    }

    // MARK: - Members

    /// Node `n`'s JSON type tested by pattern (an `==` on BillJSON's enum would be a call).
    func isNull(_ n: Int) -> Bool { if case .null = tape.kind(n) { true } else { false } }
    func isObject(_ n: Int) -> Bool { if case .object = tape.kind(n) { true } else { false } }
    func isArray(_ n: Int) -> Bool { if case .array = tape.kind(n) { true } else { false } }
    func isNumber(_ n: Int) -> Bool { if case .number = tape.kind(n) { true } else { false } }

    /// The member `key` of the object `o`, null or not (nil when there is none).
    func anyMember(_ o: Int, _ key: BillKey) -> Int? {
        tape.member(o, keyAt: key.index, of: keys)
    }

    /// The member `key` of the object `o` (null counts as missing), reporting it when it is
    /// missing and `required`.
    mutating func member(_ o: Int, _ key: BillKey, required: Diagnostic.Severity?) -> Int? {
        if let m = tape.member(o, keyAt: key.index, of: keys), !isNull(m) { return m }
        if let required { report(required, JSONObjectReader(element(o)).missing(key.rawValue)) }
        return nil
    }

    /// Node `n` as an object (its node); `expected` names what was wanted.
    mutating func object(_ n: Int, expected: String = "an object", severity: Diagnostic.Severity) -> Int? {
        if isObject(n) { return n }
        reportWrongType(severity, n, expected: expected)
        return nil
    }

    mutating func object(
        _ o: Int, _ key: BillKey, required: Diagnostic.Severity?, severity: Diagnostic.Severity
    ) -> Int? {
        guard let m = member(o, key, required: required) else { return nil }
        return object(m, severity: severity)
    }

    /// The array member `key` (its node).
    mutating func array(
        _ o: Int, _ key: BillKey, required: Diagnostic.Severity?, severity: Diagnostic.Severity
    ) -> Int? {
        guard let m = member(o, key, required: required) else { return nil }
        if isArray(m) { return m }
        reportWrongType(severity, m, expected: "an array")
        return nil
    }

    /// The elements of the array `a`, in order.
    func elements(_ a: Int) -> JSONTape.Members { tape.members(a) }

    mutating func string(
        _ o: Int, _ key: BillKey, required: Diagnostic.Severity?, severity: Diagnostic.Severity,
        sanitize: Bool = true
    ) -> String? {
        guard let m = member(o, key, required: required) else { return nil }
        return string(m, severity: severity, sanitize: sanitize)
    }

    /// A string, cleaned of control characters (with a warning naming them) and cut to the
    /// longest text accepted (with a warning), unless `sanitize` is false.
    mutating func string(_ n: Int, severity: Diagnostic.Severity, sanitize: Bool = true) -> String? {
        // Most strings have no escapes and nothing to look at: one pass over the document's bytes
        // decides, and the `String` is made once.
        let maxLength = options.maxTextLength
        let plain = tape.plainString(n) { raw in
            !sanitize || (raw.count <= maxLength && !TextSanitizer.Suspicion(raw).any)
        }
        if let plain { return plain }
        guard var s = tape.string(n) else {
            reportWrongType(severity, n, expected: "a string")
            return nil
        }
        guard sanitize else { return s }
        var text = s
        let look = text.withUTF8(TextSanitizer.Suspicion.init)
        if look.controls { s = clean(s, n) }
        // Unassigned and private-use code points become U+FFFD (no shipped font has them).
        if look.unassigned, let replaced = TextSanitizer.replaceUnassigned(s) {
            let plural = replaced.replaced == 1 ? "" : "s"
            report(
                .warning, .invalidUnicode, path(n),
                "\(replaced.replaced) unassigned or private-use code point\(plural) replaced by U+FFFD")
            s = replaced.text
        }
        // A character of very many combining scalars is cut (the layout and printers choke on it).
        if look.longClusters, let capped = TextSanitizer.capClusters(s) {
            let plural = capped.cut == 1 ? "" : "s"
            report(
                .warning, .limitExceeded, path(n),
                "\(capped.cut) character\(plural) of more than \(TextSanitizer.maxClusterScalars) combining scalars cut to \(TextSanitizer.maxClusterScalars)"
            )
            s = capped.text
        }
        return cut(s, n)
    }

    /// `s` without control characters (with a warning naming them), and a warning for U+FFFD.
    private mutating func clean(_ text: String, _ n: Int) -> String {
        var s = text
        if let cleaned = TextSanitizer.sanitize(s) {
            let names = cleaned.removed.prefix(4).map(TextSanitizer.describe).joined(separator: ", ")
            let more = cleaned.removed.count > 4 ? " and \(cleaned.removed.count - 4) more" : ""
            let plural = cleaned.removed.count == 1 ? "" : "s"
            report(
                .warning, .controlCharacters, path(n),
                "removed \(cleaned.removed.count) control character\(plural) (\(names)\(more)); they must never reach the printer"
            )
            s = cleaned.text
        }
        if s.unicodeScalars.contains("\u{FFFD}") {
            report(
                .warning, .invalidUnicode, path(n),
                "holds U+FFFD (an unpaired surrogate or invalid character was replaced)")
        }
        return s
    }

    /// `s` cut to the longest text accepted, with a warning.
    private mutating func cut(_ s: String, _ n: Int) -> String {
        // Characters are never more than UTF-8 bytes, so only long text pays for counting them.
        guard s.utf8.count > options.maxTextLength, s.count > options.maxTextLength else { return s }
        report(.warning, .limitExceeded, path(n), "text of \(s.count) characters cut to \(options.maxTextLength)")
        return String(s.prefix(options.maxTextLength))
    }

    /// A boolean member `key`, or else `alternative` (a spelling some senders use).
    mutating func bool(_ o: Int, _ key: BillKey, or alternative: BillKey? = nil) -> Bool? {
        guard let m = member(o, key, required: nil) ?? alternative.flatMap({ member(o, $0, required: nil) }) else {
            return nil
        }
        switch tape.kind(m) {
        case .true: return true
        case .false: return false
        default:
            reportWrongType(.warning, m, expected: "true or false")
            return nil
        }
    }

    /// An integer member (quantities, percentages): fractions and overflow are reported.
    mutating func integer(
        _ o: Int, _ key: BillKey, required: Diagnostic.Severity?, severity: Diagnostic.Severity
    ) -> Int64? {
        guard let m = member(o, key, required: required) else { return nil }
        if let i = tape.int64(m) { return i }
        do {
            return try element(m).integer()
        } catch {
            report(severity, error)
            return nil
        }
    }

    /// An enum member; an unknown value is reported with the accepted ones.
    mutating func enumValue<E: RawRepresentable & CaseIterable>(
        _ type: E.Type, _ o: Int, _ key: BillKey, required: Diagnostic.Severity?
    ) -> E? where E.RawValue == String {
        // A plain string that spells a case (and is not over the length limit, which would cut it)
        // is matched on the document's bytes: no `String` is made.
        if let m = anyMember(o, key) {
            for e in E.allCases where e.rawValue.utf8.count <= options.maxTextLength {
                if tape.isPlainString(m, equalTo: e.rawValue) { return e }
            }
        }
        guard let s = string(o, key, required: required, severity: .warning) else { return nil }
        if let e = E(rawValue: s) { return e }
        let accepted = E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        report(.warning, .unknownEnumValue, path(o, key), "\"\(s)\" is not one of \(accepted)")
        return nil
    }

    /// A `Money` member. A fractional value is read as major units with a warning (Dojo's guide
    /// writes `6.21` for 621); a string, an inexact fraction or an overflow is an error.
    mutating func money(_ o: Int, _ key: BillKey, required: Diagnostic.Severity?) -> Money? {
        guard let m = object(o, key, required: required, severity: .error) else { return nil }
        let code = string(m, .currencyCode, required: .error, severity: .error) ?? ""
        guard let raw = member(m, .value, required: .error) else { return nil }
        guard isNumber(raw) else {
            reportWrongType(.error, raw, expected: "an integer number of minor units")
            return nil
        }
        if !code.isEmpty, code != knownCurrencyCode {
            if Currency(code: code).isKnown {
                knownCurrencyCode = code
            } else {
                report(
                    .warning, .unknownCurrency, path(m, .currencyCode),
                    "\"\(code)\" is not an ISO 4217 currency code; amounts are shown with 2 decimals")
            }
        }
        // Read off the node: the digits `number.int64` would read, without making the literal.
        if let v = tape.int64(raw) { return Money(value: v, currencyCode: code) }
        guard let number = tape.number(raw) else { return nil }
        if number.isInteger {
            report(
                .error, .overflow, path(raw), "\(number.literal) does not fit in a 64-bit integer of minor units")
            return nil
        }
        // A whole number written with a fraction or an exponent (`2.0`, `1e3`) is minor units too.
        // The literal is split into digits once, for both scalings.
        let decimal = DecimalLiteral(number.literal)
        if let v = decimal?.scaled(by: 0) { return Money(value: v, currencyCode: code) }
        let currency = Currency(code: code)
        if let v = decimal?.scaled(by: currency.exponent) {
            let shown = currency.exponent == 0 ? "" : " (\(currency.format(minorUnits: v)))"
            report(
                .warning, .fractionalMinorUnits, path(raw),
                "\(number.literal) is not an integer number of minor units; read as major units\(shown). The spec wants \(v)"
            )
            return Money(value: v, currencyCode: code)
        }
        report(
            .error, .wrongType, path(raw),
            "\(number.literal) is neither an integer number of minor units nor an amount with at most \(currency.exponent) decimals"
        )
        return nil
    }
}
