import BillBench
import BillESCPOS
import BillLayout
import BillModel
import BillProfiles
import BillRaster
import BillRender
import PixelSupport
import TestSupport
import Testing

/// Pictures, raster QR codes and whole-bill raster mode, checked against the PNG the raster back
/// end draws for the same layout and read back with the real `zbarimg`.
@Suite struct ESCPOSRasterModeTests {
    static let url = "https://www.website.com"

    func specLayout(_ profile: PrinterProfile) throws -> Layout {
        try LayoutCheck.layout(json: try Repository.goldenBill("spec-rest-example"), profile: profile).layout
    }

    @Test(arguments: LayoutCheck.papers.map(\.profile))
    func picturesPrintWhereThePNGShowsThem(profile: PrinterProfile) throws {
        let layout = try specLayout(profile)
        let output = try ESCPOSEncoder.encode(layout, profile: profile, pictures: RasterPictureRenderer())
        let decoded = ESCPOSDecoder.decode(output.bytes, profile: profile)
        #expect(decoded.problems == [])
        #expect(output.diagnostics == [])
        let png = try PixelPNG.decode(try RasterRenderer.png(layout).bytes).bitmap
        // The logo and the image line, each within the profile's band height, placed dot for dot
        // as in the PNG (the logo is the first thing on the paper).
        #expect(decoded.rasterImages.count == 2)
        let logo = try #require(decoded.rasterImages.first)
        #expect(png.firstRow(showing: logo) == 0)
        let image = try #require(decoded.rasterImages.last)
        #expect(png.firstRow(showing: image, from: logo.height) != nil)
        #expect(logo.blackCount > 1000 && image.blackCount > 1000)
        for case .rasterImage(_, let height, _) in decoded.commands { #expect(height <= 255) }
    }

    @Test(arguments: LayoutCheck.papers.map(\.profile))
    func rasterQRScansFromTheBandsOfTheStream(profile: PrinterProfile) throws {
        let layout = try specLayout(profile)
        let output = try ESCPOSEncoder.encode(
            layout, profile: profile, options: ESCPOSOptions(qr: .raster), pictures: RasterPictureRenderer())
        let decoded = ESCPOSDecoder.decode(output.bytes, profile: profile)
        #expect(decoded.problems == [])
        #expect(decoded.qrPayloads == [])
        #expect(!decoded.commands.contains(.qrPrint))
        #expect(decoded.rasterImages.count == 3)
        let qr = try #require(decoded.rasterImages.last)
        #expect(try ESCPOSZBar.decode(qr) == [Self.url])
        // The same dots as the PNG's QR code, in the same place.
        let png = try PixelPNG.decode(try RasterRenderer.png(layout).bytes).bitmap
        #expect(png.firstRow(showing: qr) != nil)
    }

    @Test func forcedRasterQRWithoutARasterCommandStaysNative() throws {
        var profile = PrinterProfile.generic80mm
        profile.capabilities.rasterCommands = []
        let output = try ESCPOSEncoder.encode(
            ESCPOSFixtures.docsExample(profile), profile: profile,
            options: ESCPOSOptions(qr: .raster), pictures: RasterPictureRenderer())
        #expect(ESCPOSDecoder.decode(output.bytes, profile: profile).qrPayloads == [Self.url])
    }

    @Test(arguments: LayoutCheck.papers.map(\.profile))
    func wholeBillRasterIsThePNGDotForDot(profile: PrinterProfile) throws {
        let layout = try specLayout(profile)
        let output = try ESCPOSEncoder.encode(
            layout, profile: profile, options: ESCPOSOptions(mode: .raster), pictures: RasterPictureRenderer())
        let decoded = ESCPOSDecoder.decode(output.bytes, profile: profile)
        #expect(decoded.problems == [])
        #expect(output.diagnostics == [])
        #expect(decoded.lines.allSatisfy { $0.isEmpty })
        #expect(!decoded.commands.contains { if case .text = $0 { true } else { false } })
        let heights = decoded.commands.compactMap { c -> Int? in
            if case .rasterImage(_, let h, _) = c { h } else { nil }
        }
        #expect(heights.count > 1 && heights.allSatisfy { $0 <= 255 })
        #expect(
            decoded.commands.suffix(2) == [
                .feedLines(UInt8(profile.capabilities.feedLinesBeforeCut)),
                .feedAndCut(partial: true, feed: 0),
            ])
        let printed = try #require(decoded.rasterImages.first)
        #expect(decoded.rasterImages.count == 1)
        let png = try PixelPNG.decode(try RasterRenderer.png(layout).bytes)
        #expect(printed == png.bitmap)
        #expect(try ESCPOSZBar.decode(printed) == [Self.url])
    }

    @Test func aRasterOnlyProfilePrintsRasterInItsOwnBandHeight() throws {
        let profile = PrinterProfile.raster80mm
        let layout = try specLayout(profile)
        let output = try ESCPOSEncoder.encode(layout, profile: profile, pictures: RasterPictureRenderer())
        let decoded = ESCPOSDecoder.decode(output.bytes, profile: profile)
        #expect(decoded.problems == [])
        #expect(output.diagnostics == [])
        let heights = decoded.commands.compactMap { c -> Int? in
            if case .rasterImage(_, let h, _) = c { h } else { nil }
        }
        #expect(heights.dropLast().allSatisfy { $0 == 128 } && heights.last.map { $0 <= 128 } == true)
        #expect(decoded.rasterImages.count == 1 && decoded.cuts == 1)
    }

