/// How big a QR code (model 2, byte mode) gets for a payload: the one capacity table, read by the
/// layout (a URL too long for a QR code prints as text), the QR encoder and the ESC/POS planner.
public enum QRCapacity {
    /// The smallest version (1...40) that holds `byteCount` bytes at `level`, or nil when none does.
    public static func version(forBytes byteCount: Int, level: QRErrorCorrection) -> Int? {
        let caps = byteCapacity[index(of: level)]
        return caps.firstIndex { $0 >= byteCount }.map { $0 + 1 }
    }

    /// The most bytes any QR code holds at `level` (version 40).
    public static func maxBytes(level: QRErrorCorrection) -> Int {
        byteCapacity[index(of: level)].last ?? 0
    }

    /// The quiet zone QR codes need on every side, in modules (ISO/IEC 18004), which the PNG draws
    /// and which is fed on paper above and below a native QR code.
    public static let quietZoneModules = 4

    /// The modules across a symbol of `version`, quiet zone excluded.
    public static func modules(version: Int) -> Int { 17 + 4 * version }

    /// The level's row in the table, which is also its `GS ( k` function 169 value minus 48.
    package static func index(of level: QRErrorCorrection) -> Int {
        switch level {
        case .low: return 0
        case .medium: return 1
        case .quartile: return 2
        case .high: return 3
        }
    }
}
