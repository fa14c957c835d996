/// Eight bytes of the input at a time, as one 64-bit word: the scans of the JSON reader (plain
/// string contents, indentation, backslashes) and its key comparisons.
package enum ByteWords {
    /// `0x01` in every byte of a word.
    package static let ones: UInt64 = 0x0101_0101_0101_0101
    /// `0x80` in every byte of a word.
    package static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes from `base + offset`, the first in the lowest bits. The caller makes sure
    /// all eight are inside its buffer.
    @inline(__always)
    package static func word(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }

    /// The high bit of each byte of `w` that is below `n` (`n` ≤ 0x80). Bytes above the lowest
    /// one marked may be marked wrongly (a borrow); the lowest one marked is always right.
    @inline(__always)
    package static func bytesBelow(_ n: UInt8, _ w: UInt64) -> UInt64 {
        (w &- ones &* UInt64(n)) & ~w & highBits
    }

    /// The high bit of each byte of `w` equal to `b`, with the same caveat as `bytesBelow`.
    @inline(__always)
    package static func bytesEqual(_ b: UInt8, _ w: UInt64) -> UInt64 {
        bytesBelow(1, w ^ (ones &* UInt64(b)))
    }
}
