/// One command of Star's three command languages, as billrender emits it and as the listing and the
/// tests' decoder read it back.
///
/// Star Line mode and StarPRNT share the text commands (Star Micronics, "STAR Line Mode Command
/// Specifications" and "StarPRNT Command Specifications": `ESC @`, `ESC 0`, `ESC GS t`, `ESC GS a`,
/// `ESC E`/`ESC F`, `ESC RS F`, `ESC i`, `ESC a`, `ESC I`, `ESC d`, `ESC BEL`/`BEL` and the QR group
/// `ESC GS y`); they differ in the picture command: StarPRNT prints a raster image with `ESC GS S`,
/// Line mode prints 24-row bands with `ESC k`. Star Graphic (the raster mode of the TSP100 family,
/// "Star Graphic Mode Command Specifications") sends the whole bill as rows of dots between
/// `ESC * r A` and `ESC * r B`.
///
/// Every byte billrender sends to a Star printer comes from `append(to:)` of one of these cases, and
/// ``StarParser`` turns bytes back into them: one command table for the encoders, the listing and
/// the decoder.
public enum StarCommand: Sendable, Equatable {
    /// `ESC @`: initialise the command settings.
    case initialize
    /// `ESC 0`: set the line feed amount to 3 mm, 24 dots at 203 dpi (STAR Line Mode Command
    /// Specifications 3-20, StarPRNT's line spacing commands alike). Its initial value, and so what
    /// `LF` and `ESC a` feed after `ESC @`, is the memory switch setting, 3 or 4 mm: billrender
    /// sends it after `ESC @` so that a line takes the 24 dots the layout gives it.
    case lineSpacing3mm
    /// `ESC GS t n`: select code page `n` (Star's numbering: 1 PC437, 4 PC858, 32 Windows-1252, …).
    case selectCodePage(UInt8)
    /// `ESC GS a n`: alignment, 0 left, 1 centre, 2 right.
    case alignment(UInt8)
    /// `ESC E` (on) / `ESC F` (off): emphasised printing.
    case emphasis(Bool)
    /// `ESC RS F n`: font, 0 Font A (12×24), 1 Font B (9×24).
    case font(UInt8)
    /// `ESC i n1 n2`: character height and width magnification, each 1...6 (sent as 0...5).
    case characterSize(width: UInt8, height: UInt8)
    /// Printable bytes in the selected code page. Control bytes are never emitted from here.
    case text([UInt8])
    /// `LF`: print the line and feed one line.
    case lineFeed
    /// `ESC a n`: feed `n` lines (1–127; clamped).
    case feedLines(UInt8)
    /// `ESC I n`: print and feed n/8 mm, `n` dots at 203 dpi.
    case feedDots(UInt8)
    /// `ESC d n`: cut; `feed` first feeds to the cutting position (n 2 full, 3 partial; 0 and 1 cut
    /// where the paper is).
    case cut(partial: Bool, feed: Bool)
    /// `ESC BEL n1 n2`: the drawer pulse, on for n1×10 ms, then n2×10 ms delay.
    case drawerPulseWidth(onTime: UInt8, offTime: UInt8)
    /// `BEL`: drive the cash drawer (external device 1).
    case drawer
    /// `ESC GS y S 0 n`: QR model (1 or 2).
    case qrModel(UInt8)
    /// `ESC GS y S 1 n`: QR error correction, 0 L, 1 M, 2 Q, 3 H.
    case qrErrorCorrection(UInt8)
    /// `ESC GS y S 2 n`: QR cell size in dots, 1...8.
    case qrCellSize(UInt8)
    /// `ESC GS y D 1 0 nL nH d…`: store the QR payload (automatic analysis).
    case qrStore([UInt8])
    /// `ESC GS y P`: print the stored QR symbol.
    case qrPrint
    /// `ESC GS S 1 xL xH yL yH 0 d…` (StarPRNT): a raster image, `widthBytes` × `height`, rows
    /// packed MSB left.
    case rasterImage(widthBytes: Int, height: Int, data: [UInt8])
    /// `ESC k n1 0 d…` (Line mode): a band of 24 rows of `widthBytes` bytes, rows packed MSB left.
    case bandImage(widthBytes: Int, data: [UInt8])
    /// `ESC * r R`: initialise raster mode.
    case rasterInitialize
    /// `ESC * r A`: enter raster mode; `b` rows follow.
    case rasterEnter
    /// `ESC * r P n NUL`: page length, 0 for continuous paper.
    case rasterPageLength(Int)
    /// `ESC * r E n NUL`: the EOT mode (13 feed to the cutter and partial cut, 1 print only).
    case rasterEOTMode(Int)
    /// `ESC * r D n NUL`: drive drawer `n` at the start of the page.
    case rasterDrawer(Int)
    /// `b n1 n2 d…`: one row of dots (its trailing blank bytes left off), then the next row.
    case rasterRow([UInt8])
    /// `ESC * r Y n NUL`: move down `n` dot rows (blank rows).
    case rasterMoveDown(Int)
    /// `ESC * r B`: quit raster mode, printing what is left and performing the EOT mode.
    case rasterQuit
}

extension StarCommand {
    static let bel: UInt8 = 0x07
    static let lf: UInt8 = 0x0A
    static let esc: UInt8 = 0x1B
    static let gs: UInt8 = 0x1D
    static let rs: UInt8 = 0x1E

