/// ASCII stand-ins for characters that no code table of a printer holds (é→e, ’→', …→...).
public enum Transliteration {
    /// The stand-in for `scalar`, or nil when there is none.
    public static func ascii(for scalar: Unicode.Scalar) -> String? { table[scalar.value] }

    /// Whether `scalar` only modifies the character before it (combining accents, variation
    /// selectors), so that dropping it leaves a readable base character.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F:
            return true
        default:
            return false
        }
    }
}
