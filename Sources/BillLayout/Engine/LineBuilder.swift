/// Builds one printed line from runs of spaces and pieces of text, written straight into the
/// storage of the new string: one allocation for the line.
///
/// Joining with `+` and `String(repeating:count:)` costs an allocation and a slow path per piece,
/// and building the bytes in an array first costs a second allocation and a copy; a layout makes
/// one of these per line.
enum LineBuilder {
    /// `leading` spaces, `first`, `gap` spaces, then `second` (negative counts are no spaces).
    static func line(_ leading: Int, _ first: String, _ gap: Int = 0, _ second: String = "") -> String {
        let leading = max(0, leading)
        let gap = max(0, gap)
        let count = leading + first.utf8.count + gap + second.utf8.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            var end = 0
            func spaces(_ n: Int) {
                UnsafeMutableBufferPointer(rebasing: buffer[end..<end + n]).initialize(repeating: UInt8(ascii: " "))
                end += n
            }
            func text(_ piece: String) {
                let written = UnsafeMutableBufferPointer(rebasing: buffer[end...]).initialize(
                    fromContentsOf: piece.utf8)
                end += written
            }
            spaces(leading)
            text(first)
            spaces(gap)
            text(second)
            return end
        }
    }
}
