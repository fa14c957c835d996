import BillLayout
import BillRaster
import Foundation
import Testing
import TestSupport

@Suite("Raster sample bill")
struct RasterSampleTests {
    @Test func sampleBillRendersToPNG() throws {
        let result = try RasterRenderer.png(SampleLayouts.bill())
        #expect(result.diagnostics.isEmpty)
        #expect(result.width == 576)
        let image = try PixelPNG.decode(result.bytes)
        #expect(image.width == 576 && image.height == result.height)
        try Data(result.bytes).write(to: URL(fileURLWithPath: "/tmp/billraster-sample.png"))
        let gray = try RasterRenderer.png(SampleLayouts.bill(), options: RasterOptions(style: .gray, scale: 2))
        try Data(gray.bytes).write(to: URL(fileURLWithPath: "/tmp/billraster-sample-gray.png"))
    }
}
