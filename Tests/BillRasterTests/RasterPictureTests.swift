import BillLayout
import BillModel
import BillQR
import BillSupport
import TestSupport
import Testing

@testable import BillRaster

/// Logos, image lines and QR codes in a layout, and what happens when one cannot be drawn.
@Suite("Pictures and QR codes in a layout")
struct RasterPictureTests {
    let grid = SampleLayouts.grid80

    func inkedColumns(_ bitmap: Bitmap) -> ClosedRange<Int>? {
        let columns = (0..<bitmap.width).filter { x in (0..<bitmap.height).contains { bitmap[x, $0] } }
        guard let first = columns.first, let last = columns.last else { return nil }
        return first...last
    }

    @Test func logoIsHalfTheWidthAndCentred() throws {
        let block = LayoutBlock.image(
            ImageBlock(
                svg: SampleLayouts.dojoLogo, role: .logo, alignment: .center,
                sourcePath: "header.lines[0].logo.svgImage"))
        let result = try RasterRenderer.bitmap(block, grid: grid)
        #expect(result.diagnostics.isEmpty)
        // 389 × 100 fitted into 288 × 120: 288 × 74.
        #expect(result.bitmap.height == 74)
        let inked = try #require(inkedColumns(result.bitmap))
        #expect(
            inked.lowerBound >= 144 && inked.lowerBound <= 146 && inked.upperBound >= 429 && inked.upperBound <= 432)
    }

    @Test(arguments: Alignment.allCases)
    func imageLinesAlign(alignment: Alignment) throws {
        let svg =
            #"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="20"><rect width="100" height="20"/></svg>"#
        let block = LayoutBlock.image(ImageBlock(svg: svg, role: .image, alignment: alignment, sourcePath: "p"))
        let result = try RasterRenderer.bitmap(block, grid: grid)
        let inked = try #require(inkedColumns(result.bitmap))
        #expect(result.bitmap.height == 20 && inked.count == 100)
        let expected =
            switch alignment {
            case .left: 0
            case .center: 238
            case .right: 476
            }
        #expect(inked.lowerBound == expected)
    }

    @Test func imageWithoutNaturalSizeFillsTheWidth() throws {
        let block = LayoutBlock.image(
            ImageBlock(svg: SampleLayouts.dojoLogo, role: .image, alignment: .left, sourcePath: "p"))
        let result = try RasterRenderer.bitmap(block, grid: grid)
        #expect(result.bitmap.height == 148)
    }

    @Test func invalidSVGIsSkippedWithADiagnostic() throws {
        let bad = LayoutBlock.image(
            ImageBlock(
                svg: "<svg><g>", role: .image, alignment: .center,
                sourcePath: "header.lines[5].image.svgImage"))
        let empty = LayoutBlock.image(
            ImageBlock(
                svg: " ", role: .logo, alignment: .center,
                sourcePath: "header.lines[0].logo.svgImage"))
        let line = LayoutBlock.text(TextLine(text: "Dojo", cells: 4))
        let result = try RasterRenderer.bitmap(Layout(grid: grid, blocks: [empty, line, bad, line]))
        let clean = try RasterRenderer.bitmap(Layout(grid: grid, blocks: [line, line]))
        #expect(result.bitmap == clean.bitmap)
        #expect(result.diagnostics.map(\.code) == [.emptySVG, .invalidSVG])
        #expect(result.diagnostics.map(\.path) == ["header.lines[0].logo.svgImage", "header.lines[5].image.svgImage"])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func qrCodeDecodesToTheURL() throws {
        let png = try RasterRenderer.png(SampleLayouts.bill())
        #expect(try ZBar.decode(png: png.bytes, name: "bill") == [SampleLayouts.qrURL])
    }

    @Test(arguments: QRErrorCorrection.allCases)
    func qrCodeDecodesOn58mmAtEveryLevel(level: QRErrorCorrection) throws {
        let url = "https://pay.dojo.tech/bill/7d3f2c1a-95e4-4b8e-a1f0-3c2d9e8b7a64?table=12&lang=en-GB"
        let layout = Layout(
            grid: SampleLayouts.grid58,
            blocks: [
                .qrCode(
                    QRBlock(payload: url, moduleSize: 4, errorCorrection: level, sourcePath: "footer.lines[1].url.url"))
            ])
        for options in [RasterOptions(), RasterOptions(style: .gray, scale: 2)] {
            let png = try RasterRenderer.png(layout, options: options)
            #expect(png.diagnostics.isEmpty)
            #expect(try ZBar.decode(png: png.bytes, name: "qr-\(level.rawValue)") == [url])
        }
    }

    @Test func qrCodeHasItsQuietZoneAndModuleSize() throws {
        let qr = LayoutBlock.qrCode(
            QRBlock(payload: SampleLayouts.qrURL, moduleSize: 6, errorCorrection: .medium, sourcePath: "u"))
        let result = try RasterRenderer.bitmap(qr, grid: grid)
        // Version 2 (25 modules) + 2 × 4 quiet modules, 6 dots each.
        #expect(result.bitmap.height == 33 * 6)
        let inked = try #require(inkedColumns(result.bitmap))
        #expect(inked.count == 25 * 6)
        #expect(inked.lowerBound == (576 - 198) / 2 + 24)
        // The top quiet zone is blank.
        #expect(result.bitmap.rows(0..<24).blackCount == 0)
    }

    @Test func oversizedModulesShrinkToFitThePaper() throws {
        let qr = LayoutBlock.qrCode(
            QRBlock(
                payload: String(repeating: "x", count: 400), moduleSize: 8,
                errorCorrection: .high, sourcePath: "u"))
        let result = try RasterRenderer.bitmap(qr, grid: SampleLayouts.grid58)
        #expect(result.diagnostics.isEmpty)
        #expect(result.bitmap.height <= 384 && result.bitmap.blackCount > 0)
    }

    @Test func tooLongQRIsSkippedWithADiagnostic() throws {
        let qr = LayoutBlock.qrCode(
            QRBlock(
                payload: String(repeating: "x", count: 3000), moduleSize: 4,
                errorCorrection: .low, sourcePath: "footer.lines[2].url.url"))
        let result = try RasterRenderer.bitmap(Layout(grid: grid, blocks: [qr, .feed(lines: 1)]))
        #expect(result.bitmap.height == 24)
        #expect(
            result.diagnostics == [
                Diagnostic(
                    .warning, .qrTooLong, at: "footer.lines[2].url.url",
                    "the URL has 3000 bytes, too long for a QR code; the QR code is left out")
            ])
    }
}

