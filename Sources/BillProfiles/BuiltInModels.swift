/// Real printer models, from their manufacturers' specifications (each profile's `source` names
/// the document). Where python-escpos's escpos-printer-db (CC BY 4.0,
/// github.com/receipt-print-hq/escpos-printer-db) describes a model, its paper, dots, columns and
/// code-page numbers were checked against it and agree.
extension PrinterProfile {
    /// Font A 12×24 and Font B 9×17 (Epson and its clones) on `dots` dots.
    private static func epsonFonts(dots: Int) -> [PrinterFont] {
        [
            PrinterFont(name: "A", columns: dots / 12, cellWidth: 12, cellHeight: 24),
            PrinterFont(name: "B", columns: dots / 9, cellWidth: 9, cellHeight: 17),
        ]
    }

    /// Star's Font A 12×24 and Font B 9×24 on `dots` dots (Star Line mode and StarPRNT, `ESC RS F`).
    private static func starFonts(dots: Int) -> [PrinterFont] {
        [
            PrinterFont(name: "A", columns: dots / 12, cellWidth: 12, cellHeight: 24),
            PrinterFont(name: "B", columns: dots / 9, cellWidth: 9, cellHeight: 24),
        ]
    }

    /// Epson's `ESC t` pages of the current TM models (Epson, "ESC/POS Character Code Tables"):
    /// PC437, PC858 (€), WPC1252, PC850, PC852, PC866, ISO 8859-15, in order of preference.
    private static let epsonPages: [CodeTableEntry] = [
        CodeTableEntry(number: 0, encoding: "cp437"), CodeTableEntry(number: 19, encoding: "cp858"),
        CodeTableEntry(number: 16, encoding: "cp1252"), CodeTableEntry(number: 2, encoding: "cp850"),
        CodeTableEntry(number: 18, encoding: "cp852"), CodeTableEntry(number: 17, encoding: "cp866"),
        CodeTableEntry(number: 40, encoding: "iso-8859-15"),
    ]

    /// The same pages without ISO 8859-15, which Bixolon's, Citizen's and the clones' tables of the
    /// same numbers lack.
    private static let escposPages = Array(epsonPages.prefix(6))

    /// Star's `ESC GS t` pages (StarPRNT and Star Line Mode Command Specifications, "Specify code
    /// page"; escpos-printer-db's mcPrint entry agrees): 1 PC437, 4 PC858, 32 Windows-1252,
    /// 5 PC852, 10 PC866.
    private static let starPages: [CodeTableEntry] = [
        CodeTableEntry(number: 1, encoding: "cp437"), CodeTableEntry(number: 4, encoding: "cp858"),
        CodeTableEntry(number: 32, encoding: "cp1252"), CodeTableEntry(number: 5, encoding: "cp852"),
        CodeTableEntry(number: 10, encoding: "cp866"),
    ]

    /// The vertical motion unit of the 180-dpi Epson heads (TM-T88 family, TM-T82III): `GS P`'s
    /// default is x = 180, y = 360 (Epson TM-T88III/IV/V/VI Specification and ESC/POS Command
    /// Reference, `GS P`: "a normal dot pitch in horizontal and half dot pitch in vertical"), and
    /// `ESC 3`, `ESC J` and `GS V` count in y, so one dot is two units. 203-dpi models default to
    /// 203 × 203: one unit a dot.
    private static func epsonUnitsPerDot(dpi: Int) -> Int { dpi == 180 ? 2 : 1 }

