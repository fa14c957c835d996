import BillLayout

/// The byte buffer of one encoding and the printer state it has set, so that each style command is
/// sent only when it changes.
struct ESCPOSWriter {
    private(set) var bytes: [UInt8] = []
    private var alignment: Alignment = .left
    private var bold = false
    private var size = (width: 1, height: 1)
    private var table: UInt8? = nil
    /// The table `table` selects (the profile's first entry with that number).
    private var currentTable: CodeTable? = nil
    private let tables: CodeTableSet
    /// Every non-ASCII character of the bill in print order, and how many have been written.
    private let upcoming: [Unicode.Scalar]
    private var cursor = 0

    init(tables: CodeTableSet, upcoming: [Unicode.Scalar]) {
        self.tables = tables
        self.upcoming = upcoming
    }

    mutating func emit(_ command: ESCPOSCommand) { command.append(to: &bytes) }

    /// The bytes written since the last call, handed over (for streaming output).
    mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// The bytes not taken yet, at the end (without a new buffer for bytes that will not come).
    mutating func finish() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }

    /// `ESC @`, the first code table, the font.
    mutating func begin(font: Int) {
        emit(.initialize)
        let first = tables.best(for: upcoming[...], current: nil)?.number ?? tables.defaultNumber
        selectTable(first)
        if font == 1 { emit(.font(1)) }
    }

    mutating func setAlignment(_ a: Alignment) {
        guard a != alignment else { return }
        alignment = a
        emit(.justification(a == .left ? 0 : a == .center ? 1 : 2))
    }

    mutating func setBold(_ on: Bool) {
        guard on != bold else { return }
        bold = on
        emit(.emphasis(on))
    }

    mutating func setSize(width: Int, height: Int) {
        let w = min(max(width, 1), 8)
        let h = min(max(height, 1), 8)
        guard (w, h) != size else { return }
        size = (w, h)
        emit(.characterSize(width: UInt8(w), height: UInt8(h)))
    }

    private mutating func selectTable(_ n: UInt8) {
        guard n != table else { return }
        table = n
        currentTable = tables.tables.first(where: { $0.number == n })?.table
        emit(.selectCodeTable(n))
    }

    /// One printed line of `text` (printable ASCII and characters that need a code table); a nil
    /// `alignment` keeps the current one (a full-width rule). An empty line is a bare `LF`: no style
    /// changes the height of a line without characters.
    mutating func line(_ text: Substring, alignment: Alignment?, style: TextStyle) {
        if !text.isEmpty {
            if let alignment { setAlignment(alignment) }
            setBold(style.bold)
            setSize(width: style.widthScale, height: style.heightScale)
            // The text goes straight into the buffer, through the same filter as `.text`.
            var text = text
            text.withUTF8 { utf8 in
                UTF8Walk.walk(
                    utf8, ascii: { ESCPOSCommand.appendText($0, to: &bytes) },
                    scalar: { appendTableCharacter($0) })
            }
        }
        emit(.lineFeed)
    }

    /// `scalar` (not ASCII) in the selected code table; when the table does not hold it, first the
    /// table that holds the longest run of the characters from here on.
    private mutating func appendTableCharacter(_ scalar: Unicode.Scalar) {
        if byte(for: scalar) == nil, let next = tables.best(for: upcoming[cursor...], current: table) {
            selectTable(next.number)
        }
        ESCPOSCommand.appendText(CollectionOfOne(byte(for: scalar) ?? UInt8(ascii: "?")), to: &bytes)
        cursor += 1
    }

    /// `lines` blank lines of normal height.
    mutating func feed(_ lines: Int) {
        var left = max(0, lines)
        while left > 0 {
            let n = min(left, 255)
            emit(.feedLines(UInt8(n)))
            left -= n
        }
    }

    private func byte(for scalar: Unicode.Scalar) -> UInt8? {
        currentTable?.byte(for: scalar)
    }
}
