/// Walks valid UTF-8 as it prints: runs of ASCII (copied whole) and the other scalars one by one,
/// decoded from their bytes. Cheaper than `unicodeScalars`, which checks each index it makes.
enum UTF8Walk {
    /// Calls `ascii` with each run of ASCII bytes and `scalar` with each other scalar of `utf8`,
    /// in order.
    @inline(__always)
    static func walk(
        _ utf8: UnsafeBufferPointer<UInt8>, ascii: (UnsafeBufferPointer<UInt8>) -> Void,
        scalar: (Unicode.Scalar) -> Void
    ) {
        var i = 0
        while i < utf8.count {
            let start = i
            while i < utf8.count && utf8[i] < 0x80 { i += 1 }
            if i > start { ascii(UnsafeBufferPointer(rebasing: utf8[start..<i])) }
            guard i < utf8.count else { return }
            var decoder = UTF8()
            var rest = utf8[i...].makeIterator()
            guard case .scalarValue(let decoded) = decoder.decode(&rest) else { return }  // not valid UTF-8: never
            scalar(decoded)
            i += UTF8.width(decoded)
        }
    }
}
