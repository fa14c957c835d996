import BillLayout
import BillRaster
import PixelSupport
import TestSupport
import Testing

@Suite("PNG output")
struct RasterPNGTests {
    @Test func monochromePNGIsOneBitAndRoundTrips() throws {
        let layout = SampleLayouts.bill()
        let png = try RasterRenderer.png(layout)
        let chunks = try PixelPNG.chunks(png.bytes)
        let header = try #require(chunks.first)
        #expect(header.type == "IHDR" && header.data[8] == 1 && header.data[9] == 0)
        let image = try PixelPNG.decode(png.bytes)
        let direct = try RasterRenderer.bitmap(layout).bitmap
        #expect(image.width == direct.width && image.height == direct.height)
        var differing = 0
        for y in 0..<image.height {
            for x in 0..<image.width where (image[x, y] == 0) != direct[x, y] { differing += 1 }
        }
        #expect(differing == 0)
        #expect(Set(image.gray).isSubset(of: [0, 255]))
    }

    @Test(arguments: [2, 3])
    func monochromeScaleEnlargesEachDot(scale: Int) throws {
        let layout = Layout(
            grid: SampleLayouts.grid58, blocks: Array(SampleLayouts.bill(grid: SampleLayouts.grid58).blocks.prefix(8)))
        let one = try PixelPNG.decode(RasterRenderer.png(layout).bytes)
        let big = try PixelPNG.decode(RasterRenderer.png(layout, options: RasterOptions(scale: scale)).bytes)
        #expect(big.width == one.width * scale && big.height == one.height * scale)
        var differing = 0
        for y in 0..<big.height {
            for x in 0..<big.width where big[x, y] != one[x / scale, y / scale] { differing += 1 }
        }
        #expect(differing == 0)
    }

    @Test func grayStyleIsAntialiasedAndScaled() throws {
        let layout = SampleLayouts.bill()
        let png = try RasterRenderer.png(layout, options: RasterOptions(style: .gray, scale: 2))
        let chunks = try PixelPNG.chunks(png.bytes)
        #expect(chunks.first?.data[8] == 8)
        let image = try PixelPNG.decode(png.bytes)
        let mono = try RasterRenderer.png(layout)
        #expect(image.width == 1152 && image.height == mono.height * 2)
        // Smooth edges: many gray levels, not just black and white.
        #expect(Set(image.gray).count > 32)
    }

    @Test func emptyLayoutGivesAOneRowPNG() throws {
        let png = try RasterRenderer.png(Layout(grid: SampleLayouts.grid80, blocks: []))
        let image = try PixelPNG.decode(png.bytes)
        #expect(image.width == 576 && image.height == 1 && image.darkCount == 0)
    }

    @Test func sameLayoutSameBytes() throws {
        let a = try RasterRenderer.png(SampleLayouts.bill())
        let b = try RasterRenderer.png(SampleLayouts.bill())
        #expect(a == b)
    }

    @Test(arguments: [0, 9, -1])
    func invalidScaleThrows(scale: Int) {
        #expect(throws: RasterError.self) {
            try RasterRenderer.png(SampleLayouts.bill(), options: RasterOptions(scale: scale))
        }
    }

    @Test func missingFontThrows() {
        var options = RasterOptions()
        options.fonts = RasterFonts(regularPath: "/nonexistent/font.ttf", boldPath: "/nonexistent/bold.ttf")
        #expect(throws: RasterError.fontUnavailable(path: "/nonexistent/font.ttf")) {
            try RasterRenderer.png(SampleLayouts.bill(), options: options)
        }
    }
}
