/// Packs a row of ink values (one byte a dot, 0 = paper … 255 = full ink) into 1-bit dots, the
/// one packing behind PNG rows, ESC/POS bands and bitmaps.
enum DotPacking {
    /// Writes `(ink.count + 7) / 8` bytes from `target[offset]`: eight dots a byte, the first dot in
    /// the high bit, 1 where a dot's ink is at least half (≥ 128). Unused low bits of the last byte
    /// are 0. With `inverted`, 1 marks paper instead (PNG grayscale, where 1 is white).
    static func pack(
        _ ink: UnsafeBufferPointer<UInt8>, into target: UnsafeMutableBufferPointer<UInt8>, at offset: Int,
        inverted: Bool = false
    ) {
        let whole = ink.count / 8
        let flip: UInt8 = inverted ? 0xFF : 0
        if let base = ink.baseAddress.map(UnsafeRawPointer.init) {
            for index in 0..<whole {
                // The high bit of each of eight dots, gathered into one byte by one multiplication
                // (the first dot, the lowest byte of the little-endian word, lands highest).
                let eight = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
                let inked = UInt8(
                    truncatingIfNeeded: (((eight >> 7) & 0x0101_0101_0101_0101) &* 0x8040_2010_0804_0201) >> 56)
                target[offset + index] = inked ^ flip
            }
        }
        let rest = ink.count - whole * 8
        guard rest > 0 else { return }
        var byte: UInt8 = 0
        for dot in (whole * 8)..<ink.count {
            byte = byte << 1 | ((ink[dot] >= 128 ? 1 : 0) ^ (flip & 1))
        }
        target[offset + whole] = byte << UInt8(8 - rest)
    }

    /// Bytes a packed row of `dots` dots takes.
    static func bytes(for dots: Int) -> Int { (dots + 7) / 8 }
}
