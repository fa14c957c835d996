import BillJSON

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
    /// A probe position: the raw value of a key (0 for none, which ends a probe), its length and
    /// where its spelling starts in `spellings`.
    private struct Slot: Sendable {
        var raw: UInt8 = 0
        var length: UInt8 = 0
        var start: UInt16 = 0
    }

    /// Every spelling's bytes, one after another, then eight zero bytes: eight bytes can be read
    /// from the start of any spelling.
    private var spellings: [UInt8] = []
    /// Slots by `hash`.
    private var slots = [Slot](repeating: Slot(), count: 256)

    init(_ keys: [(raw: UInt8, spelling: [UInt8])]) {
        for (raw, bytes) in keys where !bytes.isEmpty {
            precondition(
                raw != 0 && bytes.count < 256 && spellings.count < Int(UInt16.max), "a key table holds short spellings")
            var h = Self.hash(bytes.count, bytes[0], bytes[bytes.count - 1])
            while slots[h].raw != 0 { h = (h + 1) & 255 }
            slots[h] = Slot(raw: raw, length: UInt8(bytes.count), start: UInt16(spellings.count))
            spellings += bytes
        }
        spellings += repeatElement(0, count: 8)
    }

    @inline(__always)
    private static func hash(_ length: Int, _ first: UInt8, _ last: UInt8) -> Int {
        (length &* 31 &+ Int(first) &* 7 &+ Int(last) &* 3) & 255
    }

    /// The raw value of the key spelled by `bytes[start..<end]` (no escapes), or 0.
    @inline(__always)
    func match(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt8 {
        let length = end - start
        guard length > 0, length < 256, start >= 0, end <= bytes.count, let base = bytes.baseAddress else { return 0 }
        // A key shorter than eight bytes is compared as one word when eight bytes can be read.
        let wordReadable = bytes.count - start >= 8
        let h = Self.hash(length, base[start], base[end - 1])
        return spellings.withUnsafeBufferPointer { spelled in
            slots.withUnsafeBufferPointer { slots in
                guard let spelled = spelled.baseAddress else { return 0 }
                var h = h
                while true {
                    let slot = slots[h]  // `h` < 256 = `slots.count`
                    if slot.raw == 0 { return 0 }
                    if Int(slot.length) == length,
                        Self.equal(spelled + Int(slot.start), base + start, length, wordReadable: wordReadable)
                    {
                        return slot.raw
                    }
                    h = (h + 1) & 255
                }
            }
        }
    }

    /// True when `length` bytes at `a` (a spelling: eight bytes can be read) and at `b` are the
    /// same. Eight at a time, the last eight overlapping the ones before; a shorter key is one
    /// masked word when eight bytes can be read at `b`, else byte by byte.
    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int, wordReadable: Bool)
        -> Bool
    {
        guard length >= 8 else {
            if wordReadable {
                let mask: UInt64 = (1 << (UInt64(length) &* 8)) &- 1
                return (ByteWords.word(a, 0) ^ ByteWords.word(b, 0)) & mask == 0
            }
            var k = 0
            while k < length, a[k] == b[k] { k += 1 }
            return k == length
        }
        var k = 0
        while k + 8 < length {
            if ByteWords.word(a, k) != ByteWords.word(b, k) { return false }
            k += 8
        }
        return ByteWords.word(a, length - 8) == ByteWords.word(b, length - 8)
    }

}

extension JSONTape {
    /// The last member of `object` named `key`.
    func member(_ object: Int, _ key: JSONKey) -> Int? { member(object, key.name) }
}
