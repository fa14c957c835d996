import BillESCPOS
import BillLayout
import BillProfiles

/// A readable listing of a Star stream (any of the three languages), one command a line
/// (`ESC GS a 1`, `ESC i 1 1`, `TEXT "Dojo"`, `ESC GS S 576x96 #1a2b3c4d`, `b 72 #…`), for
/// `--format listing` and the goldens. It reads the bytes with ``StarParser``, the encoders' own
/// command table.
///
/// Text is decoded through the code page selected at that point, looked up in `profile`.
public enum StarListing {
    /// The listing of `bytes`, each line ending in a newline.
    public static func listing(_ bytes: [UInt8], profile: PrinterProfile) -> String {
        var out = ""
        var table: CodeTable? = nil
        for token in StarParser.parse(bytes) {
            switch token {
            case .command(let command):
                if case .selectCodePage(let n) = command {
                    table = profile.codeTables.first { $0.number == Int(n) }.flatMap { CodeTable.named($0.encoding) }
                }
                out += line(for: command, table: table)
            case .unknown(let offset, let bytes):
                out += "UNKNOWN @\(offset) " + bytes.map(hex).joined(separator: " ")
            }
            out += "\n"
        }
        return out
    }

    /// The listing line of one command; `table` decodes text (nil: bytes above 0x7F as `\xNN`).
    public static func line(for command: StarCommand, table: CodeTable?) -> String {
        switch command {
        case .initialize: return "ESC @"
        case .lineSpacing3mm: return "ESC 0"
        case .selectCodePage(let n): return "ESC GS t \(n)"
        case .alignment(let n): return "ESC GS a \(n)"
        case .emphasis(let on): return on ? "ESC E" : "ESC F"
        case .font(let n): return "ESC RS F \(n)"
        case .characterSize(let w, let h): return "ESC i \(h - 1) \(w - 1)"
        case .text(let bytes): return "TEXT " + quoted(bytes, table: table)
        case .lineFeed: return "LF"
        case .feedLines(let n): return "ESC a \(n)"
        case .feedDots(let n): return "ESC I \(n)"
        case .cut(let partial, let feed): return "ESC d \((feed ? 2 : 0) + (partial ? 1 : 0))"
        case .drawerPulseWidth(let on, let off): return "ESC BEL \(on) \(off)"
        case .drawer: return "BEL"
        case .qrModel(let n): return "ESC GS y S 0 \(n)"
        case .qrErrorCorrection(let n): return "ESC GS y S 1 \(n)"
        case .qrCellSize(let n): return "ESC GS y S 2 \(n)"
        case .qrStore(let payload): return "ESC GS y D QR \"\(String(decoding: payload, as: UTF8.self))\""
        case .qrPrint: return "ESC GS y P"
        case .rasterImage(let w, let h, let data): return "ESC GS S \(w * 8)x\(h) #\(checksum(data))"
        case .bandImage(let w, let data): return "ESC k \(w * 8)x24 #\(checksum(data))"
        case .rasterInitialize: return "ESC * r R"
        case .rasterEnter: return "ESC * r A"
        case .rasterPageLength(let n): return "ESC * r P \(n)"
        case .rasterEOTMode(let n): return "ESC * r E \(n)"
        case .rasterDrawer(let n): return "ESC * r D \(n)"
        case .rasterRow(let data): return "b \(data.count) #\(checksum(data))"
        case .rasterMoveDown(let n): return "ESC * r Y \(n)"
        case .rasterQuit: return "ESC * r B"
        }
    }

    private static func quoted(_ bytes: [UInt8], table: CodeTable?) -> String {
        ESCPOSListing.quoted(bytes, table: table)
    }

    static func hex(_ b: UInt8) -> String { ESCPOSListing.hex(b) }

    static func checksum(_ data: [UInt8]) -> String { ESCPOSListing.checksum(data) }
}
