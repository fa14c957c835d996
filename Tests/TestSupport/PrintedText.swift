import BillESCPOS
import BillLayout
import BillProfiles

/// The text a printer stream prints, as both test decoders (``ESCPOSDecoder``, ``StarDecoder``)
/// read it: a code table selected by its number in the profile, text runs decoded through it into
/// the current line, a line feed that prints the line, and a feed of blank lines. The decoders
/// spell their commands in the problems they report (`ESC t` or `ESC GS t`).
struct PrintedText {
    /// The selected code table (nil before the first, or after a number the profile lacks).
    private(set) var table: CodeTable?
    /// The line being printed.
    private(set) var line = ""
    /// Whether text has been printed into ``line`` (a line may be empty but still printed).
    private(set) var lineHasText = false

    /// Selects code table `n` of `profile`; `command` spells the command for a problem.
    mutating func select(_ n: UInt8, in profile: PrinterProfile, command: String, problems: inout [String]) {
        guard let entry = profile.codeTables.first(where: { $0.number == Int(n) }),
            let named = CodeTable.named(entry.encoding)
        else {
            problems.append("\(command) \(n) is not a code table of profile \(profile.name)")
            table = nil
            return
        }
        table = named
    }

    /// Prints `run` into the current line through the selected table; `selector` spells the
    /// command that selects one.
    mutating func print(_ run: [UInt8], selector: String, problems: inout [String]) {
        guard let table else {
            problems.append("text before any \(selector)")
            return
        }
        for byte in run {
            guard let scalar = table.scalar(for: byte) else {
                problems.append("byte \(byte) is not printable in \(table.name)")
                continue
            }
            line.unicodeScalars.append(scalar)
        }
        lineHasText = true
    }

    /// A line feed: the line is printed (even when empty).
    mutating func lineFeed(into lines: inout [String]) {
        lines.append(line)
        line = ""
        lineHasText = false
    }

    /// `n` blank lines after the current line, which is printed first when it holds anything.
    mutating func feed(_ n: Int, into lines: inout [String]) {
        if lineHasText || !line.isEmpty { lines.append(line) }
        line = ""
        lineHasText = false
        lines += Array(repeating: "", count: n)
    }
}

/// Adds `band` to `images` as a picture of its own, or below the last one when it `continuing`ly
/// extends it (same width): how both test decoders join a picture sent in bands. A band whose data
/// does not match its size (nil) is a problem.
func appendBand(_ band: Bitmap?, to images: inout [Bitmap], continuing: Bool, problems: inout [String]) {
    guard let band else {
        problems.append("an image band whose data does not match its size")
        return
    }
    if continuing, let last = images.last, last.width == band.width,
        let joined = Bitmap(width: band.width, height: last.height + band.height, bits: last.bits + band.bits)
    {
        images[images.count - 1] = joined
    } else {
        images.append(band)
    }
}
