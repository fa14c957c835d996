import BillLayout
import BillSupport
import Testing

@testable import BillText

/// A QR code the text renderer takes from its cache is the one it draws afresh, for every width
/// (the cache key holds the columns) and level.
@Suite struct TextQRCacheTests {
    @Test(arguments: [16, 21, 32, 42, 48, 64, 160])
    func cachedQRCodeIsTheFreshDrawing(columns: Int) {
        let renderer = TextRenderer()
        for level in QRErrorCorrection.allCases {
            for payload in ["https://pay.example/b/\(columns)", String(repeating: "0123456789", count: 30)] {
                let qr = QRBlock(payload: payload, moduleSize: 5, errorCorrection: level, sourcePath: "")
                var fresh: [UInt8] = []
                renderer.drawQR(qr, columns: columns, to: &fresh)
                var first: [UInt8] = [0x41]
                renderer.appendQR(qr, columns: columns, to: &first)
                var second: [UInt8] = []
                renderer.appendQR(qr, columns: columns, to: &second)
                #expect(first == [0x41] + fresh)
                #expect(second == fresh)
            }
        }
    }
}
