import BillModel
import Testing

@Suite struct SanitizerTests {
    @Test func removesEveryC0C1AndDEL() {
        var all = ""
        for v in UInt32(0)..<0xA0 { all.unicodeScalars.append(Unicode.Scalar(v)!) }
        let cleaned = TextSanitizer.sanitize(all)
        #expect(cleaned?.text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F || $0 == " " } == true)
        #expect(cleaned?.removed.count == 32 + 1 + 32)
        // Tab, LF and CR become spaces; the others go.
        #expect(cleaned?.text.hasPrefix("   !\"#") == false)
        #expect(TextSanitizer.sanitize("a\tb\nc\u{2028}d")?.text == "a b c d")
    }

    @Test func leavesCleanTextAlone() {
        #expect(TextSanitizer.sanitize("Crème brûlée £4.50 € 北京 😀") == nil)
    }
}
