import BillESCPOS
import BillLayout
import BillModel
import BillProfiles
import BillRaster
import TestSupport
import Testing

/// The ESC/POS encoder with the raster back end drawing its pictures: raster QR codes that scan,
/// lines no code table holds drawn where the PNG draws them, pictures that cannot be drawn.
struct ESCPOSPictureTests {
    /// Encodes with the raster back end, decodes and checks the decoder's invariants.
    func render(
        _ layout: Layout, _ profile: PrinterProfile = .generic80mm,
        _ options: ESCPOSOptions = ESCPOSOptions()
    ) throws -> (ESCPOSOutput, ESCPOSDecoded) {
        let output = try ESCPOSEncoder.encode(
            layout, profile: profile, options: options, pictures: RasterPictureRenderer())
        let decoded = ESCPOSDecoder.decode(output.bytes, profile: profile)
        #expect(decoded.problems == [])
        return (output, decoded)
    }

    @Test(arguments: [RasterCommand.gsV0, .gsParenL, .escStar])
    func withoutNativeQRTheQRIsRasterAndScans(_ command: RasterCommand) throws {
        var profile = PrinterProfile.generic80mm
        profile.capabilities.nativeQR = false
        profile.capabilities.rasterCommands = [command]
        let (output, decoded) = try render(ESCPOSFixtures.docsExample(profile), profile)
        #expect(!output.bytes.containsSequence([0x1D, 0x28, 0x6B]))
        #expect(decoded.qrPayloads == [])
        #expect(output.diagnostics == [])
        let image = try #require(decoded.rasterImages.first)
        #expect(decoded.rasterImages.count == 1)
        #expect(image.width <= profile.printableDots)
        #expect(try ESCPOSZBar.decode(image) == ["https://www.website.com"])
    }

    @Test func rasterQRBandsKeepToTheProfilesBandHeight() throws {
        let profile = PrinterProfile.raster80mm
        let payload = "https://example.com/" + String(repeating: "x", count: 300)
        let layout = Layout(
            grid: ESCPOSFixtures.grid(profile),
            blocks: [
                .qrCode(QRBlock(payload: payload, moduleSize: 6, errorCorrection: .medium, sourcePath: "u")), .cut,
            ])
        let output = try ESCPOSEncoder.encode(layout, profile: profile, pictures: RasterPictureRenderer())
        let decoded = ESCPOSDecoder.decode(output.bytes, profile: profile)
        #expect(decoded.problems == [])
        let heights = decoded.commands.compactMap { c -> Int? in
            if case .rasterImage(_, let h, _) = c { h } else { nil }
        }
        #expect(heights.count > 1 && heights.allSatisfy { $0 <= 128 })
        #expect(try ESCPOSZBar.decode(try #require(decoded.rasterImages.first)) == [payload])
    }

    @Test(arguments: [RasterCommand.gsV0, .gsParenL, .escStar])
    func linesNoTableHoldsPrintAsRasterWhereThePNGDrawsThem(_ command: RasterCommand) throws {
        var profile = PrinterProfile.generic80mm
        profile.capabilities.rasterCommands = [command]
        let grid = ESCPOSFixtures.grid(profile)
        let line = TextLine(text: "2 x 寿司 🍣", style: TextStyle(bold: true), alignment: .center, cells: 11)
        let layout = Layout(
            grid: grid, blocks: [ESCPOSFixtures.text("Before"), .text(line), ESCPOSFixtures.text("After"), .cut])
        let (output, decoded) = try render(layout, profile)
        #expect(ESCPOSDecoder.trimmed(decoded.lines) == ["Before", "After"])
        #expect(!decoded.lines.joined().contains("?"))
        // One diagnostic for the bill, saying which characters and lines went as raster (the
        // shaping fonts draw the ideographs and the emoji).
        #expect(
            output.diagnostics.map(\.message) == [
                "characters in no code table of profile generic-80mm (\"寿司🍣\"): line 2 is printed as raster"
            ])
        #expect(output.diagnostics.map(\.code) == [.unprintableCharacter])
        // The printed dots are the raster back end's line, in the same place (left margin kept).
        let printed = try #require(decoded.rasterImages.first)
        let drawn = try RasterRenderer.bitmap(.text(line), grid: grid).bitmap
        // ESC * included: its last band feeds only the picture's rows, so the paper is the PNG's height.
        #expect(printed.height == drawn.height)
        for y in 0..<drawn.height {
            for x in 0..<drawn.width where drawn[x, y] != printed[x, y] {
                Issue.record("dot \(x),\(y) differs")
                return
            }
        }
        #expect(drawn.blackCount == printed.blackCount && drawn.blackCount > 0)
    }

    @Test func anEmptyPictureIsLeftOutWithADiagnostic() throws {
        let profile = PrinterProfile.generic80mm
        let layout = Layout(
            grid: ESCPOSFixtures.grid(profile),
            blocks: [
                .image(
                    ImageBlock(
                        svg: "<svg/>", role: .logo, alignment: .center, sourcePath: "header.lines[0].logo.svgImage")),
                ESCPOSFixtures.text("Dojo"), .cut,
            ])
        let (output, decoded) = try render(layout, profile)
        #expect(decoded.lines.first == "Dojo")
        #expect(output.diagnostics.map(\.path) == ["header.lines[0].logo.svgImage"])
    }
}
