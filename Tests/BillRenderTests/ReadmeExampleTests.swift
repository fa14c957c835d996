import BillRender
import TestSupport
import Testing

/// The README's library example, line for line, so that it keeps compiling and working.
@Suite struct ReadmeExampleTests {
    @Test func theLibraryExample() throws {
        let json: [UInt8] = try Repository.goldenBill("spec-rest-example")
        let text = try BillRenderer.renderText(json: json)
        let escpos = try BillRenderer.render(
            json: json, format: .escpos,
            options: RenderOptions(profile: .generic58mm)
        ).bytes
        #expect(text.contains("£62.95"))
        #expect(escpos.starts(with: [0x1B, 0x40]))

        let decoded = BillRenderer.decode(json: json)
        #expect(decoded.diagnostics.map(\.description).first?.hasPrefix("warning: order.") == true)
        if let bill = decoded.bill {
            let laid = BillRenderer.layout(bill)
            #expect(LayoutTreeDumper.dump(laid.layout).hasPrefix("layout 48 columns, 576 dots"))
        }
    }

    @Test func strictRefusesWithTheDiagnostics() throws {
        let json = try Repository.goldenBill("docs-example")
        #expect(throws: BillRenderError.self) {
            try BillRenderer.render(json: json, format: .text, options: RenderOptions(strict: true))
        }
    }
}
