import BillRaster
import BillRender
import Foundation
import Testing
import TestSupport

/// Every bill of the golden corpus, laid out by the real engine, draws without errors; the PNGs
/// are written to `.build/raster-samples/` for people to look at.
@Suite("Golden corpus through the raster back end")
struct CorpusRenderTests {
    @Test(arguments: Repository.goldenBillNames)
    func corpusBillRenders(name: String) throws {
        let folder = Repository.root.appendingPathComponent(".build/raster-samples")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let decoded = BillRenderer.decode(json: try Repository.goldenBill(name))
        guard let bill = decoded.bill else { return }
        for profile in [PrinterProfile.generic80mm, .generic58mm] {
            let laid = BillRenderer.layout(bill, options: RenderOptions(profile: profile))
            let png = try RasterRenderer.png(laid.layout)
            let image = try PixelPNG.decode(png.bytes)
            #expect(image.width == profile.printableDots)
            #expect(image.darkCount > 0)
            // Every picture in the corpus is valid SVG; QR codes fit.
            #expect(png.diagnostics.filter { $0.code != .invalidSVG && $0.code != .emptySVG }.isEmpty)
            try Data(png.bytes).write(to: folder.appendingPathComponent("\(name).\(profile.paperWidthMM)mm.png"))
        }
    }
}
