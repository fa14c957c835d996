/// Something in a bill that departs from the spec or cannot be printed as sent.
///
/// Every diagnostic names the JSON path of what it is about
/// (`order.discounts[0].amountTotal.value`), so a POS developer can find it.
public struct Diagnostic: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Errors stop a render; warnings are printed and the bill renders (unless strict).
    public enum Severity: String, Sendable, Equatable, Hashable, Comparable {
        case warning, error

        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    /// What kind of departure this is; tests assert on it.
    public var code: DiagnosticCode
    /// The JSON path, for example `order.items[2].quantity`; empty for the whole document.
    public var path: String
    /// A sentence a POS developer can act on.
    public var message: String

    public init(_ severity: Severity, _ code: DiagnosticCode, at path: String, _ message: String) {
        self.severity = severity
        self.code = code
        self.path = path
        self.message = message
    }

    /// `warning: order.items[0].quantity: …` (the path is left out when it is empty).
    public var description: String {
        path.isEmpty ? "\(severity.rawValue): \(message)" : "\(severity.rawValue): \(path): \(message)"
    }
}

/// The kinds of diagnostic. The raw value is stable: `validate --json` prints it.
public enum DiagnosticCode: String, Sendable, Equatable, Hashable, CaseIterable {
    /// The input is not JSON.
    case malformedJSON
    /// The input is larger than the configured limit.
    case inputTooLarge
    /// A required field is missing.
    case missingField
    /// A field has the wrong JSON type.
    case wrongType
    /// A string is not one of the spec's values.
    case unknownEnumValue
    /// A `lineType` this version does not know; the line is skipped.
    case unknownLineType
    /// A `lineType` whose payload key is missing; the line is skipped.
    case missingLinePayload
    /// A money value with a fraction, read as major units.
    case fractionalMinorUnits
    /// A number too large for 64 bits, or arithmetic that would overflow.
    case overflow
    /// A money value in another currency than the rest of the bill.
    case mixedCurrency
    /// A currency code that is not ISO 4217 as far as billrender knows.
    case unknownCurrency
    /// Items, discounts and service charge do not add up to `totalAmount`.
    case totalsMismatch
    /// A percentage that looks written as a plain percent (the spec stores it ×100).
    case suspiciousPercentage
    /// A quantity of zero or below.
    case nonPositiveQuantity
    /// A Logo or Image whose `svgImage` is empty, or is not SVG.
    case emptySVG
    /// An SVG that could not be drawn, or was refused; the line is skipped.
    case invalidSVG
    /// Control characters removed from a text field.
    case controlCharacters
    /// An escaped unpaired surrogate, replaced by U+FFFD.
    case invalidUnicode
    /// A value over a configured limit (items, text length, QR payload).
    case limitExceeded
    /// A character that no code table of the printer holds.
    case unprintableCharacter
    /// A QR payload too long for a QR code; printed as text.
    case qrTooLong
    /// The payment figures look wrong (paid more than the total).
    case paymentMismatch
    /// An amount below zero (a price, a total, a payment).
    case negativeAmount
    /// A block the printer profile cannot print as laid out (a picture without raster support, a QR
    /// code without `GS ( k` or raster); left out or printed as text.
    case unsupportedByPrinter
}
