import BillESCPOS
import BillLayout
import BillProfiles

/// What an ESC/POS stream prints, read back with the library's command table, and every way it
/// breaks the rules billrender promises (``problems`` is empty for a good stream).
public struct ESCPOSDecoded: Sendable {
    /// The commands in order (text runs included).
    public var commands: [ESCPOSCommand] = []
    /// The printed lines, decoded through the selected code table; `ESC d n` adds n empty lines,
    /// a QR code adds `[QR payload]`.
    public var lines: [String] = []
    /// Payloads of printed QR codes.
    public var qrPayloads: [String] = []
    /// Pictures printed with `GS v 0`, `GS ( L` or `ESC *`, consecutive bands joined into one bitmap.
    public var rasterImages: [Bitmap] = []
    /// `GS V` commands.
    public var cuts = 0
    /// `ESC J n` feeds in dots (n over the profile's motion units per dot), in order (the QR quiet
    /// zones).
    public var dotFeeds: [Int] = []
    /// `ESC p` commands.
    public var drawerPulses = 0
    /// `ESC t` commands.
    public var tableSwitches = 0
    /// Broken rules: unknown bytes, text before a code table, bytes no table prints, ….
    public var problems: [String] = []
}

/// Walks ESC/POS output with the library's command-length table and checks the invariants:
/// starts with `ESC @`; no line is fed before `ESC 3` sets the line spacing and `ESC 2` never
/// restores the printer's default (which the layout does not use); every byte belongs to a known command or is printable text in the selected
/// table; no style command that changes nothing; ends with the cut when there is one.
public enum ESCPOSDecoder {
    public static func decode(_ bytes: [UInt8], profile: PrinterProfile) -> ESCPOSDecoded {
        var d = ESCPOSDecoded()
        var printed = PrintedText()
        var state = (align: UInt8(0), bold: false, size: (UInt8(1), UInt8(1)), font: UInt8(0), table: UInt8?.none)
        let tokens = ESCPOSParser.parse(bytes)
        var skipLineFeed = -1
        /// The rows an `ESC *` band takes on paper: the line spacing set before it (24 at most).
        var bandRows = 24
        var lineSpacingSet = false
        let unitsPerDot = max(1, profile.verticalUnitsPerDot)
        if bytes.count < 2 || bytes[0] != 0x1B || bytes[1] != 0x40 { d.problems.append("does not start with ESC @") }
        for (index, token) in tokens.enumerated() {
            guard case .command(let command) = token else {
                if case .unknown(let offset, let b) = token { d.problems.append("unknown bytes \(b) at \(offset)") }
                continue
            }
            d.commands.append(command)
            if d.cuts > 0 { d.problems.append("\(command) after the cut") }
            switch command {
            case .initialize:
                if index != 0 { d.problems.append("ESC @ in the middle, at token \(index)") }
            case .selectCodeTable(let n):
                if state.table == n { d.problems.append("redundant ESC t \(n)") }
                state.table = n
                d.tableSwitches += 1
                printed.select(n, in: profile, command: "ESC t", problems: &d.problems)
            case .justification(let n):
                if n == state.align { d.problems.append("redundant ESC a \(n)") }
                state.align = n
            case .emphasis(let on):
                if on == state.bold { d.problems.append("redundant ESC E") }
                state.bold = on
            case .font(let n):
                if n == state.font { d.problems.append("redundant ESC M \(n)") }
                state.font = n
            case .characterSize(let w, let h):
                if (w, h) == state.size { d.problems.append("redundant GS ! \(w)x\(h)") }
                state.size = (w, h)
            case .text(let run):
                printed.print(run, selector: "ESC t", problems: &d.problems)
            case .lineFeed:
                if !lineSpacingSet { d.problems.append("LF before ESC 3: the printer's default spacing") }
                if skipLineFeed == index { continue }  // the feed after an ESC * band
                printed.lineFeed(into: &d.lines)
            case .feedLines(let n):
                if !lineSpacingSet { d.problems.append("ESC d before ESC 3: the printer's default spacing") }
                printed.feed(Int(n), into: &d.lines)
            case .drawerPulse: d.drawerPulses += 1
            case .feedAndCut, .cut: d.cuts += 1
            case .qrStore(let payload):
                let text = String(decoding: payload, as: UTF8.self)
                d.qrPayloads.append(text)
                d.lines.append("[QR \(text)]")
            case .rasterImage(let widthBytes, let height, let data):
                let band = Bitmap(width: widthBytes * 8, height: height, bits: data)
                append(band, to: &d, continuing: index > 0 && isImage(tokens[index - 1]))
            case .graphicsStore(let widthDots, let height, let data):
                let band = Bitmap(width: widthDots, height: height, bits: data)
                append(band, to: &d, continuing: index > 1 && isImage(tokens[index - 2]))
            case .bitImageColumns(let widthDots, let data):
                var band = Bitmap(width: widthDots, height: bandRows)
                for x in 0..<widthDots {
                    for k in 0..<bandRows where data[x * 3 + k / 8] & (0x80 >> UInt8(k % 8)) != 0 { band[x, k] = true }
                }
                append(band, to: &d, continuing: followsBitImage(tokens, index))
                if index + 1 < tokens.count, tokens[index + 1] == .command(.lineFeed) { skipLineFeed = index + 1 }
            case .lineSpacing(let n):
                if Int(n) % unitsPerDot != 0 { d.problems.append("ESC 3 \(n) is not whole dots of \(profile.name)") }
                bandRows = min(24, max(1, Int(n) / unitsPerDot))
                lineSpacingSet = true
            case .defaultLineSpacing:
                d.problems.append("ESC 2: the printer's default spacing, which the layout does not use")
                bandRows = 24
            case .feedDots(let n):
                if Int(n) % unitsPerDot != 0 { d.problems.append("ESC J \(n) is not whole dots of \(profile.name)") }
                d.dotFeeds.append(Int(n) / unitsPerDot)
            case .qrModel, .qrModuleSize, .qrErrorCorrection, .qrPrint, .graphicsPrint:
                break
            }
        }
        if printed.lineHasText { d.problems.append("text left unprinted at the end: \(printed.line)") }
        return d
    }

