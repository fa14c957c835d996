import Synchronization

/// Hands each key table a number of its own, so a tape knows which table tagged its keys.
private let keyTableSerials = Atomic<UInt32>(1)

/// A fixed set of object keys that a document's parser tags while parsing, so that a member is
/// then found by a small number instead of by comparing its key's text.
///
/// A reader builds one table for the keys it knows (once, as a `static let`), parses with
/// ``JSONElement/init(parsing:maxDepth:path:keys:)`` and looks members up with the table's
/// ``JSONKey``s. A key not in the table, or a document parsed without it, is still found by its
/// text: the table only makes lookups faster, never different.
public final class JSONKeyTable: Sendable {
    /// The table's keys, in the order of the names it was made from.
    public let keys: [JSONKey]
    /// Which table this is (never 0, which means "no table").
    @usableFromInline let serial: UInt32
    /// The keys' bytes, one after another.
    private let spelled: [UInt8]
    /// An open-addressing hash table of the keys (a power of two of slots, at most a quarter
    /// full): a key is looked for from slot `hash(bytes)` on, up to an empty slot.
    private let slots: [Slot]

    /// Where a key is spelled in `spelled`, and its id (0: an empty slot).
    private struct Slot {
        var id: UInt16 = 0
        var count: UInt16 = 0
        var start: UInt32 = 0
    }

    /// A table of `names` (at most 65,534 of them; a repeated name is one key), whose keys are
    /// ``keys`` in the same order.
    public init(_ names: [String]) {
        let serial = keyTableSerials.wrappingAdd(1, ordering: .relaxed).oldValue
        self.serial = serial
        var keys: [JSONKey] = []
        var unique: [(bytes: [UInt8], id: UInt16)] = []
        var ids: [[UInt8]: UInt16] = [:]
        for (index, name) in names.prefix(Int(UInt16.max) - 1).enumerated() {
            let bytes = Array(name.utf8)
            // The empty key, and a key too long for a slot, are found by their text.
            guard !bytes.isEmpty, bytes.count <= Int(UInt16.max) else {
                keys.append(JSONKey(name))
                continue
            }
            if let id = ids[bytes] {
                keys.append(JSONKey(name: name, id: id, table: serial))
            } else {
                let id = UInt16(index + 1)
                ids[bytes] = id
                unique.append((bytes, id))
                keys.append(JSONKey(name: name, id: id, table: serial))
            }
        }
        self.keys = keys
        var slotCount = 16
        while slotCount < unique.count * 4 { slotCount *= 2 }
        var slots = [Slot](repeating: Slot(), count: slotCount)
        var spelled: [UInt8] = []
        for (bytes, id) in unique {
            var h = Self.hash(bytes.count, bytes[0], bytes[bytes.count - 1]) & (slotCount - 1)
            while slots[h].id != 0 { h = (h + 1) & (slotCount - 1) }
            slots[h] = Slot(id: id, count: UInt16(bytes.count), start: UInt32(spelled.count))
            spelled += bytes
        }
        self.slots = slots
        // Eight bytes can be read from the start of any spelling.
        self.spelled = spelled + repeatElement(0, count: 8)
    }

    /// Where a key's look starts: from its length and its first and last bytes, which tell most
    /// keys of a document apart.
    @inline(__always)
    private static func hash(_ count: Int, _ first: UInt8, _ last: UInt8) -> Int {
        count &* 31 &+ Int(first) &* 7 &+ Int(last) &* 3
    }

    /// The id of the key spelled `bytes[start..<end]` (without escapes), or 0 when it is not in
    /// the table. Keys are compared eight bytes at a time: `bytes` may be read past `end` (it is
    /// the whole document) as long as the read stays inside it.
    func id(of bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt16 {
        let count = end - start
        guard count > 0, start >= 0, end <= bytes.count, let base = bytes.baseAddress else { return 0 }
        let key = base + start
        let wordReadable = bytes.count - start >= 8
        return slots.withUnsafeBufferPointer { slots in
            spelled.withUnsafeBufferPointer { spelled in
                guard let spelled = spelled.baseAddress else { return 0 }
                let mask = slots.count - 1
                var h = Self.hash(count, key[0], key[count - 1]) & mask
                while true {
                    let slot = slots[h]
                    if slot.id == 0 { return 0 }
                    if Int(slot.count) == count,
                        Self.equal(spelled + Int(slot.start), key, count, wordReadable: wordReadable)
                    {
                        return slot.id
                    }
                    h = (h + 1) & mask
                }
            }
        }
    }

    /// True when the `count` bytes at `a` (a spelling, followed by at least eight readable bytes)
    /// equal those at `b` (of which eight are readable when `wordReadable`, at least `count` else).
    @inline(__always)
    private static func equal(
        _ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int, wordReadable: Bool
    ) -> Bool {
        if count < 8 {
            guard wordReadable else {
                var k = 0
                while k < count, a[k] == b[k] { k += 1 }
                return k == count
            }
            let keep: UInt64 = (1 << (UInt64(count) &* 8)) &- 1
            return (ByteWords.word(a, 0) ^ ByteWords.word(b, 0)) & keep == 0
        }
        // Whole words, then the last eight bytes (which may overlap the words before).
        var k = 0
        while k + 8 <= count {
            if ByteWords.word(a, k) != ByteWords.word(b, k) { return false }
            k += 8
        }
        return k == count || ByteWords.word(a, count - 8) == ByteWords.word(b, count - 8)
    }
}

/// An object key to look members up by: its text and, when it comes from a ``JSONKeyTable``,
/// the number that table's parser tags it with.
public struct JSONKey: Sendable, Equatable {
    /// The key as written in JSON (escapes resolved).
    public let name: String
    /// The key's number in its table (0 for none).
    @usableFromInline let id: UInt16
    /// The table's serial (0 for none).
    let table: UInt32

    init(name: String, id: UInt16, table: UInt32) {
        self.name = name
        self.id = id
        self.table = table
    }

    /// A key outside any table: found by its text.
    public init(_ name: String) {
        self.init(name: name, id: 0, table: 0)
    }
}
