/// A parsed JSON document as one flat array of nodes that point into the input bytes.
///
/// The parser checks the whole document and records every value as a node in document order;
/// a container's members follow it, and each node knows where its subtree ends. Nothing is
/// copied out of the input until a reader asks for it, and a whole document is two arrays, so
/// reading a bill allocates only for the strings the bill keeps. A class: readers pass one
/// reference around.
package final class JSONTape: Sendable {
    /// What a node holds.
    package enum Kind: UInt8, Sendable {
        case null, `false`, `true`, number, string, escapedString, array, object
    }

    /// One value. Offsets are into `bytes`.
    @usableFromInline
    struct Node: Sendable {
        @usableFromInline var kind: Kind
        /// True when the member's key has escapes.
        var keyEscaped: Bool
        /// For an object: true when two of its members may be found by one ``JSONKey`` (an
        /// escaped key, or two tagged keys that share a bit of a 128-bit mask of their numbers).
        /// When false, a lookup by key number stops at the first match.
        @usableFromInline var mayRepeatKeys = false
        /// The member's key, between its quotes (empty for array elements and the root).
        var keyStart: UInt32
        var keyEnd: UInt32
        /// The key's number in the key table the document was parsed with (0: not in it).
        @usableFromInline var keyID: UInt16
        /// A string's contents between the quotes, or a number's literal; for a container, `end`
        /// is the number of its members, and for an object of a parsed document `start` has bit
        /// `id % 32` set for each tagged key's number `id` (a key whose bit is clear is not there).
        @usableFromInline var start: UInt32
        @usableFromInline var end: UInt32
        /// The index of the first node after this node's subtree.
        @usableFromInline var next: UInt32
    }

    /// The document's bytes.
    @usableFromInline let bytes: [UInt8]
    /// Every value, in document order; the root is node 0.
    @usableFromInline let nodes: [Node]
    /// The document's own JSON path (empty, or for example `merchant`): every path starts with it.
    let path: String
    /// The serial of the key table that tagged the nodes' keys (0: none).
    @usableFromInline let keyTable: UInt32

    init(bytes: [UInt8], nodes: [Node], path: String = "", keyTable: UInt32 = 0) {
        self.bytes = bytes
        self.nodes = nodes
        self.path = path
        self.keyTable = keyTable
    }

    /// The root node.
    package static let root = 0

    @inlinable
    package func kind(_ n: Int) -> Kind { nodes[n].kind }

    /// The last member of the object `object` named `key` (a JSON object may repeat a key; the
    /// last one counts, as in most parsers), null or not.
    package func member(_ object: Int, _ key: String) -> Int? {
        guard object >= 0, object < nodes.count, nodes[object].kind == .object else { return nil }
        let keyCount = key.utf8.count
        // Each node's `next` is past it and at most `nodes.count`: the walk stays in bounds.
        let end = min(Int(nodes[object].next), nodes.count)
        var c = object + 1
        var found: Int?
        while c < end {
            let node = nodes[c]
            // Most keys differ in length: only those of the same length (or escaped) are compared.
            if node.keyEscaped || Int(node.keyEnd &- node.keyStart) == keyCount, keyEquals(c, key) { found = c }
            c = Int(node.next)
        }
        return found
    }

    /// The last member of the object `object` named `key`, null or not. A key of the table the
    /// document was parsed with is found by its number: the parser tagged every unescaped key in
    /// the table, so an untagged unescaped key cannot be it, and only escaped keys are compared.
    package func member(_ object: Int, _ key: JSONKey) -> Int? {
        guard key.table != 0, key.table == keyTable else { return member(object, key.name) }
        return nodes.withUnsafeBufferPointer { nodes in
            guard object >= 0, object < nodes.count, nodes[object].kind == .object else { return nil }
            let end = min(Int(nodes[object].next), nodes.count)
            var c = object + 1
            guard nodes[object].mayRepeatKeys else {
                // No key repeats: the first match is the last.
                while c < end {
                    if nodes[c].keyID == key.id { return c }
                    c = Int(nodes[c].next)
                }
                return nil
            }
            var found: Int?
            while c < end {
                let node = nodes[c]
                if node.keyID == key.id || (node.keyEscaped && keyName(c) == key.name) { found = c }
                c = Int(node.next)
            }
            return found
        }
    }

    /// The last member of the object `object` named by `table.keys[index]`, null or not: what
    /// `member(object, table.keys[index])` finds, without copying the key out of the table.
    @inlinable
    package func member(_ object: Int, keyAt index: Int, of table: JSONKeyTable) -> Int? {
        guard table.serial == keyTable, object >= 0, object < nodes.count, !nodes[object].mayRepeatKeys else {
            return member(object, table.keys[index])
        }
        let id = table.keys[index].id
        return nodes.withUnsafeBufferPointer { nodes in
            guard nodes[object].kind == .object, nodes[object].start & (1 << (id & 31)) != 0 else { return nil }
            // No key repeats: the first match is the last.
            let end = min(Int(nodes[object].next), nodes.count)
            var c = object + 1
            while c < end {
                if nodes[c].keyID == id { return c }
                c = Int(nodes[c].next)
            }
            return nil
        }
    }

    /// True when member `n`'s key is `key`.
    private func keyEquals(_ n: Int, _ key: String) -> Bool {
        let node = nodes[n]
        if node.keyEscaped { return keyName(n) == key }
        var key = key
        return key.withUTF8 { key in
            bytes.withUnsafeBufferPointer { bytes in
                var k = 0
                let start = Int(node.keyStart)
                while k < key.count, bytes[start + k] == key[k] { k += 1 }
                return k == key.count
            }
        }
    }

    /// The members of a container, in order.
    package func children(_ n: Int) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(Int(nodes[n].end))
        let end = Int(nodes[n].next)
        var c = n + 1
        while c < end {
            out.append(c)
            c = Int(nodes[c].next)
        }
        return out
    }

    /// The members of a container, in order, read off the nodes as they are iterated (no array
    /// is made).
    package func members(_ n: Int) -> Members {
        Members(nodes: nodes, first: n + 1, end: Int(nodes[n].next), count: Int(nodes[n].end))
    }

    /// The members of a container, in order: node indices.
    package struct Members: Sequence {
        fileprivate let nodes: [Node]
        fileprivate let first: Int
        fileprivate let end: Int
        /// How many members there are.
        package let count: Int

        package var underestimatedCount: Int { count }

        package func makeIterator() -> Iterator { Iterator(nodes: nodes, current: first, end: end) }

        package struct Iterator: IteratorProtocol {
            fileprivate let nodes: [Node]
            fileprivate var current: Int
            fileprivate let end: Int

            package mutating func next() -> Int? {
                guard current < end else { return nil }
                let member = current
                current = Int(nodes[member].next)
                return member
            }
        }
    }

    /// The number of members of a container (0 for anything else).
    @inlinable
    package func count(_ n: Int) -> Int {
        let node = nodes[n]
        return node.kind == .array || node.kind == .object ? Int(node.end) : 0
    }

    /// A string node's text (escapes resolved), or nil when the node is not a string.
    package func string(_ n: Int) -> String? {
        let node = nodes[n]
        switch node.kind {
        case .string:
            return bytes.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[Int(node.start)..<Int(node.end)]), as: UTF8.self)
            }
        case .escapedString:
            return Self.unescaped(bytes, Int(node.start), Int(node.end))
        default:
            return nil
        }
    }

    /// The text of a string node without escapes when `accept` takes its UTF-8 bytes (read in
    /// place), else nil (and nil for any other node): a reader decides on the document's bytes
    /// before a `String` is made.
    package func plainString(_ n: Int, where accept: (UnsafeBufferPointer<UInt8>) -> Bool) -> String? {
        let node = nodes[n]
        guard node.kind == .string else { return nil }
        return bytes.withUnsafeBufferPointer {
            let raw = UnsafeBufferPointer(rebasing: $0[Int(node.start)..<Int(node.end)])
            return accept(raw) ? String(decoding: raw, as: UTF8.self) : nil
        }
    }

    /// True when node `n` is a string without escapes whose bytes are `text`'s UTF-8: a reader
    /// matches a value against the spellings it expects without making a `String`.
    package func isPlainString(_ n: Int, equalTo text: String) -> Bool {
        let node = nodes[n]
        guard node.kind == .string, Int(node.end &- node.start) == text.utf8.count else { return false }
        var text = text
        return text.withUTF8 { text in
            bytes.withUnsafeBufferPointer { bytes in
                UnsafeBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.end)]).elementsEqual(text)
            }
        }
    }

    /// A number node's value when it is an integer literal that fits in 64 bits.
    @inlinable
    package func int64(_ n: Int) -> Int64? {
        let node = nodes[n]
        guard node.kind == .number else { return nil }
        var k = Int(node.start)
        let end = Int(node.end)
        guard k < end else { return nil }
        let negative = bytes[k] == UInt8(ascii: "-")
        if negative { k += 1 }
        var value: Int64 = 0
        guard k < end else { return nil }
        while k < end {
            let b = bytes[k]
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            let digit = Int64(b &- UInt8(ascii: "0"))
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) =
                negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if o1 || o2 { return nil }
            value = next
            k += 1
        }
        return value
    }

    /// A number node as written, or nil when the node is not a number.
    package func number(_ n: Int) -> JSONNumber? {
        let node = nodes[n]
        guard node.kind == .number else { return nil }
        return JSONNumber(literal: String(decoding: bytes[Int(node.start)..<Int(node.end)], as: UTF8.self))
    }

    /// The JSON path of node `target` after the document's own path: each step down from
    /// the root, a key as `.key` (`key` alone first) and an index as `[i]`; then `.member` when
    /// `member` is given (the path of a member that may not be there). Spelled by walking the
    /// nodes, so readers carry a node index, not a path, until something is reported.
    package func path(of target: Int, member: String? = nil) -> String {
        // Two walks down from the root: one measures the path, one writes it into a temporary
        // buffer, from which the `String` is made once.
        var count = path.utf8.count
        var n = 0
        while let (child, index) = step(from: n, to: target) {
            if nodes[n].kind == .object {
                count += (count > 0 ? 1 : 0) + keyByteCount(child)
            } else {
                count += 2 + Self.decimalWidth(index)
            }
            n = child
        }
        if let member { count += (count > 0 ? 1 : 0) + member.utf8.count }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { out in
            bytes.withUnsafeBufferPointer { bytes in
                var k = 0
                func put(_ text: String) {
                    var text = text
                    text.withUTF8 { put($0) }
                }
                func put(_ run: UnsafeBufferPointer<UInt8>) {
                    _ = UnsafeMutableBufferPointer(rebasing: out[k..<(k + run.count)]).initialize(fromContentsOf: run)
                    k += run.count
                }
                func put(_ byte: UInt8) {
                    out[k] = byte
                    k += 1
                }
                put(path)
                var n = 0
                while let (child, index) = step(from: n, to: target) {
                    if nodes[n].kind == .object {
                        if k > 0 { put(UInt8(ascii: ".")) }
                        let node = nodes[child]
                        if node.keyEscaped {
                            put(keyName(child))
                        } else {
                            put(UnsafeBufferPointer(rebasing: bytes[Int(node.keyStart)..<Int(node.keyEnd)]))
                        }
                    } else {
                        put(UInt8(ascii: "["))
                        // The digits, right to left.
                        let width = Self.decimalWidth(index)
                        var value = index
                        for at in stride(from: k + width - 1, through: k, by: -1) {
                            out[at] = UInt8(ascii: "0") + UInt8(value % 10)
                            value /= 10
                        }
                        k += width
                        put(UInt8(ascii: "]"))
                    }
                    n = child
                }
                if let member {
                    if k > 0 { put(UInt8(ascii: ".")) }
                    put(member)
                }
                return String(decoding: UnsafeBufferPointer(rebasing: out[0..<k]), as: UTF8.self)
            }
        }
    }

    /// One step down from the container `n` towards `target` inside it: the child on the way and
    /// its index; nil when `target` is `n` (or not inside it).
    private func step(from n: Int, to target: Int) -> (child: Int, index: Int)? {
        guard n < target, target < Int(nodes[n].next) else { return nil }
        var child = n + 1
        var index = 0
        while Int(nodes[child].next) <= target {
            child = Int(nodes[child].next)
            index += 1
        }
        return (child, index)
    }

    /// The length of member `n`'s key in UTF-8 bytes, escapes resolved.
    private func keyByteCount(_ n: Int) -> Int {
        let node = nodes[n]
        return node.keyEscaped ? keyName(n).utf8.count : Int(node.keyEnd &- node.keyStart)
    }

    /// The number of decimal digits of `value` (≥ 0).
    private static func decimalWidth(_ value: Int) -> Int {
        var width = 1
        var v = value
        while v >= 10 {
            v /= 10
            width += 1
        }
        return width
    }

    /// The member's key as text.
    package func keyName(_ n: Int) -> String {
        let node = nodes[n]
        if node.keyEscaped { return Self.unescaped(bytes, Int(node.keyStart), Int(node.keyEnd)) }
        return String(decoding: bytes[Int(node.keyStart)..<Int(node.keyEnd)], as: UTF8.self)
    }

    /// The subtree at `n` as a `JSONValue`.
    package func value(_ n: Int) -> JSONValue {
        let node = nodes[n]
        switch node.kind {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .number: return .number(number(n) ?? JSONNumber(0))
        case .string, .escapedString: return .string(string(n) ?? "")
        case .array: return .array(children(n).map(value))
        case .object: return .object(JSONObject(children(n).map { (keyName($0), value($0)) }))
        }
    }

    /// Escaped contents the parser has already checked, resolved.
    private static func unescaped(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var replaced = 0
        bytes.withUnsafeBufferPointer { buffer in
            do {
                try JSONStringBytes.unescape(buffer, start, end, into: &out, replaced: &replaced)
            } catch {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])  // not reached: the parser checked these bytes
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
