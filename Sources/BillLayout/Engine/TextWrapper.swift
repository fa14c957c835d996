/// Breaks text into lines no wider than a number of cells: at spaces where it can, inside a word
/// where a word is longer than a line. Runs of spaces between words are kept, at a break dropped.
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
        var lines: [Line] = []
        var current = ""
        var currentCells = 0
        var pendingSpaces = 0

        // Words separated by spaces; each word as (text, cells).
        var word = ""
        var wordCells = 0

        func flushLine() {
            lines.append(Line(text: current, cells: currentCells))
            current = ""
            currentCells = 0
        }

        func placeWord() {
            guard !word.isEmpty || wordCells > 0 else { return }
            var width = lines.isEmpty ? firstWidth : restWidth
            let gap = current.isEmpty ? 0 : pendingSpaces
            if currentCells + gap + wordCells <= width {
                if gap > 0 {
                    current += String(repeating: " ", count: gap)
                    currentCells += gap
                }
                current += word
                currentCells += wordCells
            } else if wordCells <= restWidth {
                if !current.isEmpty { flushLine() }
                current = word
                currentCells = wordCells
            } else {
                // A word longer than a line: break it by characters, starting on this line.
                if !current.isEmpty {
                    if currentCells + gap < width {
                        current += String(repeating: " ", count: gap)
                        currentCells += gap
                    } else {
                        flushLine()
                    }
                }
                for c in word {
                    let w = DisplayWidth.of(c)
                    width = lines.isEmpty ? firstWidth : restWidth
                    if currentCells + w > width, !current.isEmpty { flushLine() }
                    current.append(c)
                    currentCells += w
                }
            }
            word = ""
            wordCells = 0
            pendingSpaces = 0
        }

        for c in text {
            if c == " " {
                if !word.isEmpty { placeWord() }
                pendingSpaces += 1
            } else {
                word.append(c)
                wordCells += DisplayWidth.of(c)
            }
        }
        if !word.isEmpty { placeWord() }
        if !current.isEmpty || lines.isEmpty { flushLine() }
        return lines
    }

    /// `text` cut to at most `width` cells (whole characters only).
    public static func truncate(_ text: String, width: Int) -> Line {
        var out = ""
        var cells = 0
        for c in text {
            let w = DisplayWidth.of(c)
            if cells + w > width { break }
            out.append(c)
            cells += w
        }
        return Line(text: out, cells: cells)
    }
}
