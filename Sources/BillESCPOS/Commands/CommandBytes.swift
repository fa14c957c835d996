/// The bytes of one printer command being read from offset `start` of a stream: how both command
/// parsers (ESC/POS's and Star's) read a command's arguments. Every read past the end is nil, so
/// an incomplete command is never read out of bounds.
package struct CommandBytes {
    private let bytes: [UInt8]
    private let start: Int

    package init(_ bytes: [UInt8], at start: Int) {
        self.bytes = bytes
        self.start = start
    }

    /// The command's `k`th byte.
    package func byte(_ k: Int) -> UInt8? {
        k >= 0 && start + k < bytes.count ? bytes[start + k] : nil
    }

    /// The little-endian 16-bit number in bytes `k` and `k + 1`.
    package func le16(_ k: Int) -> Int? {
        guard let lo = byte(k), let hi = byte(k + 1) else { return nil }
        return Int(lo) | Int(hi) << 8
    }

    /// `count` bytes from the command's byte `from`.
    package func slice(_ from: Int, _ count: Int) -> [UInt8]? {
        guard from >= 0, count >= 0, start + from + count <= bytes.count else { return nil }
        return Array(bytes[(start + from)..<(start + from + count)])
    }
}
