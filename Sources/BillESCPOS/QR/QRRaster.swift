import BillLayout
import BillQR

/// A QR code drawn as a raster bitmap, for printers without `GS ( k`.
public enum QRRaster {
    /// Light modules kept around the symbol.
    public static let quietZone = 2

    /// The bitmap of `matrix` at `moduleSize` dots a module (reduced until it fits `dotsWidth`),
    /// placed by `alignment` across `dotsWidth`: the left margin is drawn into the bitmap, so the
    /// printer's justification is not relied on. Nil when even one dot a module does not fit.
    public static func bitmap(_ matrix: QRMatrix, moduleSize: Int, alignment: Alignment,
                              dotsWidth: Int) -> (bitmap: Bitmap, moduleSize: Int)? {
        let modules = matrix.size + 2 * quietZone
        guard modules > 0 else { return nil }
        let size = min(max(moduleSize, 1), 16, dotsWidth / modules)
        guard size >= 1 else { return nil }
        let side = modules * size
        let left: Int
        switch alignment {
        case .left: left = 0
        case .center: left = (dotsWidth - side) / 2
        case .right: left = dotsWidth - side
        }
        var bitmap = Bitmap(width: left + side, height: side)
        for y in 0..<matrix.size {
            for x in 0..<matrix.size where matrix[x, y] {
                let x0 = left + (x + quietZone) * size, y0 = (y + quietZone) * size
                for dy in 0..<size {
                    for dx in 0..<size { bitmap[x0 + dx, y0 + dy] = true }
                }
            }
        }
        return (bitmap, size)
    }
}
