import BillLayout
import BillText
import Foundation
import TestSupport
import Testing

/// Every bill of `golden/bills/` at 80 and 58 mm: the layout tree and the text output.
@Suite struct GoldenLayoutTests {
    static let bills = Repository.goldenBillNames

    @Test(arguments: bills)
    func layoutAndText(bill name: String) throws {
        let json = try Repository.goldenBill(name)
        for (paper, profile) in LayoutCheck.papers {
            let result = try LayoutCheck.layout(json: json, profile: profile)
            #expect(
                Golden.mismatch(LayoutTreeDumper.dump(result.layout), matches: "layout/\(name).\(paper).layout") == nil)
            let text = TextRenderer.render(result.layout)
            for line in text.split(separator: "\n") {
                #expect(DisplayWidth.of(line) <= profile.fonts[0].columns, "\(name) \(paper): \"\(line)\" is too wide")
            }
            #expect(Golden.mismatch(text, matches: "text/\(name).\(paper).txt") == nil)
        }
    }

    @Test func theCorpusIsBigEnough() {
        #expect(Self.bills.count >= 14)
        #expect(Self.bills.contains("spec-rest-example"))
        #expect(Self.bills.contains("docs-example"))
    }

    @Test(arguments: [16, 24, 42, 64, 100])
    func anyColumnCount(columns: Int) throws {
        for name in Self.bills {
            _ = try LayoutCheck.layout(json: try Repository.goldenBill(name), columns: columns)
        }
    }
}
