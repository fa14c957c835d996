/// An amount in integer minor units of an ISO 4217 currency: Dojo's `Money`.
public struct Money: Sendable, Equatable, Hashable {
    /// Minor units: 100 is £1.00; ¥100 is 100.
    public var value: Int64
    /// ISO 4217 alpha-3, for example `GBP`.
    public var currencyCode: String

    public init(value: Int64, currencyCode: String) {
        self.value = value
        self.currencyCode = currencyCode
    }

    /// The currency's symbol and exponent.
    public var currency: Currency { Currency(code: currencyCode) }

    /// The amount as printed on a bill: `£62.95`, `-€6.21`, `¥1,200`, `KWD 1.250`.
    public var formatted: String { currency.format(minorUnits: value) }
}

/// What a bill needs to know of a currency: its symbol and how many minor-unit digits it has.
public struct Currency: Sendable, Equatable, Hashable {
    public let code: String
    /// Printed before the amount: `£`, or the code and a space where there is no common symbol.
    public let prefix: String
    /// The ISO 4217 exponent: 2 for GBP, 0 for JPY, 3 for KWD.
    public let exponent: Int
    /// False for a code this table does not know (shown with 2 decimals and its code).
    public let isKnown: Bool

    /// Looks `code` up; an unknown code gets 2 decimals and is printed as its own prefix.
    public init(code: String) {
        self.code = code
        // The common codes without hashing.
        switch code {
        case "GBP":
            (prefix, exponent, isKnown) = ("£", 2, true)
            return
        case "EUR":
            (prefix, exponent, isKnown) = ("€", 2, true)
            return
        case "USD":
            (prefix, exponent, isKnown) = ("$", 2, true)
            return
        default: break
        }
        if let entry = Currency.symbols[code] {
            prefix = entry
            exponent = ISO4217.exponents[code] ?? 2
            isKnown = true
        } else if ISO4217.codes.contains(code) {
            prefix = code + " "
            exponent = ISO4217.exponents[code] ?? 2
            isKnown = true
        } else {
            prefix = code.isEmpty ? "" : code + " "
            exponent = 2
            isKnown = false
        }
    }

    /// `minorUnits` as text with this currency's prefix, decimals and thousands separators.
    public func format(minorUnits: Int64) -> String {
        withDigits(of: minorUnits) { Self.joined(sign: minorUnits < 0, prefix, $0) }
    }

    /// `body` applied to what `format(minorUnits:)` writes after the sign and the prefix: the
    /// digits with their point and thousands separators, in a buffer on the stack.
    func withDigits<R>(of minorUnits: Int64, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        // Written right to left: at most 19 digits, 6 separators, a point and the exponent's
        // leading zeros.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 27 + max(0, exponent)) { buffer in
            var k = buffer.count
            func put(_ b: UInt8) {
                k -= 1
                buffer[k] = b
            }
            var magnitude = minorUnits.magnitude
            var written = 0
            while written < exponent {
                put(UInt8(ascii: "0") + UInt8(magnitude % 10))
                magnitude /= 10
                written += 1
            }
            if exponent > 0 { put(UInt8(ascii: ".")) }
            var grouped = 0
            repeat {
                if grouped == 3 {
                    put(UInt8(ascii: ","))
                    grouped = 0
                }
                put(UInt8(ascii: "0") + UInt8(magnitude % 10))
                magnitude /= 10
                grouped += 1
            } while magnitude > 0
            return body(UnsafeBufferPointer(rebasing: buffer[k...]))
        }
    }

    /// `-` (when `sign`), `prefix` and `digits`, made into one string at once.
    private static func joined(sign: Bool, _ prefix: String, _ digits: UnsafeBufferPointer<UInt8>) -> String {
        var prefix = prefix
        return prefix.withUTF8 { prefix in
            String(unsafeUninitializedCapacity: (sign ? 1 : 0) + prefix.count + digits.count) { out in
                var k = 0
                if sign {
                    out[0] = UInt8(ascii: "-")
                    k = 1
                }
                _ = UnsafeMutableBufferPointer(rebasing: out[k..<(k + prefix.count)]).initialize(from: prefix)
                k += prefix.count
                _ = UnsafeMutableBufferPointer(rebasing: out[k..<(k + digits.count)]).initialize(from: digits)
                return k + digits.count
            }
        }
    }

    /// A percentage stored ×100 (`2000` → `20%`, `1250` → `12.5%`).
    public static func formatPercentage(_ hundredths: Int64) -> String {
        // Written right to left into a buffer on the stack, as `format` does: a sign, at most 17
        // whole digits, a point, 2 decimals and `%`.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var k = buffer.count
            func put(_ b: UInt8) {
                k -= 1
                buffer[k] = b
            }
            func putDigit(_ d: UInt64) { put(UInt8(ascii: "0") + UInt8(d)) }
            let m = hundredths.magnitude
            put(UInt8(ascii: "%"))
            // The decimals without a trailing zero: 1250 is 12.5%, 1205 is 12.05%.
            let frac = m % 100
            if frac != 0 {
                if frac % 10 != 0 { putDigit(frac % 10) }
                putDigit(frac / 10)
                put(UInt8(ascii: "."))
            }
            k = DecimalDigits.write(m / 100, into: buffer, endingAt: k)
            if hundredths < 0 { put(UInt8(ascii: "-")) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[k...]), as: UTF8.self)
        }
    }

    /// Symbols printed for the common currencies; every other ISO code is printed as `CODE `.
    private static let symbols: [String: String] = [
        "GBP": "£", "EUR": "€", "USD": "$", "JPY": "¥", "CAD": "CA$", "AUD": "A$", "NZD": "NZ$",
        "HKD": "HK$", "SGD": "S$", "MXN": "MX$", "INR": "₹", "KRW": "₩", "CNY": "CN¥",
    ]
}
