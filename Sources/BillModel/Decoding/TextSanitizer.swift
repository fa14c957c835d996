import BillJSON

/// Removes what could become a printer command from text: every C0 and C1 control character and
/// DEL. Tab, CR, LF and the Unicode line and paragraph separators become a space.
public enum TextSanitizer {
    /// `text` without control characters, and the control characters found (nil when none).
    public static func sanitize(_ text: String) -> (text: String, removed: [Unicode.Scalar])? {
        guard text.unicodeScalars.contains(where: isControl) else { return nil }
        var out = String.UnicodeScalarView()
        var removed: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                removed.append(scalar)
                if scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar.value == 0x2028
                    || scalar.value == 0x2029
                {
                    out.append(" ")
                }
            } else {
                out.append(scalar)
            }
        }
        return (String(out), removed)
    }

    /// True for C0 (U+0000–U+001F), DEL, C1 (U+0080–U+009F) and U+2028/U+2029: billrender's one
    /// control-character rule. The decoder removes these from every text field, and the ESC/POS
    /// encoder drops them from anything else that reaches it (text a host built in Swift, QR
    /// payloads). The line and paragraph separators count: a printer has no use for them and some
    /// treat them as line ends, so they never reach it as they are.
    @inline(__always)
    public static func isControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || (v >= 0x7F && v <= 0x9F) || v == 0x2028 || v == 0x2029
    }

    /// A control character's name for a message: `U+001B (ESC)`.
    public static func describe(_ s: Unicode.Scalar) -> String {
        let names: [UInt32: String] = [
            0: "NUL", 0x07: "BEL", 0x08: "BS", 0x09: "TAB", 0x0A: "LF", 0x0C: "FF",
            0x0D: "CR", 0x10: "DLE", 0x14: "DC4", 0x1B: "ESC", 0x1C: "FS", 0x1D: "GS",
            0x7F: "DEL", 0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR",
        ]
        let hex = String(s.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        if let name = names[s.value] { return "\(code) (\(name))" }
        return code
    }
}

extension TextSanitizer {
    /// The most Unicode scalars one character (grapheme cluster) keeps: enough for any emoji ZWJ
    /// sequence and stacked diacritics a language uses, not for thousands of combining marks on
    /// one letter, which every later stage (width, wrapping, code tables, raster) would otherwise
    /// have to carry as one unbreakable character.
    public static let maxClusterScalars = 32

    /// `text` with every character longer than ``maxClusterScalars`` scalars cut to its first
    /// ones, and how many characters were cut; nil when none was.
    static func capClusters(_ text: String) -> (text: String, cut: Int)? {
        var cut = 0
        var out = ""
        var copiedUpTo = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            let scalars = text.unicodeScalars[index..<next]
            if scalars.count > maxClusterScalars {
                if cut == 0 { out.reserveCapacity(text.utf8.count) }
                out += text[copiedUpTo..<index]
                out.unicodeScalars.append(contentsOf: scalars.prefix(maxClusterScalars))
                copiedUpTo = next
                cut += 1
            }
            index = next
        }
        guard cut > 0 else { return nil }
        out += text[copiedUpTo...]
        return (out, cut)
    }
}

extension TextSanitizer {
    /// `text` with unassigned and private-use code points replaced by U+FFFD, and how many were:
    /// they mean nothing without a private agreement, no font billrender ships has them, and a
    /// field of thousands of distinct ones would make every drawing back end shape and draw
    /// thousands of distinct missing-glyph boxes. Nil when there were none.
    static func replaceUnassigned(_ text: String) -> (text: String, replaced: Int)? {
        var replaced = 0
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .unassigned, .privateUse:
                if replaced == 0 { out.append(contentsOf: text.unicodeScalars.prefix { $0 != scalar }) }
                replaced += 1
                out.append("\u{FFFD}")
            default:
                if replaced > 0 { out.append(scalar) }
            }
        }
        return replaced > 0 ? (String(out), replaced) : nil
    }
}

extension TextSanitizer {
    /// What one pass over a text's UTF-8 bytes says it may hold, so that the exact (slower) checks
    /// run only when they can find something.
    struct Suspicion {
        /// A control character: C0 and DEL, or a lead byte of C1 (0xC2), U+2028/U+2029 (0xE2) or
        /// U+FFFD (0xEF), which `clean` reports too.
        var controls = false
        /// A code point from U+E000 up (the private-use area, the rest of the BMP's last block and
        /// every plane above it, where most unassigned code points are). Unassigned code points
        /// below U+E000 are not looked for.
        var unassigned = false
        /// A run of non-ASCII bytes long enough to hold a character over ``maxClusterScalars``
        /// scalars (each at least two bytes). ASCII control bytes do not end a run: removing them
        /// can join two runs.
        var longClusters = false

        /// True when any of the exact checks has something to look at.
        var any: Bool { controls || unassigned || longClusters }

        init(_ text: UnsafeBufferPointer<UInt8>) {
            // Printable ASCII, most of every bill, is passed over eight bytes at a time.
            var start = 0
            if let base = text.baseAddress {
                while start + 8 <= text.count {
                    let w = ByteWords.word(base, start)
                    if (w & ByteWords.highBits) | ByteWords.bytesBelow(0x20, w) | ByteWords.bytesEqual(0x7F, w) != 0 {
                        break
                    }
                    start += 8
                }
            }
            var run = 0
            for byte in text[start...] {
                if byte < 0x80 {
                    if byte < 0x20 || byte == 0x7F {
                        controls = true
                    } else {
                        run = 0
                    }
                } else {
                    if byte == 0xC2 || byte == 0xE2 || byte == 0xEF { controls = true }
                    if byte == 0xEE || byte == 0xEF || byte >= 0xF0 { unassigned = true }
                    run += 1
                    if run > 2 * maxClusterScalars { longClusters = true }
                }
            }
        }
    }
}
