import BillESCPOS

/// A command of a Star stream as read back, or bytes no command of ``StarCommand`` accounts for.
public enum StarToken: Sendable, Equatable {
    case command(StarCommand)
    /// Bytes at `offset` that are not a known, complete command.
    case unknown(offset: Int, bytes: [UInt8])
}

/// Reads Star bytes (any of the three languages) back into commands with the one command table
/// billrender has, ``StarCommand``. Used by the listing and by the tests' decoder.
public enum StarParser {
    /// The stream as commands and runs of text, in order. Never fails: what it cannot read comes back
    /// as ``StarToken/unknown(offset:bytes:)``. Between `ESC * r A` and `ESC * r B` a `b` is a row of
    /// dots, as in a printer's raster mode; elsewhere it is a letter.
    public static func parse(_ bytes: [UInt8]) -> [StarToken] {
        var tokens: [StarToken] = []
        var i = 0
        var text: [UInt8] = []
        var rasterMode = false
        func flushText() {
            if !text.isEmpty { tokens.append(.command(.text(text))) }
            text = []
        }
        while i < bytes.count {
            let b = bytes[i]
            if rasterMode && b == 0x62 {
                flushText()
                if i + 3 <= bytes.count {
                    let count = Int(bytes[i + 1]) | Int(bytes[i + 2]) << 8
                    if i + 3 + count <= bytes.count {
                        tokens.append(.command(.rasterRow(Array(bytes[(i + 3)..<(i + 3 + count)]))))
                        i += 3 + count
                        continue
                    }
                }
                tokens.append(.unknown(offset: i, bytes: Array(bytes[i...])))
                break
            }
            if !rasterMode && StarCommand.isPrintable(b) {
                text.append(b)
                i += 1
                continue
            }
            flushText()
            if let (command, length) = command(in: bytes, at: i) {
                tokens.append(.command(command))
                if command == .rasterEnter { rasterMode = true }
                if command == .rasterQuit { rasterMode = false }
                i += length
            } else {
                tokens.append(.unknown(offset: i, bytes: [b]))
                i += 1
            }
        }
        flushText()
        return tokens
    }

    /// The command starting at `i` (a control byte) and its length, when it is known and complete.
    static func command(in b: [UInt8], at i: Int) -> (StarCommand, Int)? {
        let arguments = CommandBytes(b, at: i)
        let byte = arguments.byte
        let le16 = arguments.le16
        let slice = arguments.slice
        switch b[i] {
        case StarCommand.lf: return (.lineFeed, 1)
        case StarCommand.bel: return (.drawer, 1)
        case StarCommand.esc: break
        default: return nil
        }
        guard let c = byte(1) else { return nil }
        switch c {
        case 0x40: return (.initialize, 2)
        case 0x30: return (.lineSpacing3mm, 2)
        case 0x45: return (.emphasis(true), 2)
        case 0x46: return (.emphasis(false), 2)
        case 0x69:
            guard let h = byte(2), let w = byte(3), h <= 5, w <= 5 else { return nil }
            return (.characterSize(width: w + 1, height: h + 1), 4)
        case 0x61: return byte(2).map { (.feedLines($0), 3) }
        case 0x49: return byte(2).map { (.feedDots($0), 3) }
        case 0x64:
            guard let m = byte(2), m <= 3 else { return nil }
            return (.cut(partial: m & 1 == 1, feed: m >= 2), 3)
        case StarCommand.bel:
            guard let on = byte(2), let off = byte(3) else { return nil }
            return (.drawerPulseWidth(onTime: on, offTime: off), 4)
        case 0x6B:
            guard let w = byte(2), byte(3) == 0, let data = slice(4, Int(w) * 24) else { return nil }
            return (.bandImage(widthBytes: Int(w), data: data), 4 + Int(w) * 24)
        case StarCommand.rs:
            guard byte(2) == 0x46, let f = byte(3), f <= 1 else { return nil }
            return (.font(f), 4)
        case 0x2A:
            guard byte(2) == 0x72, let letter = byte(3) else { return nil }
            return rasterCommand(letter, in: b, at: i)
        case StarCommand.gs: break
        default: return nil
        }
        guard let g = byte(2) else { return nil }
        switch g {
        case 0x74: return byte(3).map { (.selectCodePage($0), 4) }
        case 0x61:
            guard let a = byte(3), a <= 2 else { return nil }
            return (.alignment(a), 4)
        case 0x79:
            switch byte(3) {
            case 0x53:
                guard let f = byte(4), let v = byte(5) else { return nil }
                switch f {
                case 0x30: return (.qrModel(v), 6)
                case 0x31: return (.qrErrorCorrection(v), 6)
                case 0x32: return (.qrCellSize(v), 6)
                default: return nil
                }
            case 0x44:
                guard byte(4) == 0x31, byte(5) == 0, let count = le16(6), let data = slice(8, count) else { return nil }
                return (.qrStore(data), 8 + count)
            case 0x50: return (.qrPrint, 4)
            default: return nil
            }
        case 0x53:
            guard byte(3) == 1, let w = le16(4), let h = le16(6), byte(8) == 0, let data = slice(9, w * h) else {
                return nil
            }
            return (.rasterImage(widthBytes: w, height: h, data: data), 9 + w * h)
        default: return nil
        }
    }

    /// `ESC * r` and its letter at `i + 3`; the settings carry a decimal number ended by NUL.
    private static func rasterCommand(_ letter: UInt8, in b: [UInt8], at i: Int) -> (StarCommand, Int)? {
        switch letter {
        case 0x52: return (.rasterInitialize, 4)
        case 0x41: return (.rasterEnter, 4)
        case 0x42: return (.rasterQuit, 4)
        default: break
        }
        var end = i + 4
        var value = 0
        while end < b.count, b[end] != 0 {
            guard b[end] >= 0x30, b[end] <= 0x39, end - i < 10 else { return nil }
            value = value * 10 + Int(b[end] - 0x30)
            end += 1
        }
        guard end < b.count, end > i + 4 else { return nil }
        let length = end + 1 - i
        switch letter {
        case 0x50: return (.rasterPageLength(value), length)
        case 0x45: return (.rasterEOTMode(value), length)
        case 0x44: return (.rasterDrawer(value), length)
        case 0x59: return (.rasterMoveDown(value), length)
        default: return nil
        }
    }
}
