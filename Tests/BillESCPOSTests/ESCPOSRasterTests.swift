import BillESCPOS
import BillLayout
import BillProfiles
import Testing

/// The raster band encoders on small bitmaps, byte by byte.
struct ESCPOSRasterTests {
    /// A `width × height` bitmap with a diagonal and the top-left dot set.
    func diagonal(_ width: Int, _ height: Int) -> Bitmap {
        var b = Bitmap(width: width, height: height)
        for i in 0..<min(width, height) { b[i, i] = true }
        return b
    }

    @Test func gsV0BytesForOneBand() {
        let commands = ESCPOSRaster.rasterBands(diagonal(10, 2), maxBandHeight: 255)
        #expect(commands.flatMap(\.bytes) == [0x1D, 0x76, 0x30, 0, 2, 0, 2, 0, 0x80, 0x00, 0x40, 0x00])
    }

    @Test func gsV0BandsNeverExceedTheProfileOr255Rows() {
        let tall = diagonal(16, 600)
        let heights = ESCPOSRaster.rasterBands(tall, maxBandHeight: 1000).map { c -> Int in
            if case .rasterImage(_, let h, _) = c { return h } else { return -1 }
        }
        #expect(heights == [255, 255, 90])
        let small = ESCPOSRaster.rasterBands(tall, maxBandHeight: 128).map { c -> Int in
            if case .rasterImage(_, let h, _) = c { return h } else { return -1 }
        }
        #expect(small == [128, 128, 128, 128, 88])
        let rejoined = ESCPOSRaster.rasterBands(tall, maxBandHeight: 100).flatMap { c -> [UInt8] in
            if case .rasterImage(_, _, let d) = c { return d } else { return [] }
        }
        #expect(rejoined == tall.bits)
    }

    @Test func graphicsStoreAndPrintBytes() {
        let commands = ESCPOSRaster.graphicsBands(diagonal(9, 1), maxBandHeight: 255)
        #expect(
            commands.flatMap(\.bytes) == [
                0x1D, 0x28, 0x4C, 12, 0, 48, 112, 48, 1, 1, 49, 9, 0, 1, 0, 0x80, 0x00,
                0x1D, 0x28, 0x4C, 2, 0, 48, 50,
            ])
    }

    @Test func graphicsBandsFitTheSixteenBitLength() {
        let wide = Bitmap(width: 2400, height: 255)  // 300 bytes a row: 218 rows fit 65525 bytes
        for command in ESCPOSRaster.graphicsBands(wide, maxBandHeight: 255) {
            #expect(command.bytes.count <= 0xFFFF + 5)
        }
    }

    /// The last band of a 30-row picture feeds 6 rows (`ESC 3 6`), not 24: the paper shows the 30
    /// rows the PNG shows, without 18 blank ones below them. Then the bill's own spacing again,
    /// never `ESC 2` (the printer's 1/6 inch).
    @Test func escStarPacksColumnsOf24DotsTopBitFirst() {
        var b = Bitmap(width: 2, height: 30)
        b[0, 0] = true
        b[1, 9] = true
        b[0, 24] = true
        let commands = ESCPOSRaster.bitImageColumns(b, restoring: 24)
        let first: [ESCPOSCommand] = [
            .lineSpacing(24), .bitImageColumns(widthDots: 2, data: [0x80, 0, 0, 0, 0x40, 0]), .lineFeed,
        ]
        let last: [ESCPOSCommand] = [
            .lineSpacing(6), .bitImageColumns(widthDots: 2, data: [0x80, 0, 0, 0, 0, 0]), .lineFeed, .lineSpacing(24),
        ]
        #expect(commands == first + last)
        #expect(commands[1].bytes == [0x1B, 0x2A, 33, 2, 0, 0x80, 0, 0, 0, 0x40, 0])
    }

    /// On a 180-dpi Epson (vertical motion unit 1/360 in) the bands' spacings are in half dots:
    /// 24 rows are `ESC 3 48`, the last 6 rows `ESC 3 12`, and the bill's 24-dot lines `ESC 3 48`.
    @Test func escStarSpacingIsInTheProfilesMotionUnits() {
        let b = Bitmap(width: 2, height: 30)
        let spacings = ESCPOSRaster.bitImageColumns(b, unitsPerDot: 2, restoring: 48).compactMap { command in
            if case .lineSpacing(let n) = command { return n } else { return nil }
        }
        #expect(spacings == [48, 12, 48])
        var profile = PrinterProfile.epsonTMT88VI
        profile.capabilities.rasterCommands = [.escStar]
        let viaProfile = ESCPOSRaster.commands(for: b, profile: profile, lineSpacing: 48)
        #expect(viaProfile == ESCPOSRaster.bitImageColumns(b, unitsPerDot: 2, restoring: 48))
    }

    @Test func profileChoosesTheRasterCommand() {
        let b = diagonal(8, 8)
        #expect(
            ESCPOSRaster.commands(for: b, profile: .generic80mm, lineSpacing: 24)?.first
                == .rasterImage(widthBytes: 1, height: 8, data: b.bits))
        var none = PrinterProfile.generic80mm
        none.capabilities.rasterCommands = []
        #expect(ESCPOSRaster.commands(for: b, profile: none, lineSpacing: 24) == nil)
    }

    @Test func emptyBitmapsMakeNoCommands() {
        #expect(ESCPOSRaster.rasterBands(Bitmap(width: 0, height: 5), maxBandHeight: 24) == [])
        #expect(ESCPOSRaster.bitImageColumns(Bitmap(width: 5, height: 0), restoring: 24) == [])
    }
}