@Suite("Bounds on caller-supplied sizes")
struct RasterBoundsTests {
    @Test func hugeQRModulesAreClamped() throws {
        let matrix = try QREncoder.encode("x", errorCorrection: .low)
        let bitmap = QRRaster.bitmap(matrix, moduleSize: Int.max, quietZone: Int.max)
        #expect(bitmap.width == (21 + 2 * QRRaster.maxQuietZone) * QRRaster.maxModuleSize)
        let layout = Layout(
            grid: SampleLayouts.grid80,
            blocks: [
                .qrCode(QRBlock(payload: "x", moduleSize: Int.max, errorCorrection: .low, sourcePath: "u"))
            ])
        #expect(try RasterRenderer.bitmap(layout).bitmap.width == 576)
    }

    @Test func overlongLineIsClippedAtThePaperEdge() throws {
        let text = String(repeating: "W", count: 200_000)
        let line = LayoutBlock.text(
            TextLine(text: text, style: TextStyle(widthScale: 8, heightScale: 8), cells: 200_000))
        let result = try RasterRenderer.bitmap(line, grid: SampleLayouts.grid58)
        #expect(result.bitmap.width == 384 && result.bitmap.height == 192 && result.bitmap.blackCount > 0)
    }

    @Test(arguments: [(0, 10), (10, 0), (Int.max, 10), (10, 1 << 40)])
    func svgBoxOutOfRangeThrows(width: Int, height: Int) {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>"#
        #expect(throws: RasterError.self) { try SVGRasterizer().bitmap(svg, maxWidth: width, maxHeight: height) }
    }

    @Test(arguments: [
        LayoutGrid(columns: 0, dotsWidth: 576, cellWidth: 12, cellHeight: 24),
        LayoutGrid(columns: 48, dotsWidth: Int.max, cellWidth: 12, cellHeight: 24),
        LayoutGrid(columns: 48, dotsWidth: 576, cellWidth: 12, cellHeight: -24),
        LayoutGrid(columns: 48, dotsWidth: 576, cellWidth: Int.max, cellHeight: 24),
    ])
    func badGridThrows(grid: LayoutGrid) {
        #expect(throws: RasterError.self) { try RasterRenderer.png(Layout(grid: grid, blocks: [.feed(lines: 1)])) }
    }
}
