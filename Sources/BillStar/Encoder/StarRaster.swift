import BillLayout
import BillProfiles

/// Star's picture commands for a `Bitmap`.
public enum StarRaster {
    /// The commands that print `bitmap` at the left margin: `ESC GS S` images of at most the
    /// profile's band height (StarPRNT), or `ESC k` bands of 24 rows each followed by `ESC I` feeding
    /// exactly the band's rows, so a last band of fewer rows takes no more paper than the PNG shows
    /// (Line mode). Star Graphic has no picture command of its own: the whole bill is rows.
    public static func commands(for bitmap: Bitmap, language: StarLanguage, profile: PrinterProfile)
        -> [StarCommand]
    {
        guard bitmap.width > 0, bitmap.height > 0 else { return [] }
        switch language {
        case .prnt, .graphic:
            let rows = min(max(profile.capabilities.maxRasterBandHeight, 1), 0xFFFF)
            return stride(from: 0, to: bitmap.height, by: rows).map {
                let band = bitmap.rows($0..<min($0 + rows, bitmap.height))
                return .rasterImage(widthBytes: band.bytesPerRow, height: band.height, data: band.bits)
            }
        case .line:
            var commands: [StarCommand] = []
            let widthBytes = min(bitmap.bytesPerRow, 255)
            for top in stride(from: 0, to: bitmap.height, by: 24) {
                var data = [UInt8](repeating: 0, count: widthBytes * 24)
                let rows = min(24, bitmap.height - top)
                for row in 0..<rows {
                    let start = (top + row) * bitmap.bytesPerRow
                    data.replaceSubrange(
                        (row * widthBytes)..<((row + 1) * widthBytes),
                        with: bitmap.bits[start..<(start + widthBytes)])
                }
                commands += [.bandImage(widthBytes: widthBytes, data: data), .feedDots(UInt8(rows))]
            }
            return commands
        }
    }

    /// The rows of `bitmap`, each without its trailing blank bytes (a blank row is empty).
    public static func rows(of bitmap: Bitmap) -> [[UInt8]] {
        (0..<bitmap.height).map { row in
            let start = row * bitmap.bytesPerRow
            var end = start + bitmap.bytesPerRow
            while end > start && bitmap.bits[end - 1] == 0 { end -= 1 }
            return Array(bitmap.bits[start..<end])
        }
    }
}
