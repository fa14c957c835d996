/// Writes a whole number's decimal digits into a byte buffer, right to left, as `String(n)`
/// spells them (without the sign): the one digit writer behind diagnostic paths, messages and
/// percentages.
enum DecimalDigits {
    /// Writes `magnitude`'s digits so that the last ends just before `end`; returns where the first
    /// is. The buffer needs room for up to 20 digits before `end`.
    @inline(__always)
    static func write(_ magnitude: UInt64, into out: UnsafeMutableBufferPointer<UInt8>, endingAt end: Int) -> Int {
        var k = end
        var rest = magnitude
        repeat {
            k -= 1
            out[k] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        } while rest > 0
        return k
    }
}
