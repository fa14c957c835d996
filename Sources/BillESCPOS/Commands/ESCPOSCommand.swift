/// One ESC/POS command, as billrender emits it and as the listing reads it back.
///
/// Every byte billrender sends to a printer comes from `bytes` of one of these cases, and
/// ``ESCPOSParser`` turns bytes back into them, so the encoder, the listing and the test decoder
/// share one command table.
public enum ESCPOSCommand: Sendable, Equatable {
    /// `ESC @`: reset the printer to its power-on state.
    case initialize
    /// `ESC t n`: select character code table `n`.
    case selectCodeTable(UInt8)
    /// `ESC a n`: justification, 0 left, 1 centre, 2 right.
    case justification(UInt8)
    /// `ESC E n`: emphasised (bold) on or off.
    case emphasis(Bool)
    /// `ESC M n`: character font, 0 Font A, 1 Font B.
    case font(UInt8)
    /// `GS ! n`: character width and height magnification, each 1...8.
    case characterSize(width: UInt8, height: UInt8)
    /// Printable bytes in the selected code table. Control bytes are never emitted from here.
    case text([UInt8])
    /// `LF`: print the line and feed one line.
    case lineFeed
    /// `ESC d n`: print and feed `n` lines.
    case feedLines(UInt8)
    /// `ESC J n`: print and feed `n` vertical motion units: a dot on 203-dpi models, half a dot on
    /// the 180-dpi Epson TM-T88 family, TM-T82III and Bixolon SRP-350plusV (`GS P` default
    /// y = 360; the profile's `verticalUnitsPerDot`).
    case feedDots(UInt8)
    /// `ESC 3 n`: line spacing of `n` vertical motion units (the profile's `verticalUnitsPerDot` to
    /// a dot). Every bill sets it right after `ESC @`, to the layout's line height.
    case lineSpacing(UInt8)
    /// `ESC 2`: the printer's default line spacing, about 1/6 inch (30 dots at 180 dpi), which the
    /// layout does not use (read back only; billrender never sends it).
    case defaultLineSpacing
    /// `ESC p m t1 t2`: pulse drawer pin `m` (0 = pin 2, 1 = pin 5) on for t1×2 ms, off for t2×2 ms.
    case drawerPulse(pin: UInt8, onTime: UInt8, offTime: UInt8)
    /// `GS V 65 n` / `GS V 66 n`: feed to the cutting position plus `n` motion units, then cut
    /// (partial cut for 66).
    case feedAndCut(partial: Bool, feed: UInt8)
    /// `GS V 0` / `GS V 1`: cut where the paper is (read back only; billrender always feeds first).
    case cut(partial: Bool)
    /// `GS ( k … 49 65 n 0`: QR model (49 model 1, 50 model 2, 51 micro QR).
    case qrModel(UInt8)
    /// `GS ( k … 49 67 n`: QR module size in dots, 1...16.
    case qrModuleSize(UInt8)
    /// `GS ( k … 49 69 n`: QR error correction, 48 L, 49 M, 50 Q, 51 H.
    case qrErrorCorrection(UInt8)
    /// `GS ( k pL pH 49 80 48 d…`: store the QR payload.
    case qrStore([UInt8])
    /// `GS ( k 3 0 49 81 48`: print the stored QR symbol.
    case qrPrint
    /// `GS v 0 m xL xH yL yH d…`: a raster bit image, `widthBytes` × `height`, rows packed MSB left.
    case rasterImage(widthBytes: Int, height: Int, data: [UInt8])
    /// `GS ( L pL pH 48 112 48 1 1 49 xL xH yL yH d…`: store a monochrome raster graphic.
    case graphicsStore(widthDots: Int, height: Int, data: [UInt8])
    /// `GS ( L 2 0 48 50`: print the stored graphic.
    case graphicsPrint
    /// `ESC * 33 nL nH d…`: one 24-dot band of `widthDots` columns, 3 bytes a column, MSB top.
    case bitImageColumns(widthDots: Int, data: [UInt8])
}

extension ESCPOSCommand {
    static let esc: UInt8 = 0x1B
    static let gs: UInt8 = 0x1D
    static let lf: UInt8 = 0x0A

