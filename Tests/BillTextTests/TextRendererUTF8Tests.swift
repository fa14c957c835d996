import BillLayout
import BillModel
import BillText
import TestSupport
import Testing

/// The bytes API gives exactly the UTF-8 of the text API, on every golden bill.
@Suite struct TextRendererUTF8Tests {
    @Test func bytesAreTheTextsUTF8() throws {
        for name in Repository.goldenBillNames {
            guard let bill = BillDecoder.decode(bytes: try Repository.goldenBill(name)).bill else { continue }
            let layout = LayoutEngine.layout(bill).layout
            #expect(TextRenderer.renderUTF8(layout) == Array(TextRenderer.render(layout).utf8), "\(name)")
        }
    }
}
