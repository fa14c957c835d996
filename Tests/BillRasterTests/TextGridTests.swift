import BillLayout
import BillRaster
import Testing

/// Glyphs sit in the layout's column grid, exactly where the printer puts its characters.
@Suite("Text on the column grid")
struct TextGridTests {
    /// The columns (x ranges) that hold ink in `bitmap`.
    func inkedColumns(_ bitmap: Bitmap) -> [Int] {
        (0..<bitmap.width).filter { x in (0..<bitmap.height).contains { bitmap[x, $0] } }
    }

    @Test(arguments: [
        SampleLayouts.grid80, SampleLayouts.grid58,
        LayoutGrid(columns: 64, dotsWidth: 576, cellWidth: 9, cellHeight: 17, font: 1),
    ])
    func everyCharacterStaysInItsCell(grid: LayoutGrid) throws {
        for bold in [false, true] {
            for column in stride(from: 0, to: grid.columns, by: 5) {
                let text = String(repeating: " ", count: column) + "W"
                let line = TextLine(text: text, style: TextStyle(bold: bold), cells: text.count)
                let result = try RasterRenderer.bitmap(.text(line), grid: grid)
                #expect(result.bitmap.height == grid.cellHeight)
                let inked = inkedColumns(result.bitmap)
                let cell = (column * grid.cellWidth)..<((column + 1) * grid.cellWidth)
                #expect(!inked.isEmpty && inked.allSatisfy { cell.contains($0) }, "column \(column) bold \(bold)")
            }
        }
    }

    @Test func doubleSizeTextTakesTwoCellsEachWayAndAligns() throws {
        let grid = SampleLayouts.grid80
        let style = TextStyle(bold: true, widthScale: 2, heightScale: 2)
        let right = TextLine(text: "£62.95", style: style, alignment: .right, cells: 6)
        let result = try RasterRenderer.bitmap(.text(right), grid: grid)
        #expect(result.bitmap.height == 48)
        let inked = inkedColumns(result.bitmap)
        // Six characters of 24 dots, flush right: from dot 576 - 144.
        #expect(inked.min().map { $0 >= 432 && $0 < 432 + 24 } == true)
        #expect(inked.max().map { $0 >= 576 - 24 } == true)
        // Each glyph lies within its own 24-dot cell.
        for index in 0..<6 {
            let cell = (432 + index * 24)..<(432 + (index + 1) * 24)
            #expect(inked.contains { cell.contains($0) })
        }
    }

    @Test(arguments: Alignment.allCases)
    func alignmentMatchesStartDot(alignment: Alignment) throws {
        let grid = SampleLayouts.grid58
        let line = TextLine(text: "MMM", alignment: alignment, cells: 3)
        let inked = inkedColumns(try RasterRenderer.bitmap(.text(line), grid: grid).bitmap)
        let start = line.startDot(grid: grid)
        #expect(inked.allSatisfy { (start..<(start + 36)).contains($0) })
        #expect(inked.contains { $0 < start + 12 } && inked.contains { $0 >= start + 24 })
    }

    @Test func boldIsHeavier() throws {
        let grid = SampleLayouts.grid80
        let regular = try RasterRenderer.bitmap(.text(TextLine(text: "Margherita £19.00", cells: 17)), grid: grid)
        let bold = try RasterRenderer.bitmap(
            .text(TextLine(text: "Margherita £19.00", style: TextStyle(bold: true), cells: 17)), grid: grid)
        #expect(bold.bitmap.blackCount > regular.bitmap.blackCount * 5 / 4)
    }

    @Test func poundSignIsDrawn() throws {
        let grid = SampleLayouts.grid80
        let pound = try RasterRenderer.bitmap(.text(TextLine(text: "£", cells: 1)), grid: grid)
        let hash = try RasterRenderer.bitmap(.text(TextLine(text: "#", cells: 1)), grid: grid)
        #expect(pound.bitmap.blackCount > 20)
        #expect(pound.bitmap != hash.bitmap)
    }

    @Test func rulesSpanTheColumns() throws {
        for (kind, grid) in [(RuleKind.single, SampleLayouts.grid80), (.double, SampleLayouts.grid58)] {
            let inked = inkedColumns(try RasterRenderer.bitmap(.rule(kind), grid: grid).bitmap)
            // Every cell holds part of the rule.
            for column in 0..<grid.columns {
                #expect(inked.contains { ($0 / grid.cellWidth) == column })
            }
        }
    }

    @Test func feedIsBlankLinesAndCutPrintsNothing() throws {
        let grid = SampleLayouts.grid80
        let feed = try RasterRenderer.bitmap(.feed(lines: 3), grid: grid)
        #expect(feed.bitmap.height == 72 && feed.bitmap.blackCount == 0)
        let cut = try RasterRenderer.bitmap(.cut, grid: grid)
        #expect(cut.bitmap.height == 0)
        let negative = try RasterRenderer.bitmap(.feed(lines: -5), grid: grid)
        #expect(negative.bitmap.height == 0)
    }

    @Test func ideographsComeFromTheShapingFontsAfterTheLatinCells() throws {
        let grid = SampleLayouts.grid80
        let line = TextLine(text: "ab北京cd", cells: 8)
        let withFonts = try RasterRenderer.bitmap(.text(line), grid: grid).bitmap
        var options = RasterOptions()
        options.fonts.fallbackPaths = []
        options.fonts.shapingPaths = []
        let withoutFonts = try RasterRenderer.bitmap(.text(line), grid: grid, options: options).bitmap
        // The printer font has no ideographs: without the shaping fonts they are boxes.
        #expect(withFonts != withoutFonts)
        // "ab" keeps its cells (0..<24); the ideographs follow at their shaped width, narrower
        // than their two cells each, and the line ends before its eighth cell.
        let ink = inkedColumns(withFonts)
        let ab = inkedColumns(try RasterRenderer.bitmap(.text(TextLine(text: "ab", cells: 2)), grid: grid).bitmap)
        #expect(ink.contains { $0 < 24 } && ab.allSatisfy { $0 < 24 })
        #expect(ink.contains { (24..<48).contains($0) } && ink.contains { (48..<72).contains($0) })
        #expect(ink.allSatisfy { $0 < 96 })
    }

    @Test func missingFallbackFontIsSkipped() throws {
        let line = LayoutBlock.text(TextLine(text: "北京 duck", cells: 9))
        var missing = RasterOptions()
        missing.fonts.fallbackPaths = ["/nonexistent/fallback.ttf"]
        var none = RasterOptions()
        none.fonts.fallbackPaths = []
        let grid = SampleLayouts.grid80
        #expect(
            try RasterRenderer.bitmap(line, grid: grid, options: missing)
                == RasterRenderer.bitmap(line, grid: grid, options: none))
    }
}
