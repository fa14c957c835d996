/// A single-byte character code table of a receipt printer: bytes 0x20...0x7E are ASCII, bytes
/// 0x80...0xFF hold the table's own characters.
public struct CodeTable: Sendable, Equatable {
    /// The encoding name a profile uses for it (`cp437`, `cp858`, `cp1252`, …).
    public let name: String
    /// The Unicode scalar at bytes 0x80...0xFF, 0 where the table has no printable character.
    let upper: [UInt16]
    /// Scalar value to byte for 0x80...0xFF, in pages of 256 scalars: `pages[value >> 8]` is the
    /// offset of the value's page in `bytesByScalar` (0, an empty page, where the table has none of
    /// the page's scalars); a byte of 0 is a scalar the table does not hold.
    private let pages: [UInt16]
    private let bytesByScalar: [UInt8]

    init(name: String, upper: [UInt16]) {
        self.name = name
        self.upper = upper
        var pages = [UInt16](repeating: 0, count: Int(upper.max() ?? 0) >> 8 + 1)
        var bytes = [UInt8](repeating: 0, count: 256)
        for (offset, scalar) in upper.enumerated() where scalar != 0 {
            let page = Int(scalar >> 8)
            if pages[page] == 0 {
                pages[page] = UInt16(bytes.count)
                bytes += repeatElement(0, count: 256)
            }
            let slot = Int(pages[page]) + Int(scalar & 0xFF)
            if bytes[slot] == 0 { bytes[slot] = UInt8(truncatingIfNeeded: 0x80 + offset) }  // the first byte wins
        }
        self.pages = pages
        self.bytesByScalar = bytes
    }

    /// The byte that prints `scalar` in this table, or nil when the table does not hold it.
    /// Control characters (C0, DEL, C1) are never printable.
    @inline(__always)
    public func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return UInt8(value) }
        let page = Int(value >> 8)
        guard page < pages.count else { return nil }
        let byte = bytesByScalar[Int(pages[page]) + Int(value & 0xFF)]
        return byte == 0 ? nil : byte
    }

    /// The character a printer prints for `byte`, or nil for a control byte or an empty slot.
    public func scalar(for byte: UInt8) -> Unicode.Scalar? {
        if byte >= 0x20 && byte < 0x7F { return Unicode.Scalar(byte) }
        guard byte >= 0x80 else { return nil }
        let value = upper[Int(byte) - 0x80]
        return value == 0 ? nil : Unicode.Scalar(UInt32(value))
    }

    /// Whether the table holds `scalar`.
    public func holds(_ scalar: Unicode.Scalar) -> Bool { byte(for: scalar) != nil }

    /// The tables billrender knows, by the names profiles use.
    public static let all: [CodeTable] = [
        CodeTable(name: "cp437", upper: cp437Upper),
        CodeTable(name: "cp850", upper: cp850Upper),
        CodeTable(name: "cp852", upper: cp852Upper),
        CodeTable(name: "cp858", upper: cp858Upper),
        CodeTable(name: "cp866", upper: cp866Upper),
        CodeTable(name: "cp1252", upper: cp1252Upper),
        CodeTable(name: "iso-8859-15", upper: iso8859x15Upper),
    ]

    /// The table named `name`, ignoring case, `-` and `_` (`ISO_8859-15` finds `iso-8859-15`).
    public static func named(_ name: String) -> CodeTable? {
        // Profiles nearly always spell a name as billrender does: found without folding.
        if let exact = all.first(where: { $0.name == name }) { return exact }
        return byFoldedName[folded(name)]
    }

    /// `all` by folded name (the first of any two that fold alike).
    private static let byFoldedName: [String: CodeTable] =
        Dictionary(all.map { (folded($0.name), $0) }, uniquingKeysWith: { first, _ in first })

    private static func folded(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "-" && $0 != "_" })
    }
}
