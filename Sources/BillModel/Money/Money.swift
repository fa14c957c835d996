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
        if let entry = Currency.entry(code) {
            prefix = entry.prefix
            exponent = entry.exponent
            isKnown = true
        } else {
            prefix = code.isEmpty ? "" : code + " "
            exponent = 2
            isKnown = false
        }
    }

    /// `minorUnits` as text with this currency's prefix, decimals and thousands separators.
    public func format(minorUnits: Int64) -> String {
        // The digits are written from the right into a buffer: at most 20 digits, 6 separators
        // and a point.
        var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &digits) { buffer in
            var at = buffer.count
            func put(_ byte: UInt8) {
                at -= 1
                buffer[at] = byte
            }
            var magnitude = minorUnits.magnitude
            for _ in 0..<exponent {
                put(UInt8(ascii: "0") + UInt8(magnitude % 10))
                magnitude /= 10
            }
            if exponent > 0 { put(UInt8(ascii: ".")) }
            var written = 0
            repeat {
                if written > 0, written % 3 == 0 { put(UInt8(ascii: ",")) }
                put(UInt8(ascii: "0") + UInt8(magnitude % 10))
                magnitude /= 10
                written += 1
            } while magnitude > 0
            let number = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[at...]), as: UTF8.self)
            return (minorUnits < 0 ? "-" + prefix : prefix) + number
        }
    }

    /// A percentage stored ×100 (`2000` → `20%`, `1250` → `12.5%`, `1205` → `12.05%`).
    public static func formatPercentage(_ hundredths: Int64) -> String {
        let magnitude = hundredths.magnitude
        var text = (hundredths < 0 ? "-" : "") + String(magnitude / 100)
        // The decimals without a trailing zero.
        let fraction = magnitude % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
        }
        return text + "%"
    }

    /// The prefix and exponent of the ISO 4217 code `code`, or nil for another string.
    private static func entry(_ code: String) -> (prefix: String, exponent: Int)? {
        // Three letters A–Z are a number below 26³: a slot of the table, without hashing the code.
        let utf8 = code.utf8
        guard utf8.count == 3 else { return nil }
        var slot = 0
        for byte in utf8 {
            guard byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") else { return nil }
            slot = slot * 26 + Int(byte - UInt8(ascii: "A"))
        }
        let known = Self.known
        let entry = known.slots[slot]
        return entry == 0 ? nil : known.entries[Int(entry) - 1]
    }

    /// Every ISO 4217 code with its prefix and exponent: `slots` holds, for each code's three
    /// letters read as a number in base 26, 1 + the index of its entry (0 for none).
    private static let known: (slots: [UInt16], entries: [(prefix: String, exponent: Int)]) = {
        var slots = [UInt16](repeating: 0, count: 26 * 26 * 26)
        var entries: [(prefix: String, exponent: Int)] = []
        for code in ISO4217.codes.sorted()
        where code.utf8.count == 3 && code.utf8.allSatisfy({ (65...90).contains($0) }) {
            var slot = 0
            for byte in code.utf8 { slot = slot * 26 + Int(byte - UInt8(ascii: "A")) }
            entries.append((symbols[code] ?? code + " ", ISO4217.exponents[code] ?? 2))
            slots[slot] = UInt16(entries.count)
        }
        return (slots, entries)
    }()

    /// Symbols printed for the common currencies; every other ISO code is printed as `CODE `.
    private static let symbols: [String: String] = [
        "GBP": "£", "EUR": "€", "USD": "$", "JPY": "¥", "CAD": "CA$", "AUD": "A$", "NZD": "NZ$",
        "HKD": "HK$", "SGD": "S$", "MXN": "MX$", "INR": "₹", "KRW": "₩", "CNY": "CN¥",
    ]
}
