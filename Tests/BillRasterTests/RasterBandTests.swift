import BillLayout
import PixelSupport
import TestSupport
import Testing

@testable import BillRaster

/// Whole bills are drawn in small strips and handed out in bands.
@Suite("Bands and streaming")
struct RasterBandTests {
    /// Joins bands into one bitmap.
    func concatenate(_ bands: [Bitmap], width: Int) -> Bitmap? {
        Bitmap(width: width, height: bands.reduce(0) { $0 + $1.height }, bits: bands.flatMap(\.bits))
    }

    @Test(arguments: [1, 24, 100, 255])
    func bandsJoinToTheDirectRender(bandHeight: Int) throws {
        let layout = SampleLayouts.bill()
        let direct = try RasterRenderer.bitmap(layout)
        var bands: [Bitmap] = []
        let diagnostics = try RasterRenderer.renderBands(layout, bandHeight: bandHeight) { bands.append($0) }
        #expect(diagnostics.isEmpty)
        #expect(bands.dropLast().allSatisfy { $0.height == bandHeight })
        #expect(bands.last.map { (1...bandHeight).contains($0.height) } == true)
        #expect(concatenate(bands, width: 576) == direct.bitmap)
    }

    @Test func bandsMatchTheMonochromePNG() throws {
        let layout = SampleLayouts.bill(grid: SampleLayouts.grid58)
        let png = try PixelPNG.decode(RasterRenderer.png(layout).bytes)
        var bands: [Bitmap] = []
        try RasterRenderer.renderBands(layout, bandHeight: 255) { bands.append($0) }
        let joined = try #require(concatenate(bands, width: 384))
        let fromBands = PixelImage(
            width: joined.width, height: joined.height,
            gray: (0..<(joined.width * joined.height)).map { joined[$0 % joined.width, $0 / joined.width] ? 0 : 255 })
        let result = PixelCompare.compare(fromBands, png, name: "bands-vs-png-58mm")
        #expect(result.matches, "differing pixels: \(result.differing), written: \(result.written)")
    }

    @Test func tallBillStreamsInSmallSurfaces() throws {
        var blocks: [LayoutBlock] = []
        for index in 0..<3000 {
            let text = "Item \(index)"
            blocks.append(.text(TextLine(text: text, alignment: index % 2 == 0 ? .left : .right, cells: text.count)))
        }
        // A picture much taller than a strip: 16 × 1000.
        blocks.append(
            .image(
                ImageBlock(
                    svg:
                        #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 1000"><rect width="16" height="1000"/></svg>"#,
                    role: .image, alignment: .center, sourcePath: "footer.lines[0].image.svgImage")))
        let layout = Layout(grid: SampleLayouts.grid80, blocks: blocks)
        var heights: [Int] = []
        var total = 0
        var lastRowInk = 0
        var tallestSurface = 0
        let diagnostics = try RasterRenderer.renderBands(
            layout, bandHeight: 255, options: RasterOptions(), tallestSurface: &tallestSurface
        ) { band in
            heights.append(band.height)
            total += band.height
            lastRowInk = band.rows((band.height - 1)..<band.height).blackCount
        }
        #expect(diagnostics.isEmpty)
        // 3,000 lines of 24 dots, then the picture fitted to 576 wide is capped at 1,024 rows.
        #expect(total == 3000 * 24 + 1024)
        #expect(heights.allSatisfy { $0 <= 255 })
        // The 16.384-dot-wide picture fills its 16 columns down to the last row (no letterboxing).
        #expect(lastRowInk == 16)
        #expect(tallestSurface <= 255)

        let png = try RasterRenderer.png(layout)
        #expect(png.height == 3000 * 24 + 1024)
        // A tall PNG spans many IDAT chunks and still decodes.
        let chunks = try PixelPNG.chunks(png.bytes)
        #expect(chunks.filter { $0.type == "IDAT" }.count > 1 || png.bytes.count < 70_000)
        let image = try PixelPNG.decode(png.bytes)
        #expect(image.height == png.height)
        #expect(image.rows(0..<24).darkCount > 0 && image.rows((72_000 - 24)..<72_000).darkCount > 0)
    }

    @Test func magnifiedTextOnALargePreviewIsDrawnInStrips() throws {
        // 8 × 8 text at 8× gray scale is 24 × 8 × 8 = 1,536 rows tall.
        let line = TextLine(
            text: "£", style: TextStyle(bold: true, widthScale: 8, heightScale: 8), alignment: .center, cells: 1)
        let layout = Layout(grid: SampleLayouts.grid80, blocks: [.text(line)])
        var tallestSurface = 0
        let png = try RasterRenderer.png(
            layout, options: RasterOptions(style: .gray, scale: 8), tallestSurface: &tallestSurface)
        let image = try PixelPNG.decode(png.bytes)
        #expect(image.width == 576 * 8 && image.height == 1536)
        // The glyph runs across strip boundaries without a seam: rows 255 and 256 both hold ink.
        #expect(image.rows(255..<256).darkCount > 0 && image.rows(256..<257).darkCount > 0)
        #expect(tallestSurface > 0 && tallestSurface <= CairoImageSurface.stripRows)
    }

    @Test func surfacesTallerThanTheLimitAreRefused() {
        #expect(throws: RasterError.surfaceTooLarge(width: 576, height: CairoImageSurface.maxHeight + 1)) {
            try CairoImageSurface(width: 576, height: CairoImageSurface.maxHeight + 1, format: .init(0))
        }
    }

    @Test(arguments: [0, -1, 2049])
    func badBandHeightsThrow(bandHeight: Int) {
        #expect(throws: RasterError.self) {
            try RasterRenderer.renderBands(SampleLayouts.bill(), bandHeight: bandHeight) { _ in }
        }
    }

    @Test func errorsFromTheBandConsumerStopTheRender() {
        struct Stop: Error {}
        var calls = 0
        #expect(throws: Stop.self) {
            try RasterRenderer.renderBands(SampleLayouts.bill(), bandHeight: 50) { _ in
                calls += 1
                throw Stop()
            }
        }
        #expect(calls == 1)
    }

    @Test func hugeFeedIsRefusedNotAllocated() {
        let layout = Layout(grid: SampleLayouts.grid80, blocks: [.feed(lines: Int.max)])
        #expect(throws: RasterError.self) { try RasterRenderer.png(layout) }
        let limited = RasterOptions(maxHeight: 1000)
        let tall = Layout(grid: SampleLayouts.grid80, blocks: Array(repeating: .feed(lines: 10), count: 5))
        #expect(throws: RasterError.tooTall(rows: 1200, limit: 1000)) {
            try RasterRenderer.bitmap(tall, options: limited)
        }
    }
}