    /// The longest QR payload `ESC GS y D` carries (model 2, version 40, byte mode at level L).
    public static let maxQRPayload = 2953
    /// The largest QR cell StarPRNT and Line mode take.
    public static let maxQRCellSize = 8
    /// The largest magnification of `ESC i`.
    public static let maxMagnification = 6

    /// The command's bytes, ready for the printer. Sizes are clamped to what the command carries and
    /// to the data given, so a malformed value never yields a stream the printer reads out of step.
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
        case .lineSpacing3mm: out += [esc, 0x30]
        case .selectCodePage(let n): out += [esc, gs, 0x74, n]
        case .alignment(let n): out += [esc, gs, 0x61, min(n, 2)]
        case .emphasis(let on): out += [esc, on ? 0x45 : 0x46]
        case .font(let n): out += [esc, Self.rs, 0x46, min(n, 1)]
        case .characterSize(let w, let h):
            let limit = UInt8(Self.maxMagnification)
            out += [esc, 0x69, min(max(h, 1), limit) - 1, min(max(w, 1), limit) - 1]
        case .text(let bytes): Self.appendText(bytes, to: &out)
        case .lineFeed: out.append(Self.lf)
        case .feedLines(let n): out += [esc, 0x61, min(max(n, 1), 127)]
        case .feedDots(let n): out += [esc, 0x49, max(n, 1)]
        case .cut(let partial, let feed): out += [esc, 0x64, (feed ? 2 : 0) + (partial ? 1 : 0)]
        case .drawerPulseWidth(let on, let off): out += [esc, Self.bel, on, off]
        case .drawer: out.append(Self.bel)
        case .qrModel(let n): out += [esc, gs, 0x79, 0x53, 0x30, min(max(n, 1), 2)]
        case .qrErrorCorrection(let n): out += [esc, gs, 0x79, 0x53, 0x31, min(n, 3)]
        case .qrCellSize(let n): out += [esc, gs, 0x79, 0x53, 0x32, min(max(n, 1), UInt8(Self.maxQRCellSize))]
        case .qrStore(let payload):
            let data = payload.prefix(Self.maxQRPayload)
            out += [esc, gs, 0x79, 0x44, 0x31, 0x00] + Self.le16(data.count)
            out += data
        case .qrPrint: out += [esc, gs, 0x79, 0x50]
        case .rasterImage(let widthBytes, let height, let data):
            let w = min(max(widthBytes, 0), 0xFFFF)
            let h = Self.rows(height, of: w, in: data.count)
            out += [esc, gs, 0x53, 1] + Self.le16(w) + Self.le16(h) + [0]
            out += data.prefix(w * h)
        case .bandImage(let widthBytes, let data):
            let w = min(max(widthBytes, 0), 255, data.count / 24)
            out += [esc, 0x6B, UInt8(w), 0]
            out += data.prefix(w * 24)
        case .rasterInitialize: out += [esc, 0x2A, 0x72, 0x52]
        case .rasterEnter: out += [esc, 0x2A, 0x72, 0x41]
        case .rasterPageLength(let n): Self.appendRasterSetting(0x50, n, to: &out)
        case .rasterEOTMode(let n): Self.appendRasterSetting(0x45, n, to: &out)
        case .rasterDrawer(let n): Self.appendRasterSetting(0x44, n, to: &out)
        case .rasterRow(let data):
            let row = data.prefix(0xFFFF)
            out += [0x62] + Self.le16(row.count)
            out += row
        case .rasterMoveDown(let n): Self.appendRasterSetting(0x59, max(n, 1), to: &out)
        case .rasterQuit: out += [esc, 0x2A, 0x72, 0x42]
        }
    }

    /// Bytes a printer prints as characters: 0x20...0x7E and 0x80...0xFF.
    public static func isPrintable(_ byte: UInt8) -> Bool { byte >= 0x20 && byte != 0x7F }

    /// Appends `text` as `.text(text)` does: control bytes are dropped.
    package static func appendText(_ text: some Collection<UInt8>, to out: inout [UInt8]) {
        if text.allSatisfy(isPrintable) {
            out.append(contentsOf: text)
        } else {
            out.append(contentsOf: text.lazy.filter(isPrintable))
        }
    }

    /// `ESC * r x n NUL`: a raster-mode setting whose value is written in decimal ASCII digits.
    private static func appendRasterSetting(_ letter: UInt8, _ value: Int, to out: inout [UInt8]) {
        out += [esc, 0x2A, 0x72, letter]
        out += Array(String(min(max(value, 0), 0xFFFF)).utf8)
        out.append(0)
    }

    static func le16(_ value: Int) -> [UInt8] {
        let v = min(max(value, 0), 0xFFFF)
        return [UInt8(v & 0xFF), UInt8(v >> 8)]
    }

    /// The rows of `bytesPerRow` bytes an image command can announce: at most `height`, 0xFFFF and
    /// the whole rows `dataCount` bytes hold.
    private static func rows(_ height: Int, of bytesPerRow: Int, in dataCount: Int) -> Int {
        guard bytesPerRow > 0 else { return min(max(height, 0), 0xFFFF) }
        return min(max(height, 0), 0xFFFF, dataCount / bytesPerRow)
    }
}
