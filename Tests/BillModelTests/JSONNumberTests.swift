import BillModel
import Testing

/// `JSONNumber.int64` reads digits itself; it must agree with `Int64(_:)` on integer literals and
/// refuse everything else.
@Suite struct JSONNumberTests {
    @Test(arguments: ["0", "-0", "7", "007", "621", "-621", "+5", "9223372036854775807", "-9223372036854775808",
                      "9223372036854775808", "-9223372036854775809", "99999999999999999999"])
    func integerLiteralsReadAsInt64Does(literal: String) {
        #expect(JSONNumber(literal: literal).int64 == Int64(literal))
    }

    @Test(arguments: ["", "-", "+", "6.21", "1e3", "1E3", "2.0", " 5", "5 ", "--5", "5-", "0x10", "١٢"])
    func anythingElseIsNotAnInt64(literal: String) {
        #expect(JSONNumber(literal: literal).int64 == nil)
    }
}
