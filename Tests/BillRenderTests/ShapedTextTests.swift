import BillLayout
import BillModel
import BillRaster
import BillRender
import TestSupport
import Testing

/// Shaped lines: prices stay in the price column, wraps fit the paper as drawn and fall between
/// words, and a character no font has is named.
struct ShapedTextTests {
    static func bill(items: [String], footer: String = "Thank you") -> [UInt8] {
        let lines = items.map { name in
            #"{"name": "\#(name)", "plu": "1", "quantity": 2, "amountPerItem": {"value": 650, "currencyCode": "GBP"}}"#
        }
        let json = #"""
            {"header": {"lines": []}, "order": {"id": "1", "status": "Accepted", "items": [\#(lines.joined(separator: ","))],
             "totalAmount": {"value": \#(items.count * 1300 + 1), "currencyCode": "GBP"}},
             "footer": {"lines": [{"lineType": "Text", "text": {"value": "\#(footer)", "size": "Body", "align": "Center"}}]}}
            """#
        return Array(json.utf8)
    }

    /// The rightmost inked column of each item row, drawn alone.
    static func amountEnds(of json: [UInt8]) throws -> [Int] {
        let laid = BillRenderer.layout(try #require(BillRenderer.decode(json: json).bill))
        var ends: [Int] = []
        for block in laid.layout.blocks {
            guard case .text(let line) = block, line.text.hasSuffix("£13.00") else { continue }
            let bitmap = try RasterRenderer.bitmap(block, grid: laid.layout.grid).bitmap
            let inked = (0..<bitmap.width).filter { x in (0..<bitmap.height).contains { bitmap[x, $0] } }
            ends.append(try #require(inked.last))
        }
        return ends
    }

    @Test func pricesEndInTheSameColumnWhateverTheScriptOfTheName() throws {
        let latin = try Self.amountEnds(of: Self.bill(items: ["Hummus"]))
        let shaped = try Self.amountEnds(
            of: Self.bill(items: ["حمص بالطحينة", "שקשוקה עם לחם", "पनीर टिक्का", "ต้มยำกุ้ง", "北京烤鸭", "Pizza 🍕"]))
        #expect(latin.count == 1 && shaped.count == 6)
        #expect(shaped.allSatisfy { $0 == latin[0] }, "\(shaped) against \(latin)")
    }

    @Test func shapedWordsWrapBetweenWordsAndFitThePaperAsDrawn() throws {
        let name = "ข้าวเหนียวมะม่วง ข้าวเหนียวมะม่วง ข้าวเหนียวมะม่วง ข้าวเหนียวมะม่วง ข้าวเหนียวมะม่วง"
        let measure = ShapedTextMeasure()
        let grid = LayoutGrid(columns: 32, dotsWidth: 384, cellWidth: 12, cellHeight: 24)
        let lines = TextWrapper.wrap(name, width: 20) { measure.drawnCells(of: $0, style: .body, grid: grid) }
        #expect(lines.count >= 3)
        // Whole words only, in order.
        #expect(lines.map(\.text).joined(separator: " ") == name)
        for line in lines {
            let drawn = try #require(measure.drawnCells(of: line.text[...], style: .body, grid: grid))
            #expect(drawn <= 20, "\"\(line.text)\" takes \(drawn) cells drawn")
            #expect(line.cells == DisplayWidth.of(line.text))
        }
    }

    @Test func aCharacterNoFontHasIsNamedInAWarning() throws {
        // Adlam: no font billrender ships has it.
        let json = Self.bill(items: ["\u{1E900}\u{1E901} Hummus"])
        let png = try BillRenderer.render(json: json, format: .png)
        let messages = png.diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("U+1E900") && $0.contains("U+1E901") }, "\(messages)")
        // A character the fonts have draws without a warning.
        let fine = try BillRenderer.render(json: Self.bill(items: ["حمص 🍕 北京"]), format: .png)
        #expect(!fine.diagnostics.contains { $0.code == .unprintableCharacter })
    }
}
