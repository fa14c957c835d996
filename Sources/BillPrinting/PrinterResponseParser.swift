/// One thing an ESC/POS printer sent back.
public enum PrinterResponse: Sendable, Equatable {
    /// One real-time status byte, the answer to a `DLE EOT n` (bit pattern `0xx1xx10`).
    case realTimeStatus(UInt8)
    /// A four-byte automatic status block (`GS a`): the first byte `0xx1xx00`, the others `0xx0xxxx`.
    case automaticStatus([UInt8])
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
            } else {
                out.append(.unknown(b))
            }
        }
    }
}