    /// An Epson TM model on 80 mm paper with every raster command; `GS V 66` feeds to the cutter
    /// by itself, so nothing is fed before it.
    private static func epsonTM(
        _ name: String, _ model: String, dpi: Int, dots: Int, fonts: [PrinterFont]? = nil, source: String
    ) -> PrinterProfile {
        let f = fonts ?? epsonFonts(dots: dots)
        let units = epsonUnitsPerDot(dpi: dpi)
        return PrinterProfile(
            name: name,
            description:
                "Epson \(model), 80 mm, \(dots) dots at \(dpi) dpi, \(f.map { String($0.columns) }.joined(separator: "/")) columns",
            paperWidthMM: 80, printableDots: dots, dpi: dpi, verticalUnitsPerDot: units, fonts: f,
            codeTables: epsonPages,
            capabilities: PrinterCapabilities(
                nativeQR: true, rasterCommands: [.gsV0, .gsParenL, .escStar], cutter: true,
                feedLinesBeforeCut: 0, drawer: true),
            language: .escpos,
            source: units == 1 ? source : source + "; GS P default x = 180, y = 360: ESC 3 and ESC J count half dots")
    }

    public static let epsonTMT20III = epsonTM(
        "epson-tm-t20iii", "TM-T20III", dpi: 203, dots: 576,
        source:
            "Epson TM-T20III Technical Reference Guide (203 dpi, 72 mm = 576 dots, Font A 48 / Font B 64 columns); escpos-printer-db TM-T20III"
    )
    public static let epsonTMT20II = epsonTM(
        "epson-tm-t20ii", "TM-T20II", dpi: 203, dots: 576,
        source:
            "Epson TM-T20II Technical Reference Guide (203 dpi, 72 mm = 576 dots, Font A 48 / Font B 64 columns); escpos-printer-db TM-T20II"
    )
    public static let epsonTMT88V = epsonTM(
        "epson-tm-t88v", "TM-T88V", dpi: 180, dots: 512,
        source:
            "Epson TM-T88V Technical Reference Guide (180 dpi, 72 mm = 512 dots, Font A 42 / Font B 56 columns); escpos-printer-db TM-T88V"
    )
    public static let epsonTMT88VI = epsonTM(
        "epson-tm-t88vi", "TM-T88VI", dpi: 180, dots: 512,
        source:
            "Epson TM-T88VI Technical Reference Guide (180 dpi, 72 mm = 512 dots, Font A 42 / Font B 56 columns); escpos-printer-db TM-T88V (same head)"
    )
    public static let epsonTMT88VII = epsonTM(
        "epson-tm-t88vii", "TM-T88VII", dpi: 180, dots: 512,
        source: "Epson TM-T88VII Technical Reference Guide (180 dpi, 72 mm = 512 dots, Font A 42 / Font B 56 columns)")
    public static let epsonTMm30III = epsonTM(
        "epson-tm-m30iii", "TM-m30III", dpi: 203, dots: 576,
        fonts: [
            PrinterFont(name: "A", columns: 48, cellWidth: 12, cellHeight: 24),
            PrinterFont(name: "B", columns: 57, cellWidth: 10, cellHeight: 24),
        ],
        source:
            "Epson TM-m30III Technical Reference Guide rev. E (203 dpi, 72 mm = 576 dots, Font A 12x24 48 / Font B 10x24 57 columns); escpos-printer-db TM-m30III"
    )
    public static let epsonTMT82III = epsonTM(
        "epson-tm-t82iii", "TM-T82III", dpi: 180, dots: 512,
        source: "Epson TM-T82III Technical Reference Guide (180 dpi, 72 mm = 512 dots, Font A 42 / Font B 56 columns)")

    public static let bixolonSRP350plusV = PrinterProfile(
        name: "bixolon-srp-350plusv", description: "Bixolon SRP-350plusV, 80 mm, 512 dots at 180 dpi, 42/56 columns",
        paperWidthMM: 80, printableDots: 512, dpi: 180, verticalUnitsPerDot: 2, fonts: epsonFonts(dots: 512),
        codeTables: escposPages,
        capabilities: PrinterCapabilities(
            nativeQR: true, rasterCommands: [.gsV0, .escStar], cutter: true, feedLinesBeforeCut: 0, drawer: true),
        language: .escpos,
        source:
            "Bixolon SRP-350plusV User's Manual and Command Manual (180 dpi, 72 mm = 512 dots, 42/56 columns, ESC t 0/2/16/17/18/19; GS P default x = 180, y = 360: ESC 3 and ESC J count half dots)"
    )

