/// How many character cells text takes on a receipt printer's grid and in a terminal: the
/// `wcwidth` convention (as Python's `wcwidth` package 0.7 measures strings): East Asian wide and
/// fullwidth characters and emoji take two cells; nonspacing, enclosing and format characters
/// none; a spacing mark (Devanagari `ि`, Thai `ำ` is a letter) adds one cell after its base; an
/// emoji sequence joined by ZWJ, a flag or a skin-toned emoji takes two in all.
public enum DisplayWidth {
    /// The cells `character` takes.
    @inline(__always)
    public static func of(_ character: Character) -> Int {
        if character.utf8.count == 1 { return 1 }  // ASCII fast path
        let scalars = character.unicodeScalars
        var next = scalars.makeIterator()
        guard let first = next.next() else { return 0 }
        if next.next() == nil { return width(of: first) }
        return clusterWidth(scalars)
    }

    /// The cells of one scalar alone (`wcwidth`): 0, 1 or 2.
    static func width(of s: Unicode.Scalar) -> Int {
        if s.value < 0x7F { return s.value >= 0x20 ? 1 : 0 }
        if isZeroWidth(s) { return 0 }
        if isWide(s.value) || s.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// The cells of a grapheme cluster of several scalars, as `wcswidth` counts them.
    private static func clusterWidth(_ scalars: Character.UnicodeScalarView) -> Int {
        var total = 0
        var lastMeasured: Unicode.Scalar?
        var lastValue: UInt32?
        var lastWasVirama = false
        var conjunctPending = false
        var skipNext = false
        var regionalIndicators = 0
        var remaining = scalars.count
        for s in scalars {
            remaining -= 1
            let v = s.value
            if skipNext {
                skipNext = false
                continue
            }
            if v == 0x200D {
                // A joiner hides what it joins (an emoji sequence), except after a virama.
                if !lastWasVirama, remaining > 0 { skipNext = true }
                continue
            }
            if v == 0xFE0F, let last = lastMeasured {
                // Emoji presentation widens a character that is narrow as text.
                if last.properties.isEmoji && !last.properties.isEmojiPresentation && !isWide(last.value) {
                    total += 1
                }
                lastMeasured = nil
                continue
            }
            if (0x1F1E6...0x1F1FF).contains(v) {
                regionalIndicators += 1
                if regionalIndicators % 2 == 0 {
                    lastValue = v
                    continue
                }
            } else if (0x1F3FB...0x1F3FF).contains(v), let last = lastValue,
                let scalar = Unicode.Scalar(last), scalar.properties.isEmoji
            {
                continue
            }
            if lastWasVirama && isConsonant(s) {
                lastMeasured = s
                lastValue = v
                lastWasVirama = false
                conjunctPending = true
                continue
            }
            let w = width(of: s)
            if w > 0 {
                if conjunctPending {
                    total += 1
                    conjunctPending = false
                }
                total += w
                lastMeasured = s
                lastValue = v
                lastWasVirama = false
            } else if lastMeasured != nil, s.properties.generalCategory == .spacingMark {
                total += 1
                lastMeasured = nil
                lastWasVirama = false
                conjunctPending = false
            } else {
                lastWasVirama = viramas.contains(v)
            }
        }
        return conjunctPending ? total + 1 : total
    }

    /// The viramas that join consonants into conjuncts (Indic_Syllabic_Category=Virama, as `wcwidth` lists them).
    private static let viramas: Set<UInt32> = [
        0x094D, 0x09CD, 0x0A4D, 0x0ACD, 0x0B4D, 0x0BCD, 0x0C4D, 0x0CCD, 0x0D4D, 0x0DCA, 0x1B44, 0xA806, 0xA8C4,
        0xA9C0, 0x11046, 0x110B9, 0x111C0, 0x11235, 0x1134D, 0x11442, 0x114C2, 0x115BF, 0x1163F, 0x116B6, 0x11839,
        0x119E0, 0x11C3F,
    ]

    /// A consonant of a Brahmic script (a letter of the Indic blocks).
    private static func isConsonant(_ s: Unicode.Scalar) -> Bool {
        guard s.properties.generalCategory == .otherLetter else { return false }
        switch s.value {
        case 0x0900...0x0DFF, 0x1B00...0x1B7F, 0xA800...0xA8FF, 0xA980...0xA9DF, 0x11000...0x11CFF: return true
        default: return false
        }
    }

    /// The cells `text` takes.
    public static func of(_ text: some StringProtocol) -> Int {
        switch kind(of: text) {
        case .printableASCII: return text.utf8.count
        case .singleCellScalars: return text.unicodeScalars.count
        case .general: break
        }
        var total = 0
        for c in text { total += of(c) }
        return total
    }

    /// How text can be measured and cut.
    package enum Kind {
        /// Printable ASCII only: one byte, one character, one cell.
        case printableASCII
        /// Every Unicode scalar is a character of its own that takes one cell: printable ASCII,
        /// Latin-1 and the Latin extensions (before the combining marks at U+0300), dashes, quotes
        /// and ellipsis (U+2010–2027) and the currency symbols (U+20A0–20CF).
        case singleCellScalars
        /// Anything else: measured by `Character` (grapheme clusters).
        case general
    }

    /// The simplest way `text` can be measured (for other modules: a generic function is not
    /// specialised across modules, and unspecialised it costs ten times more).
    package static func kind(of text: String) -> Kind {
        classify(text).kind
    }

    /// The simplest way `text` can be measured.
    package static func kind(of text: Substring) -> Kind {
        classify(text).kind
    }

    /// The simplest way `text` can be measured. Most bills hold single-cell text only, which is
    /// measured and cut without grapheme breaking.
    static func kind(of text: some StringProtocol) -> Kind {
        classify(text).kind
    }

    /// The cells of single-cell text (its scalar count), found in the same pass as its kind; nil
    /// for text of kind `.general`.
    static func singleCellCount(of text: String) -> Int? {
        let (kind, scalars) = classify(text)
        return kind == .general ? nil : scalars
    }

    private static func classify(_ text: some StringProtocol) -> (kind: Kind, scalars: Int) {
        text.utf8.withContiguousStorageIfAvailable(classify(utf8:)) ?? classify(utf8: text.utf8)
    }

    /// The kind of the text whose valid UTF-8 is `bytes` and, unless it is `.general`, its scalars,
    /// in one pass over the bytes: the single-cell scalars are U+0020–007E (one byte), U+00A0–02FF
    /// (`C2 A0`…`CB BF`), U+2010–2027 (`E2 80 90`…`E2 80 A7`) and U+20A0–20CF (`E2 82 A0`…`E2 83 8F`).
    private static func classify(utf8 bytes: some Sequence<UInt8>) -> (kind: Kind, scalars: Int) {
        var scalars = 0
        var ascii = true
        var next = bytes.makeIterator()
        while let byte = next.next() {
            scalars += 1
            if byte >= 0x20 && byte < 0x7F { continue }
            ascii = false
            switch byte {
            case 0xC2:
                guard let second = next.next(), second >= 0xA0 else { return (.general, 0) }
            case 0xC3...0xCB:
                _ = next.next()
            case 0xE2:
                // 0 (the text ended) matches none of them.
                switch (next.next() ?? 0, next.next() ?? 0) {
                case (0x80, 0x90...0xA7), (0x82, 0xA0...0xBF), (0x83, 0x80...0x8F): break
                default: return (.general, 0)
                }
            default:
                return (.general, 0)
            }
        }
        return (ascii ? .printableASCII : .singleCellScalars, scalars)
    }

    /// Marks (nonspacing, enclosing and, alone, spacing), format and control characters, the
    /// zero width space and Hangul medial and final jamo.
    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark, .format, .control: return true
        default: return s.value == 0x200B || (0x1160...0x11FF).contains(s.value) || (0xD7B0...0xD7FF).contains(s.value)
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF,
            0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
