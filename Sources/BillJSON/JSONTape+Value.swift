extension JSONTape {
    /// The tape of a value built in memory, read as if it were the document at `path`: strings,
    /// keys and number literals are laid out as bytes (strings and keys without escapes), so an
    /// element of a value reads exactly as one of a parsed document does.
    convenience init(value: JSONValue, path: String) {
        var bytes: [UInt8] = []
        var nodes: [Node] = []
        Self.lay(value, keyStart: 0, keyEnd: 0, bytes: &bytes, nodes: &nodes)
        self.init(bytes: bytes, nodes: nodes, path: path)
    }

    /// Appends `value`'s node (and its subtree's) whose key is `bytes[keyStart..<keyEnd]`.
    private static func lay(
        _ value: JSONValue, keyStart: UInt32, keyEnd: UInt32, bytes: inout [UInt8], nodes: inout [Node]
    ) {
        func node(_ kind: Kind, _ start: Int, _ end: Int) -> Node {
            Node(
                kind: kind, keyEscaped: false, keyStart: keyStart, keyEnd: keyEnd, keyID: 0,
                start: UInt32(truncatingIfNeeded: start), end: UInt32(truncatingIfNeeded: end),
                next: UInt32(truncatingIfNeeded: nodes.count + 1))
        }
        func text(_ s: String) -> (start: Int, end: Int) {
            let start = bytes.count
            bytes.append(contentsOf: s.utf8)
            return (start, bytes.count)
        }
        switch value {
        case .null: nodes.append(node(.null, 0, 0))
        case .bool(let b): nodes.append(node(b ? .true : .false, 0, 0))
        case .number(let n):
            let (start, end) = text(n.literal)
            nodes.append(node(.number, start, end))
        case .string(let s):
            let (start, end) = text(s)
            nodes.append(node(.string, start, end))
        case .array(let values):
            let index = nodes.count
            nodes.append(node(.array, 0, values.count))
            for v in values { lay(v, keyStart: 0, keyEnd: 0, bytes: &bytes, nodes: &nodes) }
            nodes[index].next = UInt32(truncatingIfNeeded: nodes.count)
        case .object(let object):
            let index = nodes.count
            nodes.append(node(.object, 0, object.members.count))
            for member in object.members {
                let (start, end) = text(member.key)
                lay(
                    member.value, keyStart: UInt32(truncatingIfNeeded: start), keyEnd: UInt32(truncatingIfNeeded: end),
                    bytes: &bytes, nodes: &nodes)
            }
            nodes[index].next = UInt32(truncatingIfNeeded: nodes.count)
        }
    }
}
