/// The byte-level work on JSON string contents: checking UTF-8 and resolving escapes.
enum JSONStringBytes {
    /// Why string contents are not valid, with the offset of the byte at fault.
    struct Fault: Error {
        var offset: Int
        var message: String
    }

    /// True when `bytes[start..<end]` is well-formed UTF-8 (no overlong forms, no surrogates,
    /// nothing above U+10FFFF): the standard library's decoder decides, without making a `String`.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let contents = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let failed = transcode(
            contents.makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: true, into: { _ in })
        return !failed
    }

    /// The contents of `bytes[start..<end]` (between the quotes) with escapes resolved, appended to
    /// `out` (unless `write` is false: then the escapes are only checked). An unpaired surrogate
    /// becomes U+FFFD and is counted in `replaced`.
    static func unescape(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
        into out: inout [UInt8], replaced: inout Int, write: Bool = true
    ) throws(Fault) {
        var i = start
        while i < end {
            // The run up to the next escape goes over as it is.
            let j = firstBackslash(bytes, i, end)
            if write, j > i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j])) }
            i = j
            guard i < end else { return }
            guard i + 1 < end else { throw Fault(offset: i, message: "the input ends inside a string") }
            let e = bytes[i + 1]
            i += 2
            let byte: UInt8
            switch e {
            case UInt8(ascii: "\""): byte = 0x22
            case UInt8(ascii: "\\"): byte = 0x5C
            case UInt8(ascii: "/"): byte = 0x2F
            case UInt8(ascii: "b"): byte = 0x08
            case UInt8(ascii: "f"): byte = 0x0C
            case UInt8(ascii: "n"): byte = 0x0A
            case UInt8(ascii: "r"): byte = 0x0D
            case UInt8(ascii: "t"): byte = 0x09
            case UInt8(ascii: "u"):
                var scalar = try hex4(bytes, &i, end)
                if (0xD800...0xDBFF).contains(scalar) {
                    if i + 1 < end, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                        let save = i
                        i += 2
                        let low = try hex4(bytes, &i, end)
                        if (0xDC00...0xDFFF).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            i = save
                            scalar = 0xFFFD
                            replaced += 1
                        }
                    } else {
                        scalar = 0xFFFD
                        replaced += 1
                    }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    scalar = 0xFFFD
                    replaced += 1
                }
                if write { appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", to: &out) }
                continue
            default:
                throw Fault(offset: i - 1, message: "invalid escape '\\\(Character(Unicode.Scalar(e)))' in a string")
            }
            if write { out.append(byte) }
        }
    }

    /// The offset of the first backslash in `bytes[start..<end]`, or `end`: eight bytes at a time.
    @inline(__always)
    private static func firstBackslash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var j = start
        if let base = bytes.baseAddress, end <= bytes.count {
            while j + 8 <= end {
                let marks = ByteWords.bytesEqual(UInt8(ascii: "\\"), ByteWords.word(base, j))
                if marks != 0 { return j + marks.trailingZeroBitCount >> 3 }
                j += 8
            }
        }
        while j < end, bytes[j] != UInt8(ascii: "\\") { j += 1 }
        return j
    }

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int) throws(Fault) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            // The closing quote is not a hex digit: a short escape fails where the string ends.
            guard i < end else { throw Fault(offset: i, message: "invalid \\u escape") }
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 48...57: d = UInt32(b - 48)
            case 65...70: d = UInt32(b - 55)
            case 97...102: d = UInt32(b - 87)
            default: throw Fault(offset: i, message: "invalid \\u escape")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    private static func appendUTF8(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        let v = s.value
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }
}
