/// Builds one printed line from pieces of text and runs of spaces, as UTF-8 bytes in one buffer.
///
/// Joining with `+` and `String(repeating:count:)` costs an allocation and a slow path per piece;
/// a layout makes a few of these per line.
struct LineBuilder {
    private var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func spaces(_ count: Int) {
        bytes.append(contentsOf: repeatElement(0x20, count: max(0, count)))
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// The line built so far.
    var string: String { String(decoding: bytes, as: UTF8.self) }
}
