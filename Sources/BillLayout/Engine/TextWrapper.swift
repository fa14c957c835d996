/// Breaks text into lines no wider than a number of cells: at spaces where it can, inside a word
/// where a word is longer than a line. Runs of spaces between words are kept, at a break dropped.
///
/// Every line is a slice of the text, so lines are cut out of it rather than built a character at
/// a time. Text of single-cell characters only (most bills) is walked over its UTF-8 bytes, a
/// scalar a cell; anything else by `Character`.
public enum TextWrapper {
    /// A wrapped line and its width in cells.
    public struct Line: Equatable, Sendable {
        public var text: String
        public var cells: Int

        public init(text: String, cells: Int) {
            self.text = text
            self.cells = cells
        }
    }

    /// `text` broken into lines of at most `width` cells (at least one line, maybe empty); the
    /// first line may have another width (`firstWidth`), for a line that shares its row.
    ///
    /// `drawnCells`, when given, says how many cells a word (or, inside a word too long for a
    /// line, a character) takes where a drawing back end draws it shaped (nil: its display
    /// width): a word then counts as the larger of the two, so a line fits both the text grid
    /// and the paper. Breaks fall between words, or between grapheme clusters, never inside one.
    public static func wrap(
        _ text: String, width: Int, firstWidth: Int? = nil, drawnCells: ((Substring) -> Int?)? = nil
    ) -> [Line] {
        let restWidth = max(1, width)
        let firstWidth = max(1, firstWidth ?? restWidth)
        guard let cells = DisplayWidth.singleCellCount(of: text) else {
            return wrap(
                CharacterText(text: text, drawnCells: drawnCells), firstWidth: firstWidth, restWidth: restWidth)
        }
        // Most text is one line as it is: the same string, not a copy.
        if let line = wholeLine(text, cells: cells, width: firstWidth) { return [line] }
        // One cell a scalar: walked over the UTF-8 bytes.
        func wrapBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
            wrap(SingleCellText(bytes: bytes), firstWidth: firstWidth, restWidth: restWidth)
        }
        return text.utf8.withContiguousStorageIfAvailable(wrapBytes)
            ?? Array(text.utf8).withUnsafeBufferPointer(wrapBytes)
    }

    /// `text` as the one line `wrap` makes of it when that is the text as it is (most of a bill's
    /// text), found without making an array; nil when `text` must be wrapped or is not of
    /// single-cell characters only.
    static func wholeLine(_ text: String, width: Int) -> Line? {
        guard let cells = DisplayWidth.singleCellCount(of: text) else { return nil }
        return wholeLine(text, cells: cells, width: max(1, width))
    }

    /// Single-cell `text` of `cells` as one line, if it fits `width` and has no space at either
    /// end (which wrapping drops).
    private static func wholeLine(_ text: String, cells: Int, width: Int) -> Line? {
        guard cells <= width else { return nil }
        func endsInSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            bytes.first == UInt8(ascii: " ") || bytes.last == UInt8(ascii: " ")
        }
        // Read from the contiguous UTF-8 (`utf8.last` walks the view generically).
        let spaceAtAnEnd =
            text.utf8.withContiguousStorageIfAvailable(endsInSpace)
            ?? Array(text.utf8).withUnsafeBufferPointer(endsInSpace)
        return spaceAtAnEnd ? nil : Line(text: text, cells: cells)
    }

    /// `text` cut to at most `width` cells (whole characters only).
    public static func truncate(_ text: String, width: Int) -> Line {
        if let cells = DisplayWidth.singleCellCount(of: text) {
            // One cell a scalar: text that fits (an amount, say) is the line as it is.
            if cells <= width { return Line(text: text, cells: cells) }
            let scalars = text.unicodeScalars
            guard let end = scalars.index(scalars.startIndex, offsetBy: max(0, width), limitedBy: scalars.endIndex)
            else {
                return Line(text: text, cells: scalars.count)
            }
            return Line(text: String(text[..<end]), cells: max(0, width))
        }
        var end = text.startIndex
        var cells = 0
        for c in text {
            let w = DisplayWidth.of(c)
            if cells + w > width { break }
            end = text.index(after: end)
            cells += w
        }
        return Line(text: String(text[..<end]), cells: cells)
    }

    /// The wrapping itself, over the units (characters or scalars) of `text`. A line's `cells` are
    /// display widths; whether a piece fits is decided by its cost (see ``WrappableText/cost(_:_:cells:)``).
    private static func wrap<Text: WrappableText>(_ text: Text, firstWidth: Int, restWidth: Int) -> [Line] {
        var lines: [Line] = []
        // The current line is text[lineStart..<lineEnd] (nil while it is empty).
        var lineStart: Text.Position?
        var lineEnd = text.start
        var lineCells = 0
        var lineCost = 0
        var pendingSpaces = 0
        // The current word starts at wordStart (nil between words).
        var wordStart: Text.Position?
        var wordCells = 0

        func flushLine() {
            lines.append(Line(text: lineStart.map { text.string($0, lineEnd) } ?? "", cells: lineCells))
            lineStart = nil
            lineCells = 0
            lineCost = 0
        }

        func placeWord(start: Text.Position, end: Text.Position) {
            var width = lines.isEmpty ? firstWidth : restWidth
            let wordCost = text.cost(start, end, cells: wordCells)
            // The spaces between the line and the word are the text's own, so the line stays a slice.
            let gap = lineStart == nil ? 0 : pendingSpaces
            if lineCost + gap + wordCost <= width {
                lineStart = lineStart ?? start
                lineEnd = end
                lineCells += gap + wordCells
                lineCost += gap + wordCost
            } else if wordCost <= restWidth {
                if lineStart != nil { flushLine() }
                lineStart = start
                lineEnd = end
                lineCells = wordCells
                lineCost = wordCost
            } else {
                // A word longer than a line: break it by characters, starting on this line.
                if lineStart != nil {
                    if lineCost + gap < width {
                        lineEnd = start
                        lineCells += gap
                        lineCost += gap
                    } else {
                        flushLine()
                    }
                }
                var k = start
                while k < end {
                    let next = text.position(after: k)
                    let w = text.cells(at: k)
                    let cost = text.cost(k, next, cells: w)
                    width = lines.isEmpty ? firstWidth : restWidth
                    if lineCost + cost > width, lineStart != nil { flushLine() }
                    lineStart = lineStart ?? k
                    lineEnd = next
                    lineCells += w
                    lineCost += cost
                    k = next
                }
            }
            wordCells = 0
            pendingSpaces = 0
        }

        var k = text.start
        while k < text.end {
            if text.isSpace(at: k) {
                if let start = wordStart {
                    placeWord(start: start, end: k)
                    wordStart = nil
                }
                pendingSpaces += 1
            } else {
                wordStart = wordStart ?? k
                wordCells += text.cells(at: k)
            }
            k = text.position(after: k)
        }
        if let start = wordStart { placeWord(start: start, end: text.end) }
        if lineStart != nil || lines.isEmpty { flushLine() }
        return lines
    }
}

