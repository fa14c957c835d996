import BillLayout
import Testing

@Suite struct WrapTests {
    @Test(arguments: [
        ("abc", 3), ("北京", 4), ("e\u{301}", 1), ("😀", 2), ("👩‍👩‍👧", 2), ("ｱ", 1), ("Ａ", 2), ("한국", 4),
        ("\u{200B}", 0), ("שלום", 4), ("£€", 2),
    ])
    func displayWidth(text: String, cells: Int) {
        #expect(DisplayWidth.of(text) == cells)
    }

    @Test func wrapsAtSpaces() {
        #expect(TextWrapper.wrap("the quick brown fox", width: 10).map(\.text) == ["the quick", "brown fox"])
    }

    @Test func breaksWordsLongerThanALine() {
        #expect(TextWrapper.wrap("abcdefghij", width: 4).map(\.text) == ["abcd", "efgh", "ij"])
    }

    @Test func wideCharactersNeverSplitAcrossTheEdge() {
        let lines = TextWrapper.wrap("北京烤鸭北京烤鸭", width: 5)
        #expect(lines.map(\.text) == ["北京", "烤鸭", "北京", "烤鸭"])
        #expect(lines.allSatisfy { $0.cells <= 5 })
    }

    @Test func keepsInnerSpacesAndDropsThemAtBreaks() {
        #expect(TextWrapper.wrap("Becky       15/03", width: 40).map(\.text) == ["Becky       15/03"])
        #expect(TextWrapper.wrap("aaaa    bbbb", width: 6).map(\.text) == ["aaaa", "bbbb"])
    }

    @Test func emptyTextIsOneEmptyLine() {
        #expect(TextWrapper.wrap("", width: 10) == [TextWrapper.Line(text: "", cells: 0)])
    }
}
