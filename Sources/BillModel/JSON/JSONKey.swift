/// The keys of Dojo's bill and order. The parser tags every member whose key is one of these, so
/// the readers find members by comparing one byte, and a reader can only ask for a key that exists.
enum JSONKey: UInt8, CaseIterable, Sendable {
    case addressLines = 1
    case affectedPlu
    case align
    case amountPerItem
    case amountPerModifier
    case amountPercentage
    case amountTotal
    case asap
    case bold
    case code
    case collectAt
    case collection
    case createdAt
    case currencyCode
    case customer
    case debugMessage
    case description
    case details
    case dineIn
    case discountReference
    case discounts
    case displayName
    case emailAddress
    case emphasisBold
    case error
    case errorType
    case footer
    case header
    case horizontalLine
    case id
    case image
    case items
    case jsonrpc
    case line
    case lineType
    case lines
    case logo
    case merchantAddress
    case merchantEmailAddress
    case merchantName
    case merchantPhoneNumber
    case method
    case modifiers
    case name
    case note
    case number
    case order
    case orderType
    case paidAmount
    case partyId
    case payable
    case paymentIntentId
    case payments
    case phoneNumber
    case plu
    case postcode
    case quantity
    case readyAt
    case reference
    case reservationId
    case result
    case serviceChargeAmount
    case showQR
    case showQr
    case showURL
    case showUrl
    case size
    case status
    case subItems
    case svgImage
    case tableId
    case taxLines
    case taxNumber
    case text
    case tipsAmount
    case totalAmount
    case traceId
    case updatedAt
    case url
    case value
    case waiterId

    /// The key as it is spelled in JSON.
    var name: String { Self.names[Int(rawValue)] }

    /// Names by raw value (0, no key, is empty). Case names are the JSON spellings.
    private static let names: [String] = [""] + allCases.map { String(describing: $0) }

    /// The table that matches key bytes (taken once per document: static properties cost a
    /// check on every access).
    static let table = JSONKeyTable(allCases.map { ($0.rawValue, Array($0.name.utf8)) })
}

/// Finds which `JSONKey` some bytes spell: an open-addressing hash table over every spelling.
struct JSONKeyTable: Sendable {
    /// Every spelling's bytes, one after another.
    private var spellings: [UInt8] = []
    /// `spellings[starts[raw]..<starts[raw] + lengths[raw]]` is the key with raw value `raw`.
    private var starts = [Int](repeating: 0, count: 256)
    private var lengths = [Int](repeating: 0, count: 256)
    /// Raw values by `hash`; 0 ends a probe.
    private var slots = [UInt8](repeating: 0, count: 256)

    init(_ keys: [(raw: UInt8, spelling: [UInt8])]) {
        for (raw, bytes) in keys where !bytes.isEmpty {
            starts[Int(raw)] = spellings.count
            lengths[Int(raw)] = bytes.count
            spellings += bytes
            var h = Self.hash(bytes.count, bytes[0], bytes[bytes.count - 1])
            while slots[h] != 0 { h = (h + 1) & 255 }
            slots[h] = raw
        }
    }

    @inline(__always)
    private static func hash(_ length: Int, _ first: UInt8, _ last: UInt8) -> Int {
        (length &* 31 &+ Int(first) &* 7 &+ Int(last) &* 3) & 255
    }

    /// The raw value of the key spelled by `bytes[start..<end]` (no escapes), or 0.
    @inline(__always)
    func match(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt8 {
        let length = end - start
        guard length > 0, start >= 0, end <= bytes.count, let base = bytes.baseAddress else { return 0 }
        var h = Self.hash(length, base[start], base[end - 1])
        while true {
            let raw = slots[h]
            if raw == 0 { return 0 }
            if lengths[Int(raw)] == length {
                let from = starts[Int(raw)]
                let same = spellings.withUnsafeBufferPointer { spelled in
                    spelled.baseAddress.map { Self.equal($0 + from, base + start, length) } ?? false
                }
                if same { return raw }
            }
            h = (h + 1) & 255
        }
    }

    /// True when `length` bytes at `a` and at `b` are the same: eight at a time, the last eight
    /// overlapping the ones before (keys are short; every load stays within the `length` bytes).
    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        guard length >= 8 else {
            var k = 0
            while k < length, a[k] == b[k] { k += 1 }
            return k == length
        }
        var k = 0
        while k + 8 < length {
            if UnsafeRawPointer(a + k).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + k).loadUnaligned(as: UInt64.self) {
                return false
            }
            k += 8
        }
        return UnsafeRawPointer(a + length - 8).loadUnaligned(as: UInt64.self)
            == UnsafeRawPointer(b + length - 8).loadUnaligned(as: UInt64.self)
    }
}