    public static let citizenCTS310II = PrinterProfile(
        name: "citizen-ct-s310ii", description: "Citizen CT-S310II, 80 mm, 576 dots at 203 dpi, 48/64 columns",
        paperWidthMM: 80, printableDots: 576, dpi: 203, fonts: epsonFonts(dots: 576), codeTables: escposPages,
        capabilities: PrinterCapabilities(
            nativeQR: true, rasterCommands: [.gsV0, .escStar], cutter: true, feedLinesBeforeCut: 0, drawer: true),
        language: .escpos,
        source:
            "Citizen CT-S310II User's Manual and Command Reference (203 dpi, 72 mm = 576 dots, 48/64 columns); escpos-printer-db CT-S651 (same Citizen ESC t numbers)"
    )

    /// The 80 mm clones sold under many names (Xprinter XP-80C, Rongta RP80, HOIN, Munbyn …): Epson's
    /// commands without `GS ( L`, GS v 0 in modest bands.
    public static let clone80mm = PrinterProfile(
        name: "escpos-clone-80mm",
        description: "Common 80 mm ESC/POS clone (Xprinter XP-80C class), 576 dots at 203 dpi, 48/64 columns",
        paperWidthMM: 80, printableDots: 576, dpi: 203, fonts: epsonFonts(dots: 576), codeTables: escposPages,
        capabilities: PrinterCapabilities(
            nativeQR: true, rasterCommands: [.gsV0, .escStar], maxRasterBandHeight: 128, cutter: true,
            feedLinesBeforeCut: 1, drawer: true),
        language: .escpos,
        source: "Xprinter XP-80C programming manual (576 dots, 48/64 columns, GS ( k QR); escpos-printer-db default")

    /// The 58 mm clones (POS-5890, ZJ-5870 class): no cutter, no drawer port, no native QR.
    public static let clone58mm = PrinterProfile(
        name: "escpos-clone-58mm",
        description: "Common 58 mm ESC/POS clone (POS-5890 class), 384 dots at 203 dpi, 32/42 columns, tear bar",
        paperWidthMM: 58, printableDots: 384, dpi: 203, fonts: epsonFonts(dots: 384), codeTables: escposPages,
        capabilities: PrinterCapabilities(
            nativeQR: false, rasterCommands: [.gsV0], maxRasterBandHeight: 128, cutter: false,
            feedLinesBeforeCut: 3, drawer: false),
        language: .escpos,
        source:
            "Zjiang POS-5890 programmer's manual (57.5 mm paper, 384 dots, 32/42 columns); escpos-printer-db POS-5890 and simple (no QR, no cut)"
    )

    /// A Star model in Line mode or StarPRNT on `dots` dots.
    private static func star(
        _ name: String, _ model: String, language: PrinterLanguage, paper: Int, dots: Int, cutter: Bool = true,
        drawer: Bool = true, source: String
    ) -> PrinterProfile {
        let raster: RasterCommand = language == .starline ? .starBand : .starRaster
        return PrinterProfile(
            name: name,
            description:
                "Star \(model), \(paper) mm, \(dots) dots at 203 dpi, \(dots / 12)/\(dots / 9) columns, \(language == .starline ? "Star Line mode" : "StarPRNT")",
            paperWidthMM: paper, printableDots: dots, dpi: 203, fonts: starFonts(dots: dots), codeTables: starPages,
            capabilities: PrinterCapabilities(
                nativeQR: true, rasterCommands: [raster], maxRasterBandHeight: 255, cutter: cutter,
                feedLinesBeforeCut: 0, drawer: drawer),
            language: language, source: source, communication: starStatusCommunication)
    }

    /// Line mode and StarPRNT printers answer Star's status request (`ESC ACK SOH`, automatic
    /// status; Star Line Mode Command Specifications), which printing sends in Star's dialect; Star
    /// has no `GS ( H`, so nothing confirms a Star bill but CUPS.
    private static let starStatusCommunication = PrinterCommunication(realTimeStatus: true, processIDResponse: false)

