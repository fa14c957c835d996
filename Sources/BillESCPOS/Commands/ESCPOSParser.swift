/// Reads ESC/POS bytes back into commands with the one command-length table billrender has: the
/// commands of ``ESCPOSCommand``. Used by the listing and by the tests' decoder.
public enum ESCPOSParser {
    /// The stream as commands and runs of text, in order. Never fails: what it cannot read comes
    /// back as ``ESCPOSToken/unknown(offset:bytes:)``, one byte at a time or a whole truncated command.
    public static func parse(_ bytes: [UInt8]) -> [ESCPOSToken] {
        var tokens: [ESCPOSToken] = []
        var i = 0
        var text: [UInt8] = []
        func flushText() {
            if !text.isEmpty { tokens.append(.command(.text(text))) }
            text = []
        }
        while i < bytes.count {
            let b = bytes[i]
            if ESCPOSCommand.isPrintable(b) {
                text.append(b)
                i += 1
                continue
            }
            flushText()
            if let (command, length) = command(in: bytes, at: i) {
                tokens.append(.command(command))
                i += length
            } else {
                let length = truncatedLength(in: bytes, at: i)
                tokens.append(.unknown(offset: i, bytes: Array(bytes[i..<(i + length)])))
                i += length
            }
        }
        flushText()
        return tokens
    }

    /// The commands of `bytes`, or nil when any byte is not part of a known command or text.
    public static func commands(_ bytes: [UInt8]) -> [ESCPOSCommand]? {
        var result: [ESCPOSCommand] = []
        for token in parse(bytes) {
            guard case .command(let c) = token else { return nil }
            result.append(c)
        }
        return result
    }

    /// The command starting at `i` (a control byte) and its length, when it is known and complete.
    static func command(in b: [UInt8], at i: Int) -> (ESCPOSCommand, Int)? {
        let arguments = CommandBytes(b, at: i)
        let byte = arguments.byte
        let le16 = arguments.le16
        let slice = arguments.slice
        switch b[i] {
        case ESCPOSCommand.lf:
            return (.lineFeed, 1)
        case ESCPOSCommand.esc:
            guard let code = byte(1) else { return nil }
            switch code {
            case 0x40: return (.initialize, 2)
            case 0x32: return (.defaultLineSpacing, 2)
            case 0x74: return byte(2).map { (.selectCodeTable($0), 3) }
            case 0x61:
                guard let v = byte(2) else { return nil }
                let a: UInt8? = v <= 2 ? v : (v >= 48 && v <= 50 ? v - 48 : nil)
                return a.map { (.justification($0), 3) }
            case 0x45: return byte(2).map { (.emphasis($0 & 1 == 1), 3) }
            case 0x4D:
                guard let v = byte(2) else { return nil }
                let f: UInt8? = v <= 1 ? v : (v == 48 || v == 49 ? v - 48 : nil)
                return f.map { (.font($0), 3) }
            case 0x64: return byte(2).map { (.feedLines($0), 3) }
            case 0x33: return byte(2).map { (.lineSpacing($0), 3) }
            case 0x4A: return byte(2).map { (.feedDots($0), 3) }
            case 0x70:
                guard let m = byte(2), m == 0 || m == 1 || m == 48 || m == 49,
                    let t1 = byte(3), let t2 = byte(4)
                else { return nil }
                return (.drawerPulse(pin: m & 1, onTime: t1, offTime: t2), 5)
            case 0x2A:
                guard byte(2) == 33, let w = le16(3), let data = slice(5, w * 3) else { return nil }
                return (.bitImageColumns(widthDots: w, data: data), 5 + w * 3)
            default: return nil
            }
        case ESCPOSCommand.gs:
            guard let code = byte(1) else { return nil }
            switch code {
            case 0x21:
                guard let v = byte(2), v & 0x88 == 0 else { return nil }
                return (.characterSize(width: (v >> 4) + 1, height: (v & 0x0F) + 1), 3)
            case 0x56:
                guard let m = byte(2) else { return nil }
                switch m {
                case 0, 48: return (.cut(partial: false), 3)
                case 1, 49: return (.cut(partial: true), 3)
                case 65, 66: return byte(3).map { (.feedAndCut(partial: m == 66, feed: $0), 4) }
                default: return nil
                }
            case 0x76:
                guard byte(2) == 0x30, byte(3) == 0, let w = le16(4), let h = le16(6),
                    let data = slice(8, w * h)
                else { return nil }
                return (.rasterImage(widthBytes: w, height: h, data: data), 8 + w * h)
            case 0x28:
                guard let kind = byte(2), let p = le16(3), let body = slice(5, p) else { return nil }
                let length = 5 + p
                switch kind {
                case 0x6B: return qrCommand(body).map { ($0, length) }
                case 0x4C: return graphicsCommand(body).map { ($0, length) }
                default: return nil
                }
            default: return nil
            }
        default:
            return nil
        }
    }

    private static func qrCommand(_ p: [UInt8]) -> ESCPOSCommand? {
        guard p.count >= 3, p[0] == 49 else { return nil }
        switch (p[1], p.count) {
        case (65, 4) where p[3] == 0: return .qrModel(p[2])
        case (67, 3): return .qrModuleSize(p[2])
        case (69, 3): return .qrErrorCorrection(p[2])
        case (80, _) where p[2] == 48: return .qrStore(Array(p[3...]))
        case (81, 3) where p[2] == 48: return .qrPrint
        default: return nil
        }
    }

    private static func graphicsCommand(_ p: [UInt8]) -> ESCPOSCommand? {
        if p == [48, 50] { return .graphicsPrint }
        guard p.count >= 10, Array(p[0..<6]) == [48, 112, 48, 1, 1, 49] else { return nil }
        let w = Int(p[6]) | Int(p[7]) << 8
        let h = Int(p[8]) | Int(p[9]) << 8
        let data = Array(p[10...])
        guard data.count == (w + 7) / 8 * h else { return nil }
        return .graphicsStore(widthDots: w, height: h, data: data)
    }

    /// How many bytes to report as unknown at `i`: a prefix byte with its code, or one byte.
    private static func truncatedLength(in b: [UInt8], at i: Int) -> Int {
        (b[i] == ESCPOSCommand.esc || b[i] == ESCPOSCommand.gs) && i + 1 < b.count ? 2 : 1
    }
}