    @Test func escStarWholeBillBandsAreWholeLines() throws {
        var profile = PrinterProfile.generic80mm
        profile.capabilities.rasterCommands = [.escStar]
        #expect(ESCPOSRaster.wholeBillBandHeight(profile) == 240)
        let layout = try specLayout(profile)
        let output = try ESCPOSEncoder.encode(
            layout, profile: profile, options: ESCPOSOptions(mode: .raster), pictures: RasterPictureRenderer())
        let decoded = ESCPOSDecoder.decode(output.bytes, profile: profile)
        #expect(decoded.problems == [])
        let png = try PixelPNG.decode(try RasterRenderer.png(layout).bytes).bitmap
        let printed = try #require(decoded.rasterImages.first)
        // ESC * prints 24 rows at a time: the last band is padded with white rows.
        #expect(printed.rows(0..<png.height) == png && printed.height - png.height < 24)
    }

    @Test(arguments: [PrinterProfile.generic80mm, .raster80mm])
    func aThreeThousandItemBillStreamsInBandsAndSmallSurfaces(profile: PrinterProfile) throws {
        let layout = try LayoutCheck.layout(json: BenchmarkCorpus.bill(items: 3000), profile: profile).layout
        let band = ESCPOSRaster.wholeBillBandHeight(profile)
        let pictures = MeasuringPictures()
        var stream: [UInt8] = []
        var largestChunk = 0
        let encoder = ESCPOSEncoder(profile: profile, options: ESCPOSOptions(mode: .raster), pictures: pictures)
        _ = try encoder.encode(layout) { chunk in
            largestChunk = max(largestChunk, chunk.count)
            stream += chunk
        }
        #expect(pictures.tallestSurface <= band)
        // Bytes leave in chunks of about 64 KiB: never more than a chunk and one band held.
        #expect(largestChunk <= (1 << 16) + band * profile.printableDots / 8 + 8)
        let decoded = ESCPOSDecoder.decode(stream, profile: profile)
        #expect(decoded.problems == [])
        let heights = decoded.commands.compactMap { c -> Int? in
            if case .rasterImage(_, let h, _) = c { h } else { nil }
        }
        #expect(heights.count > 200 && heights.allSatisfy { $0 <= band })
        #expect(decoded.cuts == 1)

        var tallestSurface = 0
        let png = try RasterRenderer.png(layout, options: RasterOptions(), tallestSurface: &tallestSurface)
        #expect(png.height == heights.reduce(0, +))
        #expect(tallestSurface <= 256)
    }

    @Test func aTallPictureIsSplitIntoBandsAndDrawnInSmallSurfaces() throws {
        let profile = PrinterProfile.generic80mm
        let svg =
            #"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="1000"><rect width="100" height="1000"/></svg>"#
        let layout = Layout(
            grid: ESCPOSFixtures.grid(profile),
            blocks: [
                .image(
                    ImageBlock(svg: svg, role: .image, alignment: .right, sourcePath: "footer.lines[0].image.svgImage")),
                .cut,
            ])
        let pictures = MeasuringPictures()
        let output = try ESCPOSEncoder.encode(layout, profile: profile, pictures: pictures)
        #expect(pictures.tallestSurface <= 255)
        let decoded = ESCPOSDecoder.decode(output.bytes, profile: profile)
        #expect(decoded.problems == [] && output.diagnostics == [])
        let heights = decoded.commands.compactMap { c -> Int? in
            if case .rasterImage(_, let h, _) = c { h } else { nil }
        }
        #expect(heights == [255, 255, 255, 235])
        // Right-aligned as the PNG places it: 100 dots wide, ending at the paper's edge.
        let picture = try #require(decoded.rasterImages.first)
        #expect(picture.width == 576 && picture.height == 1000)
        #expect(picture[475, 0] == false && picture[476, 0] && picture[575, 999])
    }
}

/// The raster back end as a picture renderer, noting the tallest Cairo surface it drew on.
final class MeasuringPictures: PictureRenderer, @unchecked Sendable {
    private var sessions: [RasterSession] = []
    private var tallestBand = 0

    /// The tallest surface of any session or whole-bill render so far, in rows.
    var tallestSurface: Int { max(tallestBand, sessions.map(\.tallestSurface).max() ?? 0) }

    func session(grid: LayoutGrid, stripRows: Int) throws -> any PictureSession {
        let session = try RasterSession(grid: grid, stripRows: stripRows)
        sessions.append(session)
        return session
    }

    func renderBands(_ layout: Layout, bandHeight: Int, body: (Bitmap) throws -> Void) throws -> [Diagnostic] {
        var tallest = 0
        defer { tallestBand = max(tallestBand, tallest) }
        return try RasterRenderer.renderBands(
            layout, bandHeight: bandHeight, options: RasterOptions(), tallestSurface: &tallest, body: body)
    }
}
