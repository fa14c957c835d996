import BillLayout
import BillModel
import BillText
import TestSupport
import Testing

/// What the foundation issue's "done when" asks of the spec example, checked line by line.
@Suite struct SpecExampleTests {
    func text(_ name: String, columns: Int? = nil) throws -> String {
        let result = try LayoutCheck.layout(json: try Repository.goldenBill(name), columns: columns)
        return TextRenderer.render(result.layout)
    }

    @Test func specExampleAt48Columns() throws {
        let t = try text("spec-rest-example")
        let lines = t.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        for expected in [
            "[logo]", "Dojo", "Brunel Building", "1 & 2 Canalside Walk", "London W2 1DG", "dojo@dojo.tech",
            "Welcome to Our Store!", "[image]", "Table 5", "Becky       15/03/2022 20:08", "Transaction:6328",
            "Thank you", "https://www.website.com", "Thank you for your business!", "VAT No. 342 6287 32",
        ] {
            #expect(lines.contains(expected), "missing \"\(expected)\"")
        }
        for row in [
            "2 x Pizza Pepperoni                       £24.70", "1 x Burger                                £10.90",
            "+ No Lettuce", "+ Extra Cheese", "+ Bacon", "10% discount                              -£6.21",
            "Service charge                            £62.95", "TOTAL                                     £62.95",
            "VAT 0.2%                                  £62.95",
        ] {
            #expect(lines.contains(row), "missing \"\(row)\"")
        }
        #expect(lines.first == "[logo]")
        #expect(lines.last == "VAT No. 342 6287 32")
        #expect(t.contains("█"))  // the QR in block characters
    }

    @Test func logoGoesToTheTopAndTaxNumbersToTheBottom() throws {
        let bill = OrderBill(
            header: BillSection(lines: [.taxNumber(name: "VAT", number: "1"), .merchantName("A"), .logo(svg: "<svg/>")]
            ),
            order: Order(), footer: BillSection(lines: [.text(BillLineText(value: "bye"))]))
        let blocks = try LayoutCheck.layout(bill).layout.blocks
        guard case .image(let logo) = blocks.first else {
            Issue.record("no logo first: \(blocks)")
            return
        }
        #expect(logo.sourcePath == "header.lines[2].logo.svgImage")
        #expect(blocks.last == .cut)
        guard case .text(let tax) = blocks[blocks.count - 2] else {
            Issue.record("no tax line last")
            return
        }
        #expect(tax.text == "VAT No. 1")
    }

    @Test func sizesMapToPrinterSizes() throws {
        let bill = OrderBill(
            header: BillSection(lines: [
                .text(BillLineText(value: "H1", size: .header1, align: .center, bold: true)),
                .text(BillLineText(value: "H2", size: .header2, align: .right)),
                .text(BillLineText(value: "B", size: .body)),
            ]), order: Order())
        let texts = try LayoutCheck.layout(bill).layout.blocks.compactMap {
            if case .text(let t) = $0 { t } else { nil }
        }
        #expect(texts[0].style == TextStyle(bold: true, widthScale: 2, heightScale: 2))
        #expect(texts[0].alignment == .center)
        #expect(texts[1].style == TextStyle(bold: false, widthScale: 1, heightScale: 2))
        #expect(texts[1].alignment == .right)
        #expect(texts[2].style == .body)
        #expect(texts[2].alignment == .left)
    }

    @Test func doubleWidthTextGetsHalfTheColumns() throws {
        let long = String(repeating: "word ", count: 20)
        let bill = OrderBill(
            header: BillSection(lines: [.text(BillLineText(value: long, size: .header1))]), order: Order())
        let texts = try LayoutCheck.layout(bill, profile: .generic58mm).layout.blocks.compactMap {
            if case .text(let t) = $0, t.style.widthScale == 2 { t } else { nil }
        }
        #expect(texts.count > 1)
        #expect(texts.allSatisfy { $0.cells <= 16 })
    }
}
