/// One thing an ESC/POS printer sent back.
public enum PrinterResponse: Sendable, Equatable {
    /// One real-time status byte, the answer to a `DLE EOT n` (bit pattern `0xx1xx10`).
    case realTimeStatus(UInt8)
    /// A four-byte automatic status block (`GS a`): the first byte `0xx1xx00`, the others `0xx0xxxx`.
    case automaticStatus([UInt8])
    /// A Star automatic status (Star Line Mode and StarPRNT): header 1 `0xx0xxx1`, whose bits 1–3
    /// and 5 give the block's length in bytes, header 2 (the version), then the printer status bytes.
    case starAutomaticStatus([UInt8])
    /// A process-ID answer to `GS ( H` function 48: `37h 22h d1 d2 d3 d4 00h`.
    case processID([UInt8])
    /// Another "header to NUL" block (`37h` or `5Fh` header), its bytes after the header.
    case block(header: UInt8, data: [UInt8])
    /// XON (`11h`) or XOFF (`13h`).
    case flowControl(UInt8)
    /// A byte that fits none of the above.
    case unknown(UInt8)
}

/// Splits what a printer sends back into responses, however the bytes arrive (a byte at a time or
/// many at once), as Epson's reference tells them apart ("Transmission status identification":
/// real-time status `0xx1xx10`, ASB first byte `0xx1xx00` and three bytes `0xx0xxxx`, blocks that
/// start with a header and end with NUL; see
/// https://download4.epson.biz/sec_pubs/pos/reference_en/escpos/gs_a.html and
/// https://download4.epson.biz/sec_pubs/pos/reference_en/escpos/gs_lparen_ch_fn48.html).
/// Real-time status is answered at once, wherever the request falls, and automatic status arrives
/// unasked, so the three interleave on the wire between whole responses.
public struct PrinterResponseParser: Sendable {
    private enum State: Sendable {
        case idle
        case automatic([UInt8])
        case star([UInt8], length: Int)
        case block(header: UInt8, [UInt8])
    }

    private var state = State.idle
    /// A block longer than this is not a block: its bytes are dropped, so memory stays bounded.
    static let maxBlock = 1024

    public init() {}

    /// The responses `bytes` complete, in order; a response cut off at the end is kept for the next call.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [PrinterResponse] {
        var out: [PrinterResponse] = []
        for b in bytes { feed(b, into: &out) }
        return out
    }

    /// A Star header 1's block length: bits 1–3 are the length's bits 0–2, bit 5 its bit 3 (Star Line
    /// Mode command specifications, "Automatic status": 0Fh is 7 bytes, 23h is 9).
    static func starLength(_ header: UInt8) -> Int { Int((header >> 1) & 0x07 | (header >> 2) & 0x08) }

    private mutating func feed(_ b: UInt8, into out: inout [PrinterResponse]) {
        switch state {
        case .automatic(var bytes):
            if b == 0x11 || b == 0x13 {  // XON/XOFF may interrupt the four bytes
                out.append(.flowControl(b))
                return
            }
            guard b & 0x90 == 0 else {  // not an ASB byte: the block was cut short
                state = .idle
                out.append(contentsOf: bytes.map(PrinterResponse.unknown))
                feed(b, into: &out)
                return
            }
            bytes.append(b)
            if bytes.count == 4 {
                state = .idle
                out.append(.automaticStatus(bytes))
            } else {
                state = .automatic(bytes)
            }
        case .star(var bytes, let length):
            guard b & 0x91 == 0 || bytes.count == 1 else {  // Star status bytes: 0xx0xxx0 (header 2 is free)
                state = .idle
                out.append(contentsOf: bytes.map(PrinterResponse.unknown))
                feed(b, into: &out)
                return
            }
            bytes.append(b)
            if bytes.count == length {
                state = .idle
                out.append(.starAutomaticStatus(bytes))
            } else {
                state = .star(bytes, length: length)
            }
        case .block(let header, var bytes):
            if b == 0 {
                state = .idle
                if header == 0x37, bytes.count == 5, bytes[0] == 0x22 {
                    out.append(.processID(Array(bytes[1...])))
                } else {
                    out.append(.block(header: header, data: bytes))
                }
                return
            }
            bytes.append(b)
            state = bytes.count > Self.maxBlock ? .idle : .block(header: header, bytes)
        case .idle:
            if b == 0x37 || b == 0x5F {
                state = .block(header: b, [])
            } else if b == 0x11 || b == 0x13 {
                out.append(.flowControl(b))
            } else if b & 0x93 == 0x12 {
                out.append(.realTimeStatus(b))
            } else if b & 0x93 == 0x10 {
                state = .automatic([b])
            } else if b & 0x91 == 0x01, Self.starLength(b) >= 2 {
                state = .star([b], length: Self.starLength(b))
            } else {
                out.append(.unknown(b))
            }
        }
    }
}