/// Text as the wrapper walks it: units (characters or scalars) at positions, each some cells wide.
private protocol WrappableText {
    associatedtype Position: Comparable
    var start: Position { get }
    var end: Position { get }
    /// The position of the unit after the one at `position`.
    func position(after position: Position) -> Position
    /// The cells the unit at `position` takes.
    func cells(at position: Position) -> Int
    /// Whether the unit at `position` is a space.
    func isSpace(at position: Position) -> Bool
    /// The text from `start` up to `end`.
    func string(_ start: Position, _ end: Position) -> String
    /// The cells the text from `start` up to `end` (a word or a character, of display width
    /// `cells`) counts for when lines are filled: at least `cells`.
    func cost(_ start: Position, _ end: Position, cells: Int) -> Int
}

/// Valid UTF-8 of single-cell scalars only: a unit is a scalar, one cell, found by its first byte.
private struct SingleCellText: WrappableText {
    let bytes: UnsafeBufferPointer<UInt8>
    var start: Int { 0 }
    var end: Int { bytes.count }

    func position(after position: Int) -> Int {
        var next = position + 1
        while next < bytes.count && bytes[next] & 0xC0 == 0x80 { next += 1 }  // continuation bytes
        return next
    }

    func cells(at position: Int) -> Int { 1 }

    func isSpace(at position: Int) -> Bool { bytes[position] == UInt8(ascii: " ") }

    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    func cost(_ start: Int, _ end: Int, cells: Int) -> Int { cells }
}

/// Any text: a unit is a `Character` (grapheme cluster) of its display width; a piece drawn
/// shaped costs the cells `drawnCells` gives it when that is more.
private struct CharacterText: WrappableText {
    let text: String
    let drawnCells: ((Substring) -> Int?)?
    var start: String.Index { text.startIndex }
    var end: String.Index { text.endIndex }
    func position(after position: String.Index) -> String.Index { text.index(after: position) }
    func cells(at position: String.Index) -> Int { DisplayWidth.of(text[position]) }
    func isSpace(at position: String.Index) -> Bool { text[position] == " " }
    func string(_ start: String.Index, _ end: String.Index) -> String { String(text[start..<end]) }

    func cost(_ start: String.Index, _ end: String.Index, cells: Int) -> Int {
        guard let drawnCells, let drawn = drawnCells(text[start..<end]) else { return cells }
        return max(cells, drawn)
    }
}
