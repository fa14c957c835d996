import BillLayout
import PixelSupport
import TestSupport
import Testing

@testable import BillRaster

@Suite("Glyph atlas and 1-bit rows")
struct GlyphAtlasTests {
    /// Lines in every style the atlas keys on: bold, magnified, right-aligned, CJK (the fallback
    /// font, two cells, centred), combining marks, and text running past the paper's edge.
    static func styledLayout(grid: LayoutGrid) -> Layout {
        Layout(
            grid: grid,
            blocks: [
                .text(
                    TextLine(
                        text: "Dojo Café", style: TextStyle(bold: true, widthScale: 2, heightScale: 2),
                        alignment: .center, cells: 9)),
                .text(TextLine(text: "WWWmmm@@@ £12.50 €3", style: TextStyle(bold: true), cells: 19)),
                .text(TextLine(text: "WWWmmm@@@ £12.50 €3", cells: 19)),
                .text(TextLine(text: "餃子 ラーメン 김치", alignment: .right, cells: 17)),
                .text(TextLine(text: "Cafe\u{301} nai\u{308}ve", style: TextStyle(heightScale: 2), cells: 11)),
                .text(TextLine(text: String(repeating: "#", count: grid.columns + 5), cells: grid.columns + 5)),
                .text(
                    TextLine(
                        text: "TOTAL £62.95", style: TextStyle(widthScale: 3, heightScale: 8), alignment: .right,
                        cells: 12)),
            ])
    }

    @Test(arguments: [SampleLayouts.grid80, SampleLayouts.grid58])
    func glyphsFromTheAtlasEqualGlyphsDrawnAfresh(grid: LayoutGrid) throws {
        let layout = Self.styledLayout(grid: grid)
        // With the atlases emptied, glyphs are drawn afresh (unless a test running beside this one
        // fills them first: then the comparison is warm against warm, which still holds); after
        // that the shared atlas supplies them. (Only the atlases: other tests count on the
        // picture cache.)
        GlyphAtlas.purgeShared()
        let fresh = try RasterRenderer.png(layout)
        let warm = try RasterRenderer.png(layout)
        let again = try RasterRenderer.png(layout)
        #expect(fresh.bytes == warm.bytes && warm.bytes == again.bytes)
        // And the glyphs are there: the bold line differs from the regular one.
        let image = try PixelPNG.decode(warm.bytes)
        let boldTop = 48
        let regularTop = 72
        var differing = 0
        for y in 0..<24 {
            for x in 0..<image.width where image[x, boldTop + y] != image[x, regularTop + y] { differing += 1 }
        }
        #expect(differing > 100)
    }

    @Test func aMagnifiedLineSplitIntoStripsEqualsOneDrawing() throws {
        // 24 × 8 = 192 rows, drawn in bands of 24 rows: each glyph is drawn in strips too.
        let layout = Layout(
            grid: SampleLayouts.grid80,
            blocks: [
                .text(TextLine(text: "£8", style: TextStyle(bold: true, widthScale: 8, heightScale: 8), cells: 2))
            ])
        let whole = try RasterRenderer.bitmap(layout).bitmap
        var bands: [Bitmap] = []
        GlyphAtlas.purgeShared()
        try RasterRenderer.renderBands(layout, bandHeight: 24) { bands.append($0) }
        #expect(bands.count == 8)
        for (index, band) in bands.enumerated() {
            #expect(band == whole.rows((index * 24)..<((index + 1) * 24)))
        }
    }

    @Test(arguments: Array(1...41))
    func oneBitRowsPackEightDotsABytePaddedWithZeros(width: Int) {
        var generator = SystemRandomNumberGenerator()
        let ink = ArraySlice((0..<width).map { _ in UInt8.random(in: 0...255, using: &generator) })
        var png: [UInt8] = [7]
        PNGStreamWriter.appendOneBit(ink, to: &png)
        var band = [UInt8](repeating: 0xAA, count: 2 + (width + 7) / 8)
        ink.withUnsafeBufferPointer { dots in
            band.withUnsafeMutableBufferPointer { DotPacking.pack(dots, into: $0, at: 1) }
        }
        #expect(png.count == 1 + (width + 7) / 8 && png[0] == 7)
        #expect(band.first == 0xAA && band.last == 0xAA)
        for (x, value) in ink.enumerated() {
            let mask: UInt8 = 0x80 >> UInt8(x % 8)
            #expect((png[1 + x / 8] & mask != 0) == (value < 128), "PNG dot \(x) of \(width): ink \(value)")
            #expect((band[1 + x / 8] & mask != 0) == (value >= 128), "band dot \(x) of \(width): ink \(value)")
        }
        for x in width..<((width + 7) / 8 * 8) {
            #expect(png[1 + x / 8] & (0x80 >> UInt8(x % 8)) == 0, "PNG padding bit \(x)")
            #expect(band[1 + x / 8] & (0x80 >> UInt8(x % 8)) == 0, "band padding bit \(x)")
        }
    }

    @Test func aBillWhoseWidthIsNoWholeNumberOfBytesRoundTrips() throws {
        // 37 columns of 12 dots: 444 dots, 55.5 bytes a row.
        let grid = LayoutGrid(columns: 37, dotsWidth: 444, cellWidth: 12, cellHeight: 24)
        let layout = Self.styledLayout(grid: grid)
        let image = try PixelPNG.decode(RasterRenderer.png(layout).bytes)
        let direct = try RasterRenderer.bitmap(layout).bitmap
        #expect(image.width == 444 && image.height == direct.height)
        var differing = 0
        for y in 0..<image.height {
            for x in 0..<image.width where (image[x, y] == 0) != direct[x, y] { differing += 1 }
        }
        #expect(differing == 0)
    }

    @Test func anAtlasKeepsNoMoreThanItsBounds() {
        let atlas = GlyphAtlas()
        let style = GlyphAtlas.Style(family: 0, bold: false, widthScale: 1, heightScale: 1)
        let dot = GlyphMask(cropping: [255], width: 1, height: 1, origin: 0)
        for value in 0..<(GlyphAtlas.maxGlyphs + 100) {
            atlas.insert(dot, for: GlyphAtlas.Key(character: Character(Unicode.Scalar(0x4E00 + value)!), style: style))
        }
        #expect(atlas.usage.glyphs == GlyphAtlas.maxGlyphs)

        let big = GlyphAtlas()
        let side = 512  // 256 KiB of dots and 64 bytes of overhead each: fifteen fit in 4 MiB
        let block = GlyphMask(
            cropping: [UInt8](repeating: 255, count: side * side), width: side, height: side, origin: 0)
        for value in 0..<20 {
            big.insert(block, for: GlyphAtlas.Key(character: Character(Unicode.Scalar(0x4E00 + value)!), style: style))
        }
        #expect(big.usage.glyphs == 15 && big.usage.bytes <= GlyphAtlas.maxBytes)
        #expect(big.glyph(for: GlyphAtlas.Key(character: "\u{4E00}", style: style))?.width == side)
    }
}
