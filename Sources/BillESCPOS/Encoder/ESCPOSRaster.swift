import BillLayout
import BillProfiles

/// Raster image commands for a `Bitmap`, split into bands a printer's firmware takes.
public enum ESCPOSRaster {
    /// `GS v 0` bands of at most `maxBandHeight` rows (clamped to 1...255: cheap firmware reads
    /// one height byte).
    public static func rasterBands(_ bitmap: Bitmap, maxBandHeight: Int) -> [ESCPOSCommand] {
        bands(of: bitmap, rows: min(max(maxBandHeight, 1), 255)).map {
            .rasterImage(widthBytes: $0.bytesPerRow, height: $0.height, data: $0.bits)
        }
    }

    /// `GS ( L` store-and-print pairs, each band at most `maxBandHeight` rows and small enough for
    /// the command's 16-bit length.
    public static func graphicsBands(_ bitmap: Bitmap, maxBandHeight: Int) -> [ESCPOSCommand] {
        let byLength = ESCPOSCommand.maxGraphicsData / max(bitmap.bytesPerRow, 1)
        let rows = min(max(maxBandHeight, 1), 255, max(byLength, 1))
        return bands(of: bitmap, rows: rows).flatMap {
            [ESCPOSCommand.graphicsStore(widthDots: $0.width, height: $0.height, data: $0.bits), .graphicsPrint]
        }
    }

    /// `ESC *` mode 33 (24-dot double density): line spacing 24 dots, one command and `LF` per 24
    /// rows, then `restoring` (the bill's own line spacing) again. A last band of fewer rows is fed
    /// only as far as its rows (`ESC 3 r`): its blank padding takes no paper, so the paper matches
    /// the PNG. Spacings are in the profile's vertical motion units (`unitsPerDot` to a dot).
    public static func bitImageColumns(_ bitmap: Bitmap, unitsPerDot: Int = 1, restoring: UInt8) -> [ESCPOSCommand] {
        guard bitmap.width > 0, bitmap.height > 0 else { return [] }
        let perDot = min(max(unitsPerDot, 1), 10)
        var commands: [ESCPOSCommand] = [.lineSpacing(UInt8(24 * perDot))]
        var top = 0
        while top < bitmap.height {
            var data = [UInt8](repeating: 0, count: bitmap.width * 3)
            for x in 0..<bitmap.width {
                for k in 0..<24 where bitmap[x, top + k] {
                    data[x * 3 + k / 8] |= 0x80 >> UInt8(k % 8)
                }
            }
            let rows = min(24, bitmap.height - top)
            if rows < 24 { commands.append(.lineSpacing(UInt8(rows * perDot))) }
            commands += [.bitImageColumns(widthDots: bitmap.width, data: data), .lineFeed]
            top += 24
        }
        return commands + [.lineSpacing(restoring)]
    }

    /// The bands of `rows` rows (the last one shorter), top to bottom.
    static func bands(of bitmap: Bitmap, rows: Int) -> [Bitmap] {
        guard bitmap.width > 0, bitmap.height > 0, rows > 0 else { return [] }
        return stride(from: 0, to: bitmap.height, by: rows).map { bitmap.rows($0..<min($0 + rows, bitmap.height)) }
    }

    /// `bitmap` without the blank columns right of its last black dot (at least one dot wide), so a
    /// picture placed on the full width costs no bytes for the paper beside it. Its left margin is
    /// kept: that is where the picture sits.
    public static func trimmedRight(_ bitmap: Bitmap) -> Bitmap {
        var lastByte = -1
        for row in 0..<bitmap.height {
            let start = row * bitmap.bytesPerRow
            var i = bitmap.bytesPerRow - 1
            while i > lastByte {
                if bitmap.bits[start + i] != 0 {
                    lastByte = i
                    break
                }
                i -= 1
            }
            if lastByte == bitmap.bytesPerRow - 1 { return bitmap }
        }
        var width = 1
        if lastByte >= 0 {
            let byte = bitmap.bits.enumerated().reduce(UInt8(0)) { acc, element in
                element.offset % bitmap.bytesPerRow == lastByte ? acc | element.element : acc
            }
            width = lastByte * 8 + 8 - byte.trailingZeroBitCount
        }
        var trimmed = Bitmap(width: width, height: bitmap.height)
        let bytes = trimmed.bytesPerRow
        for row in 0..<bitmap.height {
            trimmed.bits.replaceSubrange(
                (row * bytes)..<((row + 1) * bytes),
                with: bitmap.bits[(row * bitmap.bytesPerRow)..<(row * bitmap.bytesPerRow + bytes)])
        }
        return trimmed
    }

    /// The band height for drawing a whole bill for `profile`: its largest band (at most 255
    /// rows), in whole 24-row lines for `ESC *`.
    public static func wholeBillBandHeight(_ profile: PrinterProfile) -> Int {
        let rows = min(max(profile.capabilities.maxRasterBandHeight, 1), 255)
        guard profile.capabilities.rasterCommands.first == .escStar else { return rows }
        return max(24, rows / 24 * 24)
    }

    /// The commands for `bitmap` with the profile's most preferred raster command, or nil when the
    /// profile has none. `lineSpacing` is the bill's `ESC 3 n`, which `ESC *` sets again after its
    /// bands.
    public static func commands(for bitmap: Bitmap, profile: PrinterProfile, lineSpacing: UInt8) -> [ESCPOSCommand]? {
        guard let kind = profile.capabilities.rasterCommands.first else { return nil }
        let band = profile.capabilities.maxRasterBandHeight
        switch kind {
        case .gsV0: return rasterBands(bitmap, maxBandHeight: band)
        case .gsParenL: return graphicsBands(bitmap, maxBandHeight: band)
        case .escStar:
            return bitImageColumns(bitmap, unitsPerDot: profile.verticalUnitsPerDot, restoring: lineSpacing)
        case .starRaster, .starBand, .starGraphic: return nil  // Star's own, not ESC/POS commands
        }
    }
}
