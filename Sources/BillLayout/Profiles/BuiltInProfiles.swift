/// The profiles that ship with billrender.
extension PrinterProfile {
    /// A generic 80 mm printer: 576 dots, Font A 48 columns (12×24), Font B 64 columns (9×17).
    public static let generic80mm = PrinterProfile(
        name: "generic-80mm", description: "Generic 80 mm ESC/POS printer, 576 dots, 48/64 columns, native QR",
        paperWidthMM: 80, printableDots: 576,
        fonts: [PrinterFont(name: "A", columns: 48, cellWidth: 12, cellHeight: 24),
                PrinterFont(name: "B", columns: 64, cellWidth: 9, cellHeight: 17)],
        codeTables: [CodeTableEntry(number: 0, encoding: "cp437"), CodeTableEntry(number: 19, encoding: "cp858"),
                     CodeTableEntry(number: 16, encoding: "cp1252")],
        capabilities: PrinterCapabilities(nativeQR: true, rasterCommands: [.gsV0, .escStar], cutter: true,
                                          feedLinesBeforeCut: 4, drawer: true))

    /// A generic 58 mm printer: 384 dots, Font A 32 columns, Font B 42 columns.
    public static let generic58mm = PrinterProfile(
        name: "generic-58mm", description: "Generic 58 mm ESC/POS printer, 384 dots, 32/42 columns, native QR",
        paperWidthMM: 58, printableDots: 384,
        fonts: [PrinterFont(name: "A", columns: 32, cellWidth: 12, cellHeight: 24),
                PrinterFont(name: "B", columns: 42, cellWidth: 9, cellHeight: 17)],
        codeTables: [CodeTableEntry(number: 0, encoding: "cp437"), CodeTableEntry(number: 19, encoding: "cp858"),
                     CodeTableEntry(number: 16, encoding: "cp1252")],
        capabilities: PrinterCapabilities(nativeQR: true, rasterCommands: [.gsV0, .escStar], cutter: true,
                                          feedLinesBeforeCut: 4, drawer: true))

    /// Every built-in profile, by name.
    public static let builtIn: [PrinterProfile] = [generic80mm, generic58mm]

    /// The built-in profile named `name`, if any.
    public static func builtIn(named name: String) -> PrinterProfile? {
        builtIn.first { $0.name == name }
    }
}

extension PrinterProfile {
    /// Why a profile name or file could not be used.
    public struct ResolveError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// A built-in profile by name. (Profile files come with the ESC/POS work.)
    public static func resolve(_ nameOrPath: String) throws(ResolveError) -> PrinterProfile {
        if let p = builtIn(named: nameOrPath) { return p }
        let names = builtIn.map(\.name).joined(separator: ", ")
        throw ResolveError(description: "no built-in profile of that name (\(names))")
    }
}
