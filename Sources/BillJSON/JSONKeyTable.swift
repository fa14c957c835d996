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
    let serial: UInt32
    /// The keys' bytes, one after another, grouped by length: the keys of `n` bytes are
    /// `spelled[groups[n]..<groups[n + 1]]`, and their ids `ids[firstIDs[n]...]` in that order.
    private let spelled: [UInt8]
    private let groups: [Int]
    private let firstIDs: [Int]
    private let ids: [UInt16]

    /// A table of `names` (at most 65,534 of them; a repeated name is one key), whose keys are
    /// ``keys`` in the same order.
    public init(_ names: [String]) {
        let serial = keyTableSerials.wrappingAdd(1, ordering: .relaxed).oldValue
        self.serial = serial
        var keys: [JSONKey] = []
        var byLength: [[(bytes: [UInt8], id: UInt16)]] = [[]]
        for (index, name) in names.prefix(Int(UInt16.max) - 1).enumerated() {
            let bytes = Array(name.utf8)
            // The empty key is found by its text.
            guard !bytes.isEmpty else {
                keys.append(JSONKey(name))
                continue
            }
            while byLength.count <= bytes.count { byLength.append([]) }
            if let same = byLength[bytes.count].first(where: { $0.bytes == bytes }) {
                keys.append(JSONKey(name: name, id: same.id, table: serial))
            } else {
                let id = UInt16(index + 1)
                byLength[bytes.count].append((bytes, id))
                keys.append(JSONKey(name: name, id: id, table: serial))
            }
        }
        self.keys = keys
        var spelled: [UInt8] = []
        var groups: [Int] = []
        var ids: [UInt16] = []
        var firstIDs: [Int] = []
        for group in byLength {
            groups.append(spelled.count)
            firstIDs.append(ids.count)
            for entry in group {
                spelled += entry.bytes
                ids.append(entry.id)
            }
        }
        groups.append(spelled.count)
        self.spelled = spelled
        self.groups = groups
        self.ids = ids
        self.firstIDs = firstIDs
    }

    /// The id of the key spelled `bytes` (without escapes), or 0 when it is not in the table.
    func id(of bytes: UnsafeBufferPointer<UInt8>) -> UInt16 {
        let count = bytes.count
        guard count > 0, count + 1 < groups.count, let first = bytes.first else { return 0 }
        // Keys of one length are `count` bytes apart.
        var start = groups[count]
        let end = groups[count + 1]
        var idIndex = firstIDs[count]
        return spelled.withUnsafeBufferPointer { spelled in
            while start < end {
                if spelled[start] == first {
                    var k = 1
                    while k < count, spelled[start + k] == bytes[k] { k += 1 }
                    if k == count { return ids[idIndex] }
                }
                start += count
                idIndex += 1
            }
            return 0
        }
    }
}

/// An object key to look members up by: its text and, when it comes from a ``JSONKeyTable``,
/// the number that table's parser tags it with.
public struct JSONKey: Sendable, Equatable {
    /// The key as written in JSON (escapes resolved).
    public let name: String
    /// The key's number in its table (0 for none).
    let id: UInt16
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
