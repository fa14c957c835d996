import BillLayout
import BillModel
import BillProfiles

/// The code tables of one printer profile that billrender knows, with their `ESC t` numbers, and
/// how each character of a line is printed with them.
package struct CodeTableSet: Sendable {
    /// The tables in the profile's order of preference.
    let tables: [(number: UInt8, table: CodeTable)]
    /// Profile entries whose encoding billrender does not know.
    let unknownEncodings: [String]

    package init(profile: PrinterProfile) {
        var tables: [(number: UInt8, table: CodeTable)] = []
        var unknown: [String] = []
        for entry in profile.codeTables {
            guard entry.number >= 0, entry.number <= 255, let table = CodeTable.named(entry.encoding) else {
                unknown.append("\(entry.number):\(entry.encoding)")
                continue
            }
            tables.append((UInt8(entry.number), table))
        }
        self.tables = tables
        self.unknownEncodings = unknown
    }

    /// The `ESC t` number to select before the first text when no character needs one.
    package var defaultNumber: UInt8 { tables.first?.number ?? 0 }

    /// Whether any table holds `scalar`.
    func holds(_ scalar: Unicode.Scalar) -> Bool {
        tables.contains { $0.table.holds(scalar) }
    }

    /// The table to select for `upcoming[from...]`: the one holding the longest run of them, ties
    /// to the profile's order (and to `current` first), so switches stay few.
    func best(for upcoming: ArraySlice<Unicode.Scalar>, current: UInt8?) -> (number: UInt8, table: CodeTable)? {
        var best: (number: UInt8, table: CodeTable)? = nil
        var bestRun = -1
        let ordered = tables.filter { $0.number == current } + tables.filter { $0.number != current }
        for candidate in ordered {
            var run = 0
            for scalar in upcoming {
                guard candidate.table.holds(scalar) else { break }
                run += 1
            }
            if run > bestRun {
                best = candidate
                bestRun = run
            }
        }
        return best
    }

    /// How one character of a text line prints.
    enum Resolution: Equatable {
        /// Printed as itself (a character of one scalar).
        case exact(Unicode.Scalar)
        /// No table holds it; printed as an ASCII stand-in (accents dropped, typographic punctuation).
        case transliterated(String)
        /// No table holds it and there is no stand-in: printed as `?`.
        case replaced
        /// A control character: dropped.
        case dropped
    }

    /// True when printable ASCII prints as itself: every table holds it (bytes 0x20–0x7E).
    var printsASCII: Bool { !tables.isEmpty }

    /// How `scalar`, a character of its own, prints on this profile.
    func resolve(_ scalar: Unicode.Scalar) -> Resolution {
        if TextSanitizer.isControl(scalar) { return .dropped }
        if holds(scalar) { return .exact(scalar) }
        if let stand = Transliteration.ascii(for: scalar), stand.unicodeScalars.allSatisfy(holds) {
            return .transliterated(stand)
        }
        return .replaced
    }

    /// How `character` prints on this profile: as its one scalar does, or, for a letter with
    /// combining marks, as its base letter's stand-in.
    func resolve(_ character: Character) -> Resolution {
        if let ascii = printableASCII(character) { return .exact(Unicode.Scalar(ascii)) }
        let scalars = character.unicodeScalars.filter { !TextSanitizer.isControl($0) }
        guard let base = scalars.first else { return .dropped }
        if scalars.count == 1 { return resolve(base) }
        guard scalars.dropFirst().allSatisfy(Transliteration.isMark) else { return .replaced }
        switch resolve(base) {
        case .exact(let s): return .transliterated(String(s))
        case .transliterated(let s): return .transliterated(s)
        case .replaced: return .replaced
        case .dropped: return .dropped
        }
    }

    /// The byte of `character` when it is printable ASCII and the profile has a table (the common
    /// case, decided without looking the character up).
    @inline(__always)
    func printableASCII(_ character: Character) -> UInt8? {
        guard printsASCII, let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F else { return nil }
        return ascii
    }
}
