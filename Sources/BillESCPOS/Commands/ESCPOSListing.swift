import BillLayout
import BillProfiles

/// A readable listing of an ESC/POS stream, one command per line (`ESC a 1`, `GS ! 0x11`,
/// `TEXT "Dojo"`, `GS v 0 576x96 #1a2b3c4d`), for `--format escpos-listing` and the goldens.
///
/// Text is decoded through the code table selected at that point, looked up in `profile`.
public enum ESCPOSListing {
    /// The listing of `bytes`, each line ending in a newline.
    public static func listing(_ bytes: [UInt8], profile: PrinterProfile = .generic80mm) -> String {
        var out = ""
        var table: CodeTable? = nil
        var tableNumber: UInt8? = nil
        for token in ESCPOSParser.parse(bytes) {
            switch token {
            case .command(let command):
                if case .selectCodeTable(let n) = command {
                    tableNumber = n
                    table = profile.codeTables.first { $0.number == Int(n) }.flatMap { CodeTable.named($0.encoding) }
                }
                out += line(for: command, table: tableNumber == nil ? CodeTable.named("cp437") : table)
            case .unknown(let offset, let bytes):
                out += "UNKNOWN @\(offset) " + bytes.map(hex).joined(separator: " ")
            }
            out += "\n"
        }
        return out
    }

    /// The listing line of one command; `table` decodes text (nil: bytes above 0x7F as `\xNN`).
    public static func line(for command: ESCPOSCommand, table: CodeTable?) -> String {
        switch command {
        case .initialize: return "ESC @"
        case .selectCodeTable(let n): return "ESC t \(n)"
        case .justification(let n): return "ESC a \(n)"
        case .emphasis(let on): return "ESC E \(on ? 1 : 0)"
        case .font(let n): return "ESC M \(n)"
        case .characterSize(let w, let h):
            return "GS ! " + hex((min(max(w, 1), 8) - 1) << 4 | (min(max(h, 1), 8) - 1))
        case .text(let bytes): return "TEXT " + quoted(bytes, table: table)
        case .lineFeed: return "LF"
        case .feedLines(let n): return "ESC d \(n)"
        case .feedDots(let n): return "ESC J \(n)"
        case .lineSpacing(let n): return "ESC 3 \(n)"
        case .defaultLineSpacing: return "ESC 2"
        case .drawerPulse(let pin, let on, let off): return "ESC p \(pin) \(on) \(off)"
        case .feedAndCut(let partial, let feed): return "GS V \(partial ? 66 : 65) \(feed)"
        case .cut(let partial): return "GS V \(partial ? 1 : 0)"
        case .qrModel(let n): return "GS ( k QR model \(n)"
        case .qrModuleSize(let n): return "GS ( k QR module \(n)"
        case .qrErrorCorrection(let n): return "GS ( k QR ecc \(n)"
        case .qrStore(let payload): return "GS ( k QR " + quoted(payload, table: nil, utf8: true)
        case .qrPrint: return "GS ( k QR print"
        case .rasterImage(let widthBytes, let height, let data):
            return "GS v 0 \(widthBytes * 8)x\(height) #\(checksum(data))"
        case .graphicsStore(let widthDots, let height, let data):
            return "GS ( L store \(widthDots)x\(height) #\(checksum(data))"
        case .graphicsPrint: return "GS ( L print"
        case .bitImageColumns(let widthDots, let data): return "ESC * 33 \(widthDots)x24 #\(checksum(data))"
        }
    }

    /// Text bytes as a quoted string in `table`'s characters (UTF-8 when `utf8`), anything else as
    /// `\xNN`: the listing of every printer language (ESC/POS, Star) quotes text this way.
    package static func quoted(_ bytes: [UInt8], table: CodeTable?, utf8: Bool = false) -> String {
        var s = "\""
        let scalars: [Unicode.Scalar?]
        if utf8 {
            let decoded = String(validating: bytes, as: UTF8.self)
            scalars =
                decoded.map { $0.unicodeScalars.map { Optional($0) } }
                ?? bytes.map { ESCPOSCommand.isPrintable($0) && $0 < 0x80 ? Unicode.Scalar($0) : nil }
        } else {
            scalars = bytes.map { b in table?.scalar(for: b) ?? (b >= 0x20 && b < 0x7F ? Unicode.Scalar(b) : nil) }
        }
        for (index, scalar) in scalars.enumerated() {
            guard let scalar, scalar.value >= 0x20, scalar.value != 0x7F, !(0x80..<0xA0).contains(scalar.value) else {
                let byte =
                    scalar.map { UInt8(truncatingIfNeeded: $0.value) } ?? (index < bytes.count ? bytes[index] : 0)
                s += "\\x" + hex(byte).dropFirst(2)
                continue
            }
            switch scalar {
            case "\"": s += "\\\""
            case "\\": s += "\\\\"
            default: s.unicodeScalars.append(scalar)
            }
        }
        return s + "\""
    }

    package static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String(digits[Int(b >> 4)]) + String(digits[Int(b & 0x0F)])
    }

    /// FNV-1a, 32 bits, in hex: enough to show in a diff that image data changed.
    package static func checksum(_ data: [UInt8]) -> String {
        var h: UInt32 = 0x811C_9DC5
        for b in data { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        let digits = Array("0123456789abcdef")
        return String((0..<8).reversed().map { digits[Int(h >> (UInt32($0) * 4) & 0xF)] })
    }
}
