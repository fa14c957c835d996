import BillLayout

/// One line of text resolved against a profile's code tables: the units that print it and the
/// characters no table holds. Making it changes nothing in the plan, so a line can be resolved once
/// and then either printed as text or drawn as raster.
struct ResolvedText {
    /// A character no code table holds, and how it prints instead.
    struct Unprintable {
        var character: Character
        /// `printed as "…"`, for the diagnostic.
        var how: String
    }

    private(set) var units: [TextUnit] = []
    /// Whether any unit is a `.scalar` (a character that needs a table holding it).
    private(set) var hasScalars = false
    /// The characters no table holds, in order (each time they occur).
    private(set) var unprintable: [Unprintable] = []

    /// `text` resolved against `tables`. Text whose every scalar is a single-cell character of its
    /// own (most bills: ASCII with `£`, `€`, accents) is resolved by scalar; anything else by
    /// `Character`, so that combining marks, emoji sequences and wide characters stay whole.
    init(_ text: String, tables: CodeTableSet) {
        // Printable ASCII prints as itself on a profile with a table; without one, it goes the general way.
        switch tables.printsASCII ? DisplayWidth.kind(of: text) : .general {
        case .printableASCII:
            units = text.utf8.map { .ascii($0) }
        case .singleCellScalars:
            units.reserveCapacity(text.utf8.count)
            for scalar in text.unicodeScalars { append(scalar, tables: tables) }
        case .general:
            units.reserveCapacity(text.utf8.count)
            for character in text { append(character, tables: tables) }
        }
    }

    /// Appends a scalar that is a character of its own (`CodeTableSet.resolve(_:)`, without arrays).
    private mutating func append(_ scalar: Unicode.Scalar, tables: CodeTableSet) {
        if scalar.value >= 0x20 && scalar.value < 0x7F {
            units.append(.ascii(UInt8(scalar.value)))
            return
        }
        switch tables.resolve(scalar) {
        case .exact(let s): appendUnit(s)
        case .transliterated(let stand): appendStandIn(stand.unicodeScalars, for: Character(scalar))
        case .replaced: appendReplacement(for: Character(scalar))
        case .dropped: break
        }
    }

    /// Appends a character of any kind.
    private mutating func append(_ character: Character, tables: CodeTableSet) {
        if let ascii = tables.printableASCII(character) {
            units.append(.ascii(ascii))
            return
        }
        switch tables.resolve(character) {
        case .exact(let scalars): scalars.forEach { appendUnit($0) }
        case .transliterated(let scalars): appendStandIn(scalars, for: character)
        case .replaced: appendReplacement(for: character)
        case .dropped: break
        }
    }

    /// The stand-in `scalars` for `character`, which no table holds.
    private mutating func appendStandIn(_ scalars: some Sequence<Unicode.Scalar>, for character: Character) {
        for scalar in scalars { appendUnit(scalar) }
        unprintable.append(Unprintable(character: character,
                                       how: "printed as \"\(String(String.UnicodeScalarView(scalars)))\""))
    }

    /// One `?` per cell `character` takes, so that the columns after it stay put.
    private mutating func appendReplacement(for character: Character) {
        units.append(contentsOf: repeatElement(.ascii(UInt8(ascii: "?")), count: max(1, DisplayWidth.of(character))))
        unprintable.append(Unprintable(character: character, how: "printed as \"?\""))
    }

    /// A scalar of the printed text: printable ASCII prints alike in every table, anything else
    /// needs a table holding it.
    private mutating func appendUnit(_ scalar: Unicode.Scalar) {
        if scalar.value >= 0x20 && scalar.value < 0x7F {
            units.append(.ascii(UInt8(scalar.value)))
        } else {
            units.append(.scalar(scalar))
            hasScalars = true
        }
    }
}
