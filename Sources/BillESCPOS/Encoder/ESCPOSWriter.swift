import BillLayout

/// The text commands a line printer language has, so that one writer (``TextWriter``) keeps the
/// printer state for ESC/POS and for Star's Line mode and StarPRNT alike.
package protocol TextCommandSet: Sendable {
    /// Reset the printer to its power-on state.
    static var initialize: Self { get }
    /// Select the code table numbered `n`.
    static func codeTable(_ n: UInt8) -> Self
    /// Align the following lines.
    static func align(_ alignment: Alignment) -> Self
    /// Emphasis on or off.
    static func emphasis(_ on: Bool) -> Self
    /// Resident font `n` (0 Font A, 1 Font B).
    static func font(_ n: UInt8) -> Self
    /// Magnification, each 1...`maxMagnification`.
    static func characterSize(width: UInt8, height: UInt8) -> Self
    /// Print the line and feed one line.
    static var lineFeed: Self { get }
    /// Feed `n` blank lines.
    static func feedLines(_ n: UInt8) -> Self
    /// The largest magnification the language has.
    static var maxMagnification: Int { get }
    /// The most lines one `feedLines` command takes.
    static var maxFeedLines: Int { get }
    /// Appends printable text bytes, dropping control bytes.
    static func appendText(_ text: some Collection<UInt8>, to out: inout [UInt8])
    /// Appends the command's bytes.
    func append(to out: inout [UInt8])
}

extension ESCPOSCommand: TextCommandSet {
    package static func codeTable(_ n: UInt8) -> ESCPOSCommand { .selectCodeTable(n) }
    package static func align(_ a: Alignment) -> ESCPOSCommand { .justification(a == .left ? 0 : a == .center ? 1 : 2) }
    package static var maxMagnification: Int { 8 }
    /// `ESC d n` takes 0–255.
    package static var maxFeedLines: Int { 255 }
}

/// The ESC/POS writer.
typealias ESCPOSWriter = TextWriter<ESCPOSCommand>

/// The byte buffer of one encoding and the printer state it has set, so that each style command is
/// sent only when it changes; one for every language with text commands.
package struct TextWriter<Command: TextCommandSet> {
    package private(set) var bytes: [UInt8] = []
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

    package init(tables: CodeTableSet, upcoming: [Unicode.Scalar]) {
        self.tables = tables
        self.upcoming = upcoming
    }

    package mutating func emit(_ command: Command) { command.append(to: &bytes) }

    /// The bytes written since the last call, handed over (for streaming output).
    package mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// The bytes not taken yet, at the end (without a new buffer for bytes that will not come).
    package mutating func finish() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }

    /// `ESC @`, the line spacing, the first code table, the font. `lineSpacing` is the language's
    /// command that makes one `LF` advance the layout's line height: `ESC @` leaves the amount to a
    /// memory switch (Star) or to a default the layout does not use (ESC/POS).
    package mutating func begin(font: Int, lineSpacing: Command) {
        emit(.initialize)
        emit(lineSpacing)
        let first = tables.best(for: upcoming[...], current: nil)?.number ?? tables.defaultNumber
        selectTable(first)
        if font == 1 { emit(.font(1)) }
    }

    package mutating func setAlignment(_ a: Alignment) {
        guard a != alignment else { return }
        alignment = a
        emit(.align(a))
    }

    package mutating func setBold(_ on: Bool) {
        guard on != bold else { return }
        bold = on
        emit(.emphasis(on))
    }

    package mutating func setSize(width: Int, height: Int) {
        let w = min(max(width, 1), Command.maxMagnification)
        let h = min(max(height, 1), Command.maxMagnification)
        guard (w, h) != size else { return }
        size = (w, h)
        emit(.characterSize(width: UInt8(w), height: UInt8(h)))
    }

    private mutating func selectTable(_ n: UInt8) {
        guard n != table else { return }
        table = n
        currentTable = tables.tables.first(where: { $0.number == n })?.table
        emit(.codeTable(n))
    }

    /// One printed line of `text` (printable ASCII and characters that need a code table); a nil
    /// `alignment` keeps the current one (a full-width rule). An empty line is a bare `LF`: no style
    /// changes the height of a line without characters.
    package mutating func line(_ text: Substring, alignment: Alignment?, style: TextStyle) {
        if !text.isEmpty {
            if let alignment { setAlignment(alignment) }
            setBold(style.bold)
            setSize(width: style.widthScale, height: style.heightScale)
            // The text goes straight into the buffer, through the same filter as `.text`.
            var text = text
            text.withUTF8 { utf8 in
                UTF8Walk.walk(
                    utf8, ascii: { Command.appendText($0, to: &bytes) },
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
        Command.appendText(CollectionOfOne(byte(for: scalar) ?? UInt8(ascii: "?")), to: &bytes)
        cursor += 1
    }

    /// `lines` blank lines of normal height.
    package mutating func feed(_ lines: Int) {
        var left = max(0, lines)
        while left > 0 {
            let n = min(left, Command.maxFeedLines, 255)
            emit(.feedLines(UInt8(n)))
            left -= n
        }
    }

    private func byte(for scalar: Unicode.Scalar) -> UInt8? {
        currentTable?.byte(for: scalar)
    }
}
