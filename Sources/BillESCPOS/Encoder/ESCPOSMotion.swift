import BillLayout
import BillProfiles

/// ESC/POS's vertical motion unit on a profile: what `ESC 3 n` and `ESC J n` count in. The layout
/// and the PNG count in dots; a 180-dpi Epson head counts in half dots (`GS P` default y = 360), so
/// every spacing and feed the encoder sends goes through here.
enum ESCPOSMotion {
    /// `dots` in the profile's vertical motion units.
    static func units(_ dots: Int, _ profile: PrinterProfile) -> Int {
        max(0, dots) * max(1, profile.verticalUnitsPerDot)
    }

    /// The `n` of `ESC 3 n` for the layout's lines: one `LF` (and each line of `ESC d`) advances
    /// `grid.cellHeight` dots, as the PNG draws a line (at most 255 units, the command's one byte).
    /// Epson feeds at least the characters' height, so a double-height line still takes two cells.
    static func lineSpacing(_ grid: LayoutGrid, _ profile: PrinterProfile) -> UInt8 {
        UInt8(min(units(grid.cellHeight, profile), 255))
    }

    /// `ESC J` commands feeding exactly `dots` dots: `dots` in the profile's units, in as many
    /// commands as 255 units each take.
    static func feed(_ dots: Int, _ profile: PrinterProfile) -> [ESCPOSCommand] {
        var left = units(dots, profile)
        var commands: [ESCPOSCommand] = []
        while left > 0 {
            let n = min(left, 255)
            commands.append(.feedDots(UInt8(n)))
            left -= n
        }
        return commands
    }
}
