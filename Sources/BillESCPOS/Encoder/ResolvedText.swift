import BillLayout

/// One line of text resolved against a profile's code tables: the text as it prints and the
/// characters no table holds. Making it changes nothing in the plan, so a line can be resolved once
/// and then either printed as text or drawn as raster.
struct ResolvedText {
    /// A character no code table holds, and how it prints instead.
    struct Unprintable {
        var character: Character
        /// `printed as "…"`, for the diagnostic.
        var how: String
    }

    /// The text as it prints: each scalar is printable ASCII (the same in every table) or a
    /// character that needs a table holding it; no control characters. Most lines print as they
    /// are, and this is the line's own string.
    private(set) var text: String
    /// The scalars of `text` that are not ASCII (each needs a code table), in order.
    private(set) var nonASCII: [Unicode.Scalar] = []
    /// The characters no table holds, in order (each time they occur).
    private(set) var unprintable: [Unprintable] = []

    /// `text` resolved against `tables`. Text whose every scalar is a single-cell character of its
    /// own (most bills: ASCII with `£`, `€`, accents) is resolved by scalar; anything else by
    /// `Character`, so that combining marks, emoji sequences and wide characters stay whole.
    init(_ text: String, tables: CodeTableSet) {
        // Printable ASCII prints as itself on a profile with a table; without one, it goes the general way.
        switch tables.printsASCII ? DisplayWidth.kind(of: text) : .general {
        case .printableASCII:
            self.text = text
        case .singleCellScalars:
            self.text = text
            if let nonASCII = Self.heldScalars(of: text, tables: tables) {
                // Every scalar prints as itself (none of them is a control character).
                self.nonASCII = nonASCII
            } else {
                var printed = Printed(capacity: text.utf8.count)
                for scalar in text.unicodeScalars { printed.append(scalar, tables: tables) }
                (self.text, self.nonASCII, unprintable) = (printed.text, printed.nonASCII, printed.unprintable)
            }
        case .general:
            var printed = Printed(capacity: text.utf8.count)
            for character in text { printed.append(character, tables: tables) }
            (self.text, nonASCII, unprintable) = (printed.text, printed.nonASCII, printed.unprintable)
        }
    }

    /// The non-ASCII scalars of `text`, or nil when a table holds not all of them.
    private static func heldScalars(of text: String, tables: CodeTableSet) -> [Unicode.Scalar]? {
        var text = text
        var scalars: [Unicode.Scalar] = []
        var held = true
        text.withUTF8 { utf8 in
            UTF8Walk.walk(
                utf8, ascii: { _ in },
                scalar: { scalar in
                    held = held && tables.holds(scalar)
                    scalars.append(scalar)
                })
        }
        return held ? scalars : nil
    }
}

/// A line's printed text built a character at a time, for lines that do not print as they are.
private struct Printed {
    private var scalars = String.UnicodeScalarView()
    private(set) var nonASCII: [Unicode.Scalar] = []
    private(set) var unprintable: [ResolvedText.Unprintable] = []

    init(capacity: Int) { scalars.reserveCapacity(capacity) }

    var text: String { String(scalars) }

    /// Appends a scalar that is a character of its own.
    mutating func append(_ scalar: Unicode.Scalar, tables: CodeTableSet) {
        if scalar.value >= 0x20 && scalar.value < 0x7F {
            scalars.append(scalar)
            return
        }
        append(tables.resolve(scalar), for: Character(scalar))
    }

    /// Appends a character of any kind.
    mutating func append(_ character: Character, tables: CodeTableSet) {
        if let ascii = tables.printableASCII(character) {
            scalars.append(Unicode.Scalar(ascii))
            return
        }
        append(tables.resolve(character), for: character)
    }

    /// Appends what `resolution` prints for `character`.
    private mutating func append(_ resolution: CodeTableSet.Resolution, for character: @autoclosure () -> Character) {
        switch resolution {
        case .exact(let s): appendScalar(s)
        case .transliterated(let stand): appendStandIn(stand.unicodeScalars, for: character())
        case .replaced: appendReplacement(for: character())
        case .dropped: break
        }
    }

    /// The stand-in `stand` for `character`, which no table holds.
    private mutating func appendStandIn(_ stand: some Sequence<Unicode.Scalar>, for character: Character) {
        for scalar in stand { appendScalar(scalar) }
        unprintable.append(
            ResolvedText.Unprintable(
                character: character,
                how: "printed as \"\(String(String.UnicodeScalarView(stand)))\""))
    }

    /// One `?` per cell `character` takes, so that the columns after it stay put.
    private mutating func appendReplacement(for character: Character) {
        scalars.append(contentsOf: repeatElement("?", count: max(1, DisplayWidth.of(character))))
        unprintable.append(ResolvedText.Unprintable(character: character, how: "printed as \"?\""))
    }

    /// A scalar of the printed text (never a control character: the code tables hold none).
    private mutating func appendScalar(_ scalar: Unicode.Scalar) {
        scalars.append(scalar)
        if !scalar.isASCII { nonASCII.append(scalar) }
    }
}
