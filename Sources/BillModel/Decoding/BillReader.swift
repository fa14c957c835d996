import BillJSON

/// Reads a bill's members through BillJSON's path-aware reader and turns what it throws into
/// diagnostics instead of stopping: the bill is read leniently, and every departure is reported.
///
/// `required` says what a missing value means and `severity` what a mistyped one means: an error
/// for what the figures depend on, a warning for what can be left out.
struct BillReader {
    var diagnostics: [Diagnostic] = []
    let options: DecodingOptions
    /// The last currency code found to be ISO 4217 (a bill is in one currency: it is looked up once).
    private var knownCurrencyCode = ""

    init(options: DecodingOptions) {
        self.options = options
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    mutating func report(_ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ path: String, _ message: String) {
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

    /// The member `key` (null counts as missing), reporting it when it is missing and `required`.
    mutating func member(_ o: JSONObjectReader, _ key: BillKey, required: Diagnostic.Severity?) -> JSONElement? {
        if let member = o[key.json] { return member }
        if let required { report(required, o.missing(key.rawValue)) }
        return nil
    }

    /// `element` as an object; `expected` names what was wanted.
    mutating func object(
        _ element: JSONElement, expected: String = "an object", severity: Diagnostic.Severity
    ) -> JSONObjectReader? {
        do {
            return try element.object(expected: expected)
        } catch {
            report(severity, error)
            return nil
        }
    }

    mutating func object(
        _ o: JSONObjectReader, _ key: BillKey, required: Diagnostic.Severity?, severity: Diagnostic.Severity
    ) -> JSONObjectReader? {
        guard let member = member(o, key, required: required) else { return nil }
        return object(member, severity: severity)
    }

    mutating func array(
        _ o: JSONObjectReader, _ key: BillKey, required: Diagnostic.Severity?, severity: Diagnostic.Severity
    ) -> JSONArrayReader? {
        guard let member = member(o, key, required: required) else { return nil }
        do {
            return try member.array()
        } catch {
            report(severity, error)
            return nil
        }
    }

    mutating func string(
        _ o: JSONObjectReader, _ key: BillKey, required: Diagnostic.Severity?, severity: Diagnostic.Severity,
        sanitize: Bool = true
    ) -> String? {
        guard let member = member(o, key, required: required) else { return nil }
        return string(member, severity: severity, sanitize: sanitize)
    }

    /// A string, cleaned of control characters (with a warning naming them) and cut to the
    /// longest text accepted (with a warning), unless `sanitize` is false.
    mutating func string(_ element: JSONElement, severity: Diagnostic.Severity, sanitize: Bool = true) -> String? {
        var s: String
        do {
            s = try element.string()
        } catch {
            report(severity, error)
            return nil
        }
        guard sanitize else { return s }
        // One pass over the bytes decides whether anything needs the exact checks below.
        var text = s
        let look = text.withUTF8(TextSanitizer.Suspicion.init)
        if look.controls { s = clean(s, element) }
        // Unassigned and private-use code points become U+FFFD (no shipped font has them).
        if look.unassigned, let replaced = TextSanitizer.replaceUnassigned(s) {
            let plural = replaced.replaced == 1 ? "" : "s"
            report(
                .warning, .invalidUnicode, element.path,
                "\(replaced.replaced) unassigned or private-use code point\(plural) replaced by U+FFFD")
            s = replaced.text
        }
        // A character of very many combining scalars is cut (the layout and printers choke on it).
        if look.longClusters, let capped = TextSanitizer.capClusters(s) {
            let plural = capped.cut == 1 ? "" : "s"
            report(
                .warning, .limitExceeded, element.path,
                "\(capped.cut) character\(plural) of more than \(TextSanitizer.maxClusterScalars) combining scalars cut to \(TextSanitizer.maxClusterScalars)"
            )
            s = capped.text
        }
        return cut(s, element)
    }

    /// `s` without control characters (with a warning naming them), and a warning for U+FFFD.
    private mutating func clean(_ text: String, _ element: JSONElement) -> String {
        var s = text
        if let cleaned = TextSanitizer.sanitize(s) {
            let names = cleaned.removed.prefix(4).map(TextSanitizer.describe).joined(separator: ", ")
            let more = cleaned.removed.count > 4 ? " and \(cleaned.removed.count - 4) more" : ""
            let plural = cleaned.removed.count == 1 ? "" : "s"
            report(
                .warning, .controlCharacters, element.path,
                "removed \(cleaned.removed.count) control character\(plural) (\(names)\(more)); they must never reach the printer"
            )
            s = cleaned.text
        }
        if s.unicodeScalars.contains("\u{FFFD}") {
            report(
                .warning, .invalidUnicode, element.path,
                "holds U+FFFD (an unpaired surrogate or invalid character was replaced)")
        }
        return s
    }

    /// `s` cut to the longest text accepted, with a warning.
    private mutating func cut(_ s: String, _ element: JSONElement) -> String {
        // Characters are never more than UTF-8 bytes, so only long text pays for counting them.
        guard s.utf8.count > options.maxTextLength, s.count > options.maxTextLength else { return s }
        report(.warning, .limitExceeded, element.path, "text of \(s.count) characters cut to \(options.maxTextLength)")
        return String(s.prefix(options.maxTextLength))
    }

    /// A boolean member `key`, or else `alternative` (a spelling some senders use).
    mutating func bool(_ o: JSONObjectReader, _ key: BillKey, or alternative: BillKey? = nil) -> Bool? {
        guard let member = o[key.json] ?? alternative.flatMap({ o[$0.json] }) else { return nil }
        do {
            return try member.bool()
        } catch {
            report(.warning, error)
            return nil
        }
    }

    /// An integer member (quantities, percentages): fractions and overflow are reported.
    mutating func integer(
        _ o: JSONObjectReader, _ key: BillKey, required: Diagnostic.Severity?, severity: Diagnostic.Severity
    ) -> Int64? {
        guard let member = member(o, key, required: required) else { return nil }
        do {
            return try member.integer()
        } catch {
            report(severity, error)
            return nil
        }
    }

    /// An enum member; an unknown value is reported with the accepted ones.
    mutating func enumValue<E: RawRepresentable & CaseIterable>(
        _ type: E.Type, _ o: JSONObjectReader, _ key: BillKey, required: Diagnostic.Severity?
    ) -> E? where E.RawValue == String {
        guard let s = string(o, key, required: required, severity: .warning) else { return nil }
        if let e = E(rawValue: s) { return e }
        let accepted = E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        report(.warning, .unknownEnumValue, o.path(of: key.rawValue), "\"\(s)\" is not one of \(accepted)")
        return nil
    }

    /// A `Money` member. A fractional value is read as major units with a warning (Dojo's guide
    /// writes `6.21` for 621); a string, an inexact fraction or an overflow is an error.
    mutating func money(_ o: JSONObjectReader, _ key: BillKey, required: Diagnostic.Severity?) -> Money? {
        guard let m = object(o, key, required: required, severity: .error) else { return nil }
        let code = string(m, .currencyCode, required: .error, severity: .error) ?? ""
        guard let raw = member(m, .value, required: .error) else { return nil }
        guard raw.kind == .number else {
            report(.error, raw.wrongType(expected: "an integer number of minor units"))
            return nil
        }
        if !code.isEmpty, code != knownCurrencyCode {
            if Currency(code: code).isKnown {
                knownCurrencyCode = code
            } else {
                report(
                    .warning, .unknownCurrency, m.path(of: BillKey.currencyCode.rawValue),
                    "\"\(code)\" is not an ISO 4217 currency code; amounts are shown with 2 decimals")
            }
        }
        guard let number = try? raw.number() else { return nil }
        if let v = number.int64 { return Money(value: v, currencyCode: code) }
        if number.isInteger {
            report(
                .error, .overflow, raw.path, "\(number.literal) does not fit in a 64-bit integer of minor units")
            return nil
        }
        // A whole number written with a fraction or an exponent (`2.0`, `1e3`) is minor units too.
        if let v = number.scaledExactly(byPowerOfTen: 0) { return Money(value: v, currencyCode: code) }
        let currency = Currency(code: code)
        if let v = number.scaledExactly(byPowerOfTen: currency.exponent) {
            let shown = currency.exponent == 0 ? "" : " (\(currency.format(minorUnits: v)))"
            report(
                .warning, .fractionalMinorUnits, raw.path,
                "\(number.literal) is not an integer number of minor units; read as major units\(shown). The spec wants \(v)"
            )
            return Money(value: v, currencyCode: code)
        }
        report(
            .error, .wrongType, raw.path,
            "\(number.literal) is neither an integer number of minor units nor an amount with at most \(currency.exponent) decimals"
        )
        return nil
    }
}
