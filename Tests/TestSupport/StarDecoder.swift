import BillESCPOS
import BillLayout
import BillProfiles
import BillStar

/// What a Star stream (Line mode, StarPRNT or Star Graphic) prints, read back with the library's
/// command table, and every way it breaks the rules billrender promises (``problems`` is empty
/// for a good stream).
public struct StarDecoded: Sendable {
    /// The commands in order (text runs included).
    public var commands: [StarCommand] = []
    /// The printed lines, decoded through the selected code page; `ESC a n` adds n empty lines, a
    /// QR code adds `[QR payload]`.
    public var lines: [String] = []
    /// Payloads of printed QR codes.
    public var qrPayloads: [String] = []
    /// Pictures (`ESC GS S` images, `ESC k` bands cropped to the rows fed after them), consecutive
    /// ones joined into one bitmap.
    public var rasterImages: [Bitmap] = []
    /// Star Graphic: the whole page of `b` rows and `ESC * r Y` moves, as wide as the paper.
    public var page: Bitmap? = nil
    /// Cuts (`ESC d`, or `ESC * r B` with the EOT mode 13).
    public var cuts = 0
    /// Drawer pulses (`BEL`, `ESC * r D` of a drawer).
    public var drawerPulses = 0
    /// `ESC GS t` commands.
    public var tableSwitches = 0
    /// Dot feeds (`ESC I n`), in order (the QR quiet zones and the bands' rows).
    public var dotFeeds: [Int] = []
    /// Broken rules: unknown bytes, text before a code page, bytes no page prints, a style that
    /// changes nothing, anything after the cut, ….
    public var problems: [String] = []
}

