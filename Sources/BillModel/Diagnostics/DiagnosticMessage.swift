/// A diagnostic's message, written by string interpolation into UTF-8 bytes that become one
/// `String` at the end. `String` interpolation appends piece by piece to a growing string, which
/// costs a bill with warnings more than reading the rest of it; the text made here is the same.
struct DiagnosticMessage: ExpressibleByStringInterpolation {
    /// The message.
    var text: String

    init(stringLiteral value: StaticString) {
        text = value.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
    }

    init(stringInterpolation: Interpolation) {
        text = String(decoding: stringInterpolation.bytes, as: UTF8.self)
    }

    /// The bytes of a message being written.
    struct Interpolation: StringInterpolationProtocol {
        var bytes: [UInt8] = []

        init(literalCapacity: Int, interpolationCount: Int) {
            bytes.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: StaticString) {
            literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        mutating func appendInterpolation(_ text: String) {
            var text = text
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }

        /// An integer in decimal, as `description` writes it.
        mutating func appendInterpolation(_ value: Int64) {
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
                let first = DecimalDigits.write(value.magnitude, into: digits, endingAt: digits.count)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[first...]))
            }
        }

        mutating func appendInterpolation(_ value: Int) {
            appendInterpolation(Int64(value))
        }

        /// An amount as `Currency.format(minorUnits:)` writes it, without making a `String` of it.
        mutating func appendInterpolation(_ minorUnits: Int64, in currency: Currency) {
            if minorUnits < 0 { bytes.append(UInt8(ascii: "-")) }
            appendInterpolation(currency.prefix)
            currency.withDigits(of: minorUnits) { bytes.append(contentsOf: $0) }
        }

        /// ` (£6.21)`: the amount in parentheses after a space, as it is printed; nothing for a
        /// currency without decimals, where it would repeat the number of minor units.
        mutating func appendInterpolation(shownAfter minorUnits: Int64, in currency: Currency) {
            guard currency.exponent != 0 else { return }
            appendLiteral(" (")
            appendInterpolation(minorUnits, in: currency)
            appendLiteral(")")
        }

        /// A `Money` as `formatted` writes it.
        mutating func appendInterpolation(money: Money) {
            appendInterpolation(money.value, in: money.currency)
        }

        /// Anything else, by its `description`, as `String` interpolation writes it.
        mutating func appendInterpolation<T: CustomStringConvertible>(_ value: T) {
            appendInterpolation(value.description)
        }
    }
}

extension Diagnostic {
    /// A diagnostic whose message is written by `DiagnosticMessage` interpolation.
    init(_ severity: Severity, _ code: DiagnosticCode, at path: String, message: DiagnosticMessage) {
        self.init(severity, code, at: path, message.text)
    }
}