    private static func isImage(_ token: ESCPOSToken) -> Bool {
        switch token {
        case .command(.rasterImage), .command(.graphicsStore), .command(.bitImageColumns): return true
        default: return false
        }
    }

    /// Whether the `ESC *` group at `index` continues one just before it: only line feeds and line
    /// spacing commands stand between them (one picture sent in several bands).
    private static func followsBitImage(_ tokens: [ESCPOSToken], _ index: Int) -> Bool {
        var i = index - 1
        while i >= 0 {
            switch tokens[i] {
            case .command(.bitImageColumns): return true
            case .command(.lineFeed), .command(.lineSpacing), .command(.defaultLineSpacing): i -= 1
            default: return false
            }
        }
        return false
    }

    /// Adds `band` as a picture of its own, or below the last one when it continues it.
    private static func append(_ band: Bitmap?, to d: inout ESCPOSDecoded, continuing: Bool) {
        appendBand(band, to: &d.rasterImages, continuing: continuing, problems: &d.problems)
    }

    /// The lines a layout should print, as ``ESCPOSDecoded/lines`` shows them: text as laid out
    /// (trailing spaces of left-aligned lines dropped), rules across the columns, feeds as empty
    /// lines, QR codes as `[QR payload]`. Pictures and the cut print no line.
    public static func expectedLines(_ layout: Layout) -> [String] {
        var lines: [String] = []
        for block in layout.blocks {
            switch block {
            case .text(let t):
                var text = t.text
                if t.alignment == .left { while text.last == " " { text.removeLast() } }
                lines.append(text)
            case .rule(let kind): lines.append(String(repeating: kind.character, count: layout.grid.columns))
            case .feed(let n): lines += Array(repeating: "", count: max(0, n))
            case .qrCode(let q): lines.append("[QR \(q.payload)]")
            case .image, .cut: break
            }
        }
        return lines
    }

    /// `lines` without trailing empty lines (the feed before the cut).
    public static func trimmed(_ lines: [String]) -> [String] {
        var l = lines
        while l.last == "" { l.removeLast() }
        return l
    }
}
