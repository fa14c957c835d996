/// Breaks text into lines no wider than a number of cells: at spaces where it can, inside a word
/// where a word is longer than a line. Runs of spaces between words are kept, at a break dropped.
///
/// Every line is a slice of the text, so lines are cut out of it rather than built a character at
/// a time. Text of single-cell characters only (most bills) is walked by bytes or Unicode scalars,
/// anything else by `Character`.
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
    public static func wrap(_ text: String, width: Int, firstWidth: Int? = nil) -> [Line] {
        let restWidth = max(1, width)
        let firstWidth = max(1, firstWidth ?? restWidth)
        switch DisplayWidth.kind(of: text) {
        case .printableASCII:
            return wrap(text, units: text.utf8, firstWidth: firstWidth, restWidth: restWidth,
                        cells: { _ in 1 }, isSpace: { $0 == UInt8(ascii: " ") })
        case .singleCellScalars:
            return wrap(text, units: text.unicodeScalars, firstWidth: firstWidth, restWidth: restWidth,
                        cells: { _ in 1 }, isSpace: { $0 == " " })
        case .general:
            return wrap(text, units: text, firstWidth: firstWidth, restWidth: restWidth,
                        cells: DisplayWidth.of, isSpace: { $0 == " " })
        }
    }

    /// `text` cut to at most `width` cells (whole characters only).
    public static func truncate(_ text: String, width: Int) -> Line {
        if DisplayWidth.kind(of: text) != .general {
            let scalars = text.unicodeScalars
            guard let end = scalars.index(scalars.startIndex, offsetBy: max(0, width), limitedBy: scalars.endIndex) else {
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

    /// The wrapping itself, over `units` (the text's bytes, scalars or characters) of `cells(unit)` cells.
    private static func wrap<Units: Collection>(
        _ text: String, units: Units, firstWidth: Int, restWidth: Int,
        cells: (Units.Element) -> Int, isSpace: (Units.Element) -> Bool
    ) -> [Line] where Units.Index == String.Index {
        var lines: [Line] = []
        // The current line is text[lineStart..<lineEnd] (nil while it is empty).
        var lineStart: String.Index?
        var lineEnd = text.startIndex
        var lineCells = 0
        var pendingSpaces = 0
        // The current word starts at wordStart (nil between words).
        var wordStart: String.Index?
        var wordCells = 0

        func flushLine() {
            lines.append(Line(text: lineStart.map { String(text[$0..<lineEnd]) } ?? "", cells: lineCells))
            lineStart = nil
            lineCells = 0
        }

        func placeWord(start: String.Index, end: String.Index) {
            var width = lines.isEmpty ? firstWidth : restWidth
            // The spaces between the line and the word are the text's own, so the line stays a slice.
            let gap = lineStart == nil ? 0 : pendingSpaces
            if lineCells + gap + wordCells <= width {
                lineStart = lineStart ?? start
                lineEnd = end
                lineCells += gap + wordCells
            } else if wordCells <= restWidth {
                if lineStart != nil { flushLine() }
                lineStart = start
                lineEnd = end
                lineCells = wordCells
            } else {
                // A word longer than a line: break it by characters, starting on this line.
                if lineStart != nil {
                    if lineCells + gap < width {
                        lineEnd = start
                        lineCells += gap
                    } else {
                        flushLine()
                    }
                }
                var k = start
                while k < end {
                    let w = cells(units[k])
                    let next = units.index(after: k)
                    width = lines.isEmpty ? firstWidth : restWidth
                    if lineCells + w > width, lineStart != nil { flushLine() }
                    lineStart = lineStart ?? k
                    lineEnd = next
                    lineCells += w
                    k = next
                }
            }
            wordCells = 0
            pendingSpaces = 0
        }

        var k = units.startIndex
        while k < units.endIndex {
            let unit = units[k]
            if isSpace(unit) {
                if let start = wordStart {
                    placeWord(start: start, end: k)
                    wordStart = nil
                }
                pendingSpaces += 1
            } else {
                wordStart = wordStart ?? k
                wordCells += cells(unit)
            }
            k = units.index(after: k)
        }
        if let start = wordStart { placeWord(start: start, end: units.endIndex) }
        if lineStart != nil || lines.isEmpty { flushLine() }
        return lines
    }
}
