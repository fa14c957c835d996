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
