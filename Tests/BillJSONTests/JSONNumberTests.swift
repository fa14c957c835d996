import BillJSON
import Testing

/// `JSONNumber.int64` reads digits itself; it must agree with `Int64(_:)` on integer literals and
/// refuse everything else.
@Suite struct JSONNumberTests {
    @Test(arguments: [
        "0", "-0", "7", "007", "621", "-621", "+5", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "-9223372036854775809", "99999999999999999999",
    ])
    func integerLiteralsReadAsInt64Does(literal: String) {
        #expect(JSONNumber(literal: literal).int64 == Int64(literal))
    }

    @Test(arguments: ["", "-", "+", "6.21", "1e3", "1E3", "2.0", " 5", "5 ", "--5", "5-", "0x10", "١٢"])
    func anythingElseIsNotAnInt64(literal: String) {
        #expect(JSONNumber(literal: literal).int64 == nil)
    }

    /// An exponent as large as an Int can be is refused, not a trap (its magnitude overflowed `abs`).
    @Test func extremeExponentsAreRefused() {
        #expect(JSONNumber(literal: "1e-9223372036854775808").scaledExactly(byPowerOfTen: 0) == nil)
        #expect(JSONNumber(literal: "1e9223372036854775807").scaledExactly(byPowerOfTen: 2) == nil)
        #expect(JSONNumber(literal: "6.21e-1").scaledExactly(byPowerOfTen: 3) == 621)
    }
}
