import BillProfiles
import BillRaster
import BillRender
import Foundation
import PixelSupport
import TestSupport
import Testing

/// Every bill of the golden corpus, laid out by the real engine, drawn as a 1-bit PNG at 80 and
/// 58 mm and compared by decoded pixels with `golden/png/NAME.PAPER.png` (record with
/// `BILLRENDER_RECORD=1`, then look at every changed image).
@Suite("Golden corpus through the raster back end")
struct CorpusRenderTests {
    @Test(arguments: Repository.goldenBillNames)
    func corpusBillMatchesItsPNGGoldens(name: String) throws {
        let json = try Repository.goldenBill(name)
        for (paper, profile) in LayoutCheck.papers {
            let layout = try LayoutCheck.layout(json: json, profile: profile).layout
            let png = try RasterRenderer.png(layout)
            let image = try PixelPNG.decode(png.bytes)
            #expect(image.width == profile.printableDots)
            #expect(image.darkCount > 0)
            // Every picture in the corpus is valid SVG; QR codes fit.
            #expect(
                png.diagnostics.filter { $0.code != .invalidSVG && $0.code != .emptySVG }.isEmpty, "\(name) \(paper)")
            #expect(PixelGolden.mismatch(png: png.bytes, matches: "png/\(name).\(paper).png") == nil)
        }
    }

    @Test(arguments: LayoutCheck.papers.map(\.profile))
    func theSpecExamplesQRCodeScansFromThePNG(profile: PrinterProfile) throws {
        let layout = try LayoutCheck.layout(json: try Repository.goldenBill("spec-rest-example"), profile: profile)
            .layout
        let png = try RasterRenderer.png(layout)
        #expect(try ZBar.decode(png: png.bytes, name: "spec-\(profile.paperWidthMM)") == ["https://www.website.com"])
    }
}
