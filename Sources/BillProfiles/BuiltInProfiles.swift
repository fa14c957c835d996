/// The profiles that ship with billrender, as Swift values, so they work wherever the binary is
/// copied. `billrender profiles --json NAME` prints one as JSON, the starting point of a user's file.
extension PrinterProfile {
    /// Font A 12×24 and Font B 9×17 on `dots` dots.
    private static func fontsAB(dots: Int) -> [PrinterFont] {
        [
            PrinterFont(name: "A", columns: dots / 12, cellWidth: 12, cellHeight: 24),
            PrinterFont(name: "B", columns: dots / 9, cellWidth: 9, cellHeight: 17),
        ]
    }

    /// The tables of Epson's standard models by their `ESC t` numbers (Epson ESC/POS reference,
    /// `ESC t`): the order is the order of preference when a character is in several.
    private static let epsonTables: [CodeTableEntry] = [
        CodeTableEntry(number: 0, encoding: "cp437"), CodeTableEntry(number: 19, encoding: "cp858"),
        CodeTableEntry(number: 16, encoding: "cp1252"), CodeTableEntry(number: 2, encoding: "cp850"),
        CodeTableEntry(number: 18, encoding: "cp852"), CodeTableEntry(number: 17, encoding: "cp866"),
        CodeTableEntry(number: 40, encoding: "iso-8859-15"),
    ]

    /// The tables nearly every ESC/POS clone has at the same numbers (no ISO 8859-15).
    private static let commonTables = Array(epsonTables.prefix(6))

    /// A generic 80 mm printer: 576 dots, Font A 48 columns (12×24), Font B 64 columns (9×17).
    public static let generic80mm = PrinterProfile(
        name: "generic-80mm", description: "Generic 80 mm ESC/POS printer, 576 dots, 48/64 columns, native QR",
        paperWidthMM: 80, printableDots: 576, fonts: fontsAB(dots: 576), codeTables: commonTables,
        capabilities: PrinterCapabilities(
            nativeQR: true, rasterCommands: [.gsV0, .escStar], cutter: true,
            feedLinesBeforeCut: 1, drawer: true))

    /// A generic 58 mm printer: 384 dots, Font A 32 columns, Font B 42 columns.
    public static let generic58mm = PrinterProfile(
        name: "generic-58mm", description: "Generic 58 mm ESC/POS printer, 384 dots, 32/42 columns, native QR",
        paperWidthMM: 58, printableDots: 384, fonts: fontsAB(dots: 384), codeTables: commonTables,
        capabilities: PrinterCapabilities(
            nativeQR: true, rasterCommands: [.gsV0, .escStar], cutter: true,
            feedLinesBeforeCut: 1, drawer: true))

    /// An Epson TM-T88V/VI class printer on 80 mm paper: 512 dots at 180 dpi, 42/56 columns, every
    /// raster command, `GS V 66` feeds to the cutter by itself, and a vertical motion unit of 1/360
    /// inch (`GS P` default y = 360), two to a dot.
    public static let epsonTMT88 = PrinterProfile(
        name: "epson-tm-t88", description: "Epson TM-T88V/VI class, 80 mm, 512 dots at 180 dpi, 42/56 columns",
        paperWidthMM: 80, printableDots: 512, dpi: 180, verticalUnitsPerDot: 2, fonts: fontsAB(dots: 512),
        codeTables: epsonTables,
        capabilities: PrinterCapabilities(
            nativeQR: true, rasterCommands: [.gsV0, .gsParenL, .escStar],
            cutter: true, feedLinesBeforeCut: 0, drawer: true),
        source:
            "Epson TM-T88V/VI Technical Reference Guides (GS P default x = 180, y = 360: ESC 3 and ESC J count half dots)"
    )

    /// An 80 mm printer that prints everything as raster (no fonts for the bill's scripts, no QR).
    public static let raster80mm = PrinterProfile(
        name: "raster-80mm", description: "80 mm printer driven in raster only, 576 dots, GS v 0 bands of 128 rows",
        paperWidthMM: 80, printableDots: 576, fonts: fontsAB(dots: 576), codeTables: Array(commonTables.prefix(1)),
        capabilities: PrinterCapabilities(
            textMode: false, nativeQR: false, rasterCommands: [.gsV0],
            maxRasterBandHeight: 128, cutter: true, feedLinesBeforeCut: 1,
            drawer: false))

    /// Every built-in profile, by name.
    public static let builtIn: [PrinterProfile] = [generic80mm, generic58mm, epsonTMT88, raster80mm] + builtInModels

    /// The built-in profile named `name`, if any.
    public static func builtIn(named name: String) -> PrinterProfile? {
        builtIn.first { $0.name == name }
    }
}
