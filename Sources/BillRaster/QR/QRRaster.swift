import BillLayout
import BillQR

/// Draws QR module matrices as dots. (Callers outside the module get a QR code as dots from
/// `RasterRenderer.bitmap(.qrCode(block), grid:)`, aligned on the paper.)
enum QRRaster {
    /// The largest module drawn, in dots.
    static let maxModuleSize = 64
    /// The widest quiet zone drawn, in modules.
    static let maxQuietZone = 16

    /// The symbol with `quietZone` light modules around it, each module `moduleSize × moduleSize`
    /// dots (clamped to 1...``maxModuleSize`` and 0...``maxQuietZone``).
    static func bitmap(_ matrix: QRMatrix, moduleSize: Int, quietZone: Int = 4) -> Bitmap {
        let module = min(max(1, moduleSize), maxModuleSize)
        let zone = min(max(0, quietZone), maxQuietZone)
        let side = (matrix.size + 2 * zone) * module
        var bitmap = Bitmap(width: side, height: side)
        for my in 0..<matrix.size {
            for mx in 0..<matrix.size where matrix[mx, my] {
                for dy in 0..<module {
                    for dx in 0..<module {
                        bitmap[(mx + zone) * module + dx, (my + zone) * module + dy] = true
                    }
                }
            }
        }
        return bitmap
    }

    /// The largest module size at most `preferred` whose symbol with its quiet zone fits `width` dots.
    static func moduleSize(preferred: Int, symbolSize: Int, quietZone: Int, width: Int) -> Int {
        let modules = symbolSize + 2 * max(0, quietZone)
        guard modules > 0 else { return 1 }
        return max(1, min(max(1, preferred), width / modules))
    }
}
