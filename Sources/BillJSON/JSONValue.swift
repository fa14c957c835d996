/// A parsed JSON document, kept close to its text: numbers keep their literal so that money is
/// never read through floating point, and objects keep their key order.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// A short name of the value's JSON type, for diagnostics ("a string", "an object").
    public var typeDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number(let n): return n.isInteger ? "an integer" : "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The value as it would appear in JSON, shortened for a diagnostic.
    public var excerpt: String {
        let text: String
        switch self {
        case .string(let s): text = JSONWriter.quoted(s)
        case .number(let n): text = n.literal
        case .bool(let b): text = b ? "true" : "false"
        case .null: text = "null"
        case .array(let a): text = "an array of \(a.count)"
        case .object(let o): text = "an object with \(o.count) key\(o.count == 1 ? "" : "s")"
        }
        if text.count > 60 { return String(text.prefix(57)) + "..." }
        return text
    }
}

/// A JSON number as written in the document.
public struct JSONNumber: Sendable, Equatable, CustomStringConvertible {
    /// The literal text, for example `621`, `6.21` or `1e3`.
    public let literal: String

    public init(literal: String) { self.literal = literal }
    public init(_ value: Int64) { self.literal = String(value) }

    /// True when the literal has no fraction or exponent part.
    public var isInteger: Bool {
        !literal.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") })
    }

    /// The value when the literal is an integer that fits in 64 bits (read digit by digit, as
    /// `Int64(_:)` would, without its generic parsing).
    public var int64: Int64? {
        var value: Int64 = 0
        var negative = false
        var digits = 0
        for (k, b) in literal.utf8.enumerated() {
            if k == 0, b == UInt8(ascii: "-") || b == UInt8(ascii: "+") {
                negative = b == UInt8(ascii: "-")
                continue
            }
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            let digit = Int64(b - UInt8(ascii: "0"))
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) =
                negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if o1 || o2 { return nil }
            value = next
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// The value as a `Double` (never used for money).
    public var double: Double? { Double(literal) }

    /// The value scaled by `10^exponent` when that is exact and fits in 64 bits: `6.21` with
    /// exponent 2 is 621; `6.215` with exponent 2 is nil.
    public func scaledExactly(byPowerOfTen exponent: Int) -> Int64? {
        let decimal = DecimalLiteral(literal)
        return decimal?.scaled(by: exponent)
    }

    public var description: String { literal }
}

/// A JSON object with its keys in document order.
public struct JSONObject: Sendable, Equatable {
    /// The members in document order (a repeated key appears more than once).
    public var members: [(key: String, value: JSONValue)]

    public init(_ members: [(key: String, value: JSONValue)] = []) { self.members = members }

    /// The value of the last member named `key`. (The parser interns the spec's keys, so most
    /// comparisons here are between identical literals.)
    public subscript(key: String) -> JSONValue? {
        var i = members.count - 1
        while i >= 0 {
            if members[i].key == key { return members[i].value }
            i -= 1
        }
        return nil
    }

    public var count: Int { members.count }
    public var keys: [String] { members.map(\.key) }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

/// A decimal literal split into sign, digits and a power of ten, for exact scaling.
package struct DecimalLiteral {
    var negative: Bool
    var digits: [UInt8]  // significant digits, ASCII values minus "0"
    var exponent: Int  // value = digits × 10^exponent

    package init?(_ literal: String) {
        // Read in place: no copy of the literal's bytes.
        var literal = literal
        guard let decimal = literal.withUTF8(Self.init(bytes:)) else { return nil }
        self = decimal
    }

    /// Every access to `bytes` is at an index checked against `bytes.count`.
    private init?(bytes: UnsafeBufferPointer<UInt8>) {
        var k = 0
        negative = bytes.first == UInt8(ascii: "-")
        if negative { k = 1 }
        digits = []
        digits.reserveCapacity(bytes.count)
        exponent = 0
        var seenPoint = false
        while k < bytes.count, bytes[k] != UInt8(ascii: "e"), bytes[k] != UInt8(ascii: "E") {
            let b = bytes[k]
            k += 1
            if b == UInt8(ascii: ".") {
                seenPoint = true
                continue
            }
            guard b >= 48, b <= 57 else { return nil }
            digits.append(b - 48)
            if seenPoint { exponent -= 1 }
        }
        if k < bytes.count {
            // `magnitude`, not `abs`: an exponent of -9223372036854775808 must not trap.
            guard let e = Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[(k + 1)...]), as: UTF8.self)),
                e.magnitude < 400
            else { return nil }
            exponent += e
        }
    }

    package func scaled(by power: Int) -> Int64? {
        // Trailing zeros below the units are dropped by counting them (the digits are not copied).
        var count = digits.count
        var exp = exponent + power
        while exp < 0 {
            guard count > 0, digits[count - 1] == 0 else { return nil }
            count -= 1
            exp += 1
        }
        var result: Int64 = 0
        for d in digits[..<count] {
            let (m, o1) = result.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(d))
            if o1 || o2 { return nil }
            result = a
        }
        for _ in 0..<exp {
            let (m, o) = result.multipliedReportingOverflow(by: 10)
            if o { return nil }
            result = m
        }
        return negative ? -result : result
    }
}