    /// A raster-only Star Graphic printer is asked nothing: in raster mode billrender sends no
    /// Line-mode request.
    private static let starCommunication = PrinterCommunication(realTimeStatus: false, processIDResponse: false)

    public static let starTSP143IV = star(
        "star-tsp143iv", "TSP143IV", language: .starprnt, paper: 80, dots: 576,
        source:
            "Star TSP100IV Hardware Manual (203 dpi, 72 mm = 576 dots) and StarPRNT Command Specifications (ESC GS S, ESC GS y QR, ESC GS t)"
    )
    public static let starMCPrint3 = star(
        "star-mcprint3", "mC-Print3", language: .starprnt, paper: 80, dots: 576,
        source:
            "Star mC-Print3 Hardware Manual (203 dpi, 72 mm = 576 dots, 48/64 columns) and StarPRNT Command Specifications; escpos-printer-db mcPrint (code pages)"
    )
    public static let starMCPrint2 = star(
        "star-mcprint2", "mC-Print2", language: .starprnt, paper: 58, dots: 384,
        source:
            "Star mC-Print2 Hardware Manual (58 mm paper, 48 mm = 384 dots at 203 dpi, cutter, drawer port) and StarPRNT Command Specifications; escpos-printer-db mcPrint (code pages)"
    )
    public static let starSML200 = star(
        "star-sm-l200", "SM-L200", language: .starprnt, paper: 58, dots: 384, cutter: false, drawer: false,
        source:
            "Star SM-L200 Hardware Manual (58 mm paper, 48 mm = 384 dots at 203 dpi, tear bar, no drawer port) and StarPRNT Command Specifications"
    )
    public static let starTSP654II = star(
        "star-tsp654ii", "TSP654II", language: .starline, paper: 80, dots: 576,
        source:
            "Star TSP650II Hardware Manual (203 dpi, 72 mm = 576 dots, 48/64 columns) and STAR Line Mode Command Specifications (ESC k, ESC GS y QR, ESC d)"
    )

    public static let starTSP743II = star(
        "star-tsp743ii", "TSP743II", language: .starline, paper: 80, dots: 576,
        source:
            "Star TSP700II Hardware Manual (203 dpi, 72 mm = 576 dots, 48/64 columns, cutter, drawer port) and STAR Line Mode Command Specifications"
    )

    /// The TSP100III family prints only raster (Star Graphic): no fonts, no QR command; its bill is
    /// laid out on Font A's grid and drawn by the raster back end.
    public static let starTSP100III = PrinterProfile(
        name: "star-tsp100iii",
        description: "Star TSP100III (TSP143III), 80 mm, 576 dots at 203 dpi, raster only (Star Graphic)",
        paperWidthMM: 80, printableDots: 576, dpi: 203, fonts: starFonts(dots: 576), codeTables: starPages,
        capabilities: PrinterCapabilities(
            textMode: false, nativeQR: false, rasterCommands: [.starGraphic], maxRasterBandHeight: 255, cutter: true,
            feedLinesBeforeCut: 0, drawer: true),
        language: .stargraphic,
        source:
            "Star TSP100III Hardware Manual (203 dpi, 72 mm = 576 dots, raster only) and Star Graphic Mode Command Specifications (ESC * r A/B/E/D/Y, b)",
        communication: starCommunication)

    /// Every built-in real model.
    public static let builtInModels: [PrinterProfile] = [
        epsonTMT20III, epsonTMT20II, epsonTMT88V, epsonTMT88VI, epsonTMT88VII, epsonTMm30III, epsonTMT82III,
        bixolonSRP350plusV,
        citizenCTS310II, clone80mm, clone58mm, starTSP143IV, starMCPrint3, starMCPrint2, starSML200, starTSP654II,
        starTSP743II,
        starTSP100III,
    ]
}