/// Walks Star output with the library's command-length table and checks the invariants: starts
/// with `ESC @`; no line is fed before `ESC 0` sets the line feed amount (else the memory switch
/// decides it); every byte belongs to a known command or is printable text in the selected code
/// page; no style command that changes nothing; nothing after the cut.
public enum StarDecoder {
    public static func decode(_ bytes: [UInt8], profile: PrinterProfile) -> StarDecoded {
        var d = StarDecoded()
        var printed = PrintedText()
        var state = (align: UInt8(0), bold: false, size: (UInt8(1), UInt8(1)), font: UInt8(0), page: UInt8?.none)
        var eotMode = 13
        var pageRows: [[UInt8]] = []
        var pendingBand: [UInt8]? = nil
        var pendingBandWidth = 0
        var pendingContinues = false
        var lastWasImage = false
        var rasterMode = false
        var lineSpacingSet = false
        let rowBytes = (profile.printableDots + 7) / 8
        if bytes.count < 2 || bytes[0] != 0x1B || bytes[1] != 0x40 { d.problems.append("does not start with ESC @") }
        for (index, token) in StarParser.parse(bytes).enumerated() {
            guard case .command(let command) = token else {
                if case .unknown(let offset, let b) = token { d.problems.append("unknown bytes \(b) at \(offset)") }
                continue
            }
            d.commands.append(command)
            if d.cuts > 0 { d.problems.append("\(command) after the cut") }
            var isImage = false
            switch command {
            case .initialize:
                if index != 0 { d.problems.append("ESC @ in the middle, at token \(index)") }
            case .lineSpacing3mm:
                if lineSpacingSet { d.problems.append("redundant ESC 0") }
                lineSpacingSet = true
            case .selectCodePage(let n):
                if state.page == n { d.problems.append("redundant ESC GS t \(n)") }
                state.page = n
                d.tableSwitches += 1
                printed.select(n, in: profile, command: "ESC GS t", problems: &d.problems)
            case .alignment(let n):
                if n == state.align { d.problems.append("redundant ESC GS a \(n)") }
                state.align = n
            case .emphasis(let on):
                if on == state.bold { d.problems.append("redundant ESC \(on ? "E" : "F")") }
                state.bold = on
            case .font(let n):
                if n == state.font { d.problems.append("redundant ESC RS F \(n)") }
                state.font = n
            case .characterSize(let w, let h):
                if (w, h) == state.size { d.problems.append("redundant ESC i \(h - 1) \(w - 1)") }
                state.size = (w, h)
            case .text(let run):
                printed.print(run, selector: "ESC GS t", problems: &d.problems)
            case .lineFeed:
                if !lineSpacingSet { d.problems.append("LF before ESC 0: the memory switch sets its feed") }
                printed.lineFeed(into: &d.lines)
            case .feedLines(let n):
                if !lineSpacingSet { d.problems.append("ESC a before ESC 0: the memory switch sets its feed") }
                printed.feed(Int(n), into: &d.lines)
            case .feedDots(let n):
                d.dotFeeds.append(Int(n))
                if printed.lineHasText { d.problems.append("ESC I \(n) prints a line of text") }
                if let band = pendingBand {
                    // An `ESC k` band prints with the feed after it: as many of its rows as the feed.
                    let rows = min(24, Int(n))
                    let width = pendingBandWidth
                    let cropped = Bitmap(width: width * 8, height: rows, bits: Array(band.prefix(width * rows)))
                    append(cropped, to: &d, continuing: pendingContinues)
                    pendingBand = nil
                    isImage = true
                }
            case .cut:
                d.cuts += 1
            case .drawer: d.drawerPulses += 1
            case .drawerPulseWidth: break
            case .qrStore(let payload):
                let text = String(decoding: payload, as: UTF8.self)
                d.qrPayloads.append(text)
                d.lines.append("[QR \(text)]")
            case .qrModel, .qrErrorCorrection, .qrCellSize, .qrPrint: break
            case .rasterImage(let widthBytes, let height, let data):
                append(Bitmap(width: widthBytes * 8, height: height, bits: data), to: &d, continuing: lastWasImage)
                isImage = true
            case .bandImage(let widthBytes, let data):
                if pendingBand != nil { d.problems.append("an ESC k band not printed before the next") }
                pendingBand = data
                pendingBandWidth = widthBytes
                pendingContinues = lastWasImage
            case .rasterInitialize: break
            case .rasterEnter: rasterMode = true
            case .rasterPageLength: break
            case .rasterEOTMode(let n):
                if !pageRows.isEmpty { d.problems.append("ESC * r E after rows: ignored by the printer") }
                eotMode = n
            case .rasterDrawer(let n):
                if !pageRows.isEmpty { d.problems.append("ESC * r D after rows: ignored by the printer") }
                if n > 0 { d.drawerPulses += 1 }
            case .rasterRow(let row):
                if !rasterMode { d.problems.append("a row outside raster mode") }
                if row.count > rowBytes { d.problems.append("a row of \(row.count) bytes, wider than the paper") }
                pageRows.append(Array(row.prefix(rowBytes)) + Array(repeating: 0, count: max(0, rowBytes - row.count)))
            case .rasterMoveDown(let n):
                pageRows += Array(repeating: Array(repeating: 0, count: rowBytes), count: n)
            case .rasterQuit:
                rasterMode = false
                if !pageRows.isEmpty && [8, 9, 12, 13].contains(eotMode) { d.cuts += 1 }
            }
            lastWasImage = isImage
        }
        if printed.lineHasText { d.problems.append("text left unprinted at the end: \(printed.line)") }
        if pendingBand != nil { d.problems.append("an ESC k band left unprinted at the end") }
        if rasterMode { d.problems.append("raster mode not quit at the end") }
        if !pageRows.isEmpty {
            d.page = Bitmap(width: profile.printableDots, height: pageRows.count, bits: pageRows.flatMap { $0 })
        }
        return d
    }

    /// Adds `band` as a picture of its own, or below the last one when it continues it.
    private static func append(_ band: Bitmap?, to d: inout StarDecoded, continuing: Bool) {
        appendBand(band, to: &d.rasterImages, continuing: continuing, problems: &d.problems)
    }
}
