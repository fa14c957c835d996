import BillLayout
import BillRaster
import Foundation
import PixelSupport
import TestSupport
import Testing

@Suite("Raster sample bill")
struct RasterSampleTests {
    @Test func sampleBillRendersToPNG() throws {
        let result = try RasterRenderer.png(SampleLayouts.bill())
        #expect(result.diagnostics.isEmpty)
        #expect(result.width == 576)
        let image = try PixelPNG.decode(result.bytes)
        #expect(image.width == 576 && image.height == result.height)
        // Written for people to look at: .build/raster-samples/*.png.
        let folder = PixelCompare.outputFolder.deletingLastPathComponent().appendingPathComponent("raster-samples")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(result.bytes).write(to: folder.appendingPathComponent("bill-80mm.png"))
        let gray = try RasterRenderer.png(SampleLayouts.bill(), options: RasterOptions(style: .gray, scale: 2))
        #expect(gray.diagnostics.isEmpty)
        try Data(gray.bytes).write(to: folder.appendingPathComponent("bill-80mm-gray-2x.png"))
        let narrow = try RasterRenderer.png(SampleLayouts.bill(grid: SampleLayouts.grid58))
        try Data(narrow.bytes).write(to: folder.appendingPathComponent("bill-58mm.png"))
    }
}