    /// The command's bytes, ready for the printer. Sizes are clamped to what the command can carry
    /// and to the data given, so a malformed value never yields a stream that the printer would
    /// read out of step.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        append(to: &out)
        return out
    }

    /// Appends the command's bytes to `out`.
    public func append(to out: inout [UInt8]) {
        let esc = Self.esc
        let gs = Self.gs
        switch self {
        case .initialize: out += [esc, 0x40]
        case .selectCodeTable(let n): out += [esc, 0x74, n]
        case .justification(let n): out += [esc, 0x61, min(n, 2)]
        case .emphasis(let on): out += [esc, 0x45, on ? 1 : 0]
        case .font(let n): out += [esc, 0x4D, min(n, 1)]
        case .characterSize(let w, let h):
            let width = min(max(w, 1), 8) - 1
            let height = min(max(h, 1), 8) - 1
            out += [gs, 0x21, width << 4 | height]
        case .text(let bytes): Self.appendText(bytes, to: &out)
        case .lineFeed: out.append(Self.lf)
        case .feedLines(let n): out += [esc, 0x64, n]
        case .feedDots(let n): out += [esc, 0x4A, n]
        case .lineSpacing(let n): out += [esc, 0x33, n]
        case .defaultLineSpacing: out += [esc, 0x32]
        case .drawerPulse(let pin, let on, let off): out += [esc, 0x70, min(pin, 1), on, off]
        case .feedAndCut(let partial, let feed): out += [gs, 0x56, partial ? 66 : 65, feed]
        case .cut(let partial): out += [gs, 0x56, partial ? 1 : 0]
        case .qrModel(let n): out += [gs, 0x28, 0x6B, 4, 0, 49, 65, n, 0]
        case .qrModuleSize(let n): out += [gs, 0x28, 0x6B, 3, 0, 49, 67, min(max(n, 1), 16)]
        case .qrErrorCorrection(let n): out += [gs, 0x28, 0x6B, 3, 0, 49, 69, min(max(n, 48), 51)]
        case .qrStore(let payload):
            let data = payload.prefix(Self.maxQRPayload)
            out += [gs, 0x28, 0x6B] + Self.le16(data.count + 3) + [49, 80, 48]
            out += data
        case .qrPrint: out += [gs, 0x28, 0x6B, 3, 0, 49, 81, 48]
        case .rasterImage(let widthBytes, let height, let data):
            let w = min(max(widthBytes, 0), 0xFFFF)
            let h = Self.rows(height, of: w, in: data.count, limit: 0xFFFF)
            out += [gs, 0x76, 0x30, 0] + Self.le16(w) + Self.le16(h)
            out += data.prefix(w * h)
        case .graphicsStore(let widthDots, let height, let data):
            let w = min(max(widthDots, 0), 2400)
            let h = Self.rows(height, of: (w + 7) / 8, in: min(data.count, Self.maxGraphicsData), limit: 2400)
            let count = (w + 7) / 8 * h
            out += [gs, 0x28, 0x4C] + Self.le16(count + 10) + [48, 112, 48, 1, 1, 49]
            out += Self.le16(w) + Self.le16(h)
            out += data.prefix(count)
        case .graphicsPrint: out += [gs, 0x28, 0x4C, 2, 0, 48, 50]
        case .bitImageColumns(let widthDots, let data):
            let w = min(max(widthDots, 0), 0xFFFF, data.count / 3)
            out += [esc, 0x2A, 33] + Self.le16(w)
            out += data.prefix(w * 3)
        }
    }

    /// The longest QR payload a `GS ( k` store command carries (model 2, numeric, version 40 L).
    public static let maxQRPayload = 7089
    /// The most image bytes one `GS ( L` store command carries (its length is 16 bits).
    public static let maxGraphicsData = 0xFFFF - 10

    /// Bytes a printer prints as characters: 0x20...0x7E and 0x80...0xFF.
    public static func isPrintable(_ byte: UInt8) -> Bool { byte >= 0x20 && byte != 0x7F }

    /// Appends `text` as `.text(text)` does: control bytes are dropped (the whole text at once
    /// when it has none, as it never has). Also for a writer that puts a line's text straight into
    /// its buffer.
    package static func appendText(_ text: some Collection<UInt8>, to out: inout [UInt8]) {
        if text.allSatisfy(isPrintable) {
            out.append(contentsOf: text)
        } else {
            out.append(contentsOf: text.lazy.filter(isPrintable))
        }
    }

    static func le16(_ value: Int) -> [UInt8] {
        let v = min(max(value, 0), 0xFFFF)
        return [UInt8(v & 0xFF), UInt8(v >> 8)]
    }

    /// The rows of `bytesPerRow` bytes an image command can announce: at most `height`, `limit`
    /// and the whole rows `dataCount` bytes hold, so that the header never promises more data
    /// than follows.
    private static func rows(_ height: Int, of bytesPerRow: Int, in dataCount: Int, limit: Int) -> Int {
        guard bytesPerRow > 0 else { return min(max(height, 0), limit) }
        return min(max(height, 0), limit, dataCount / bytesPerRow)
    }
}
