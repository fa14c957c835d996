import BillLayout
import BillRaster
import TestSupport
import Testing

/// A picture drawn from the cache gives the same dots as one drawn by librsvg.
@Suite struct PictureCacheTests {
    @Test(arguments: [RasterOptions.Style.monochrome, .gray])
    func cachedPicturesDrawTheSameDots(style: RasterOptions.Style) throws {
        // A logo of its own, so that no other test has drawn it yet.
        let svg =
            "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 40 10'><rect x='1' y='1' width='\(style == .gray ? 37 : 38)' height='8' fill='#333'/></svg>"
        let grid = LayoutGrid(columns: 48, dotsWidth: 576, cellWidth: 12, cellHeight: 24)
        let layout = Layout(
            grid: grid,
            blocks: [
                .image(
                    ImageBlock(svg: svg, role: .logo, alignment: .center, sourcePath: "header.lines[0].logo.svgImage")),
                .image(
                    ImageBlock(svg: svg, role: .image, alignment: .right, sourcePath: "header.lines[1].image.svgImage")),
                .text(TextLine(text: "x", cells: 1)),
            ])
        let options = RasterOptions(style: style)
        let first = try RasterRenderer.png(layout, options: options)  // draws, then caches
        let second = try RasterRenderer.png(layout, options: options)  // from the cache
        #expect(first.bytes == second.bytes)
        #expect(first.height > 24)
        #expect(first.diagnostics.isEmpty && second.diagnostics.isEmpty)
    }
}
