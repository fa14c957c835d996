/// What a receipt printer can do: paper, fonts, code tables and commands. Profiles are data:
/// built-in JSON documents plus a user's own files that extend them.
public struct PrinterProfile: Sendable, Equatable {
    /// A short name, for example `generic-80mm`.
    public var name: String
    /// One line for `billrender profiles`.
    public var description: String
    /// The paper width in millimetres (80 or 58).
    public var paperWidthMM: Int
    /// The printable width in dots (576 for 80 mm at 203 dpi).
    public var printableDots: Int
    /// Dots per inch.
    public var dpi: Int
    /// ESC/POS vertical motion units per dot: what `ESC 3 n` and `ESC J n` count in. 1 where the
    /// unit is the dot (203-dpi models: `GS P` defaults to 203 × 203); 2 on the 180-dpi Epson
    /// TM-T88 family, TM-T82III and their clones, whose `GS P` defaults to x = 180, y = 360, a
    /// vertical unit of half a dot.
    public var verticalUnitsPerDot: Int
    /// The resident fonts: index 0 is Font A, 1 is Font B.
    public var fonts: [PrinterFont]
    /// The character code tables the printer holds, by their `ESC t` number.
    public var codeTables: [CodeTableEntry]
    /// What the printer can do beyond text.
    public var capabilities: PrinterCapabilities
    /// The command language the printer is driven in (`--format printer`, `print`).
    public var language: PrinterLanguage
    /// Where the profile's facts come from (the manufacturer's specification), empty for a
    /// generic class.
    public var source: String
    /// Status, confirmation and serial settings for printing.
    public var communication = PrinterCommunication()

    public init(
        name: String, description: String, paperWidthMM: Int, printableDots: Int, dpi: Int = 203,
        verticalUnitsPerDot: Int = 1, fonts: [PrinterFont], codeTables: [CodeTableEntry],
        capabilities: PrinterCapabilities,
        language: PrinterLanguage = .escpos, source: String = "",
        communication: PrinterCommunication = PrinterCommunication()
    ) {
        self.name = name
        self.description = description
        self.paperWidthMM = paperWidthMM
        self.printableDots = printableDots
        self.dpi = dpi
        self.verticalUnitsPerDot = verticalUnitsPerDot
        self.fonts = fonts
        self.codeTables = codeTables
        self.capabilities = capabilities
        self.language = language
        self.source = source
        self.communication = communication
    }

    /// The languages the printer takes: its own, and Star Graphic (raster mode) on every Star
    /// printer with text, whose firmware has raster mode beside its text mode.
    public var languages: [PrinterLanguage] {
        switch language {
        case .escpos, .stargraphic: [language]
        case .starline, .starprnt: [language, .stargraphic]
        }
    }
}

/// A printer command language.
public enum PrinterLanguage: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Epson's ESC/POS and its clones.
    case escpos
    /// Star Line mode.
    case starline
    /// StarPRNT.
    case starprnt
    /// Star Graphic: the raster mode of the TSP100 family (and of every Star printer).
    case stargraphic
}

/// A resident font: its cell size and how many columns fit the printable width.
public struct PrinterFont: Sendable, Equatable {
    public var name: String
    public var columns: Int
    public var cellWidth: Int
    public var cellHeight: Int

    public init(name: String, columns: Int, cellWidth: Int, cellHeight: Int) {
        self.name = name
        self.columns = columns
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
    }
}

/// One code table: its `ESC t n` number and the encoding it holds (`cp437`, `cp858`, `cp1252`, …).
public struct CodeTableEntry: Sendable, Equatable {
    public var number: Int
    public var encoding: String

    public init(number: Int, encoding: String) {
        self.number = number
        self.encoding = encoding
    }
}

/// The raster image commands of ESC/POS.
public enum RasterCommand: String, Sendable, Equatable, CaseIterable {
    /// `GS v 0`: raster bit image.
    case gsV0 = "GS v 0"
    /// `GS ( L`: graphics data.
    case gsParenL = "GS ( L"
    /// `ESC *`: bit image in 24-dot columns.
    case escStar = "ESC *"
    /// StarPRNT's `ESC GS S`: a raster image.
    case starRaster = "ESC GS S"
    /// Star Line mode's `ESC k`: 24-row raster bands.
    case starBand = "ESC k"
    /// Star Graphic's raster mode (`ESC * r A`, rows of `b`).
    case starGraphic = "ESC * r"
}

/// What the printer can do beyond text; back ends read these flags and nothing else.
public struct PrinterCapabilities: Sendable, Equatable {
    /// False for a raster-only printer: every line goes as an image.
    public var textMode: Bool
    /// `GS ( k` QR codes.
    public var nativeQR: Bool
    /// The raster commands it takes, most preferred first.
    public var rasterCommands: [RasterCommand]
    /// The tallest raster band it takes in one command.
    public var maxRasterBandHeight: Int
    /// Whether it has an auto-cutter (`GS V`).
    public var cutter: Bool
    /// Lines to feed before the cut so that the last line clears the cutter.
    public var feedLinesBeforeCut: Int
    /// Whether it has a cash-drawer port (`ESC p`).
    public var drawer: Bool

    public init(
        textMode: Bool = true, nativeQR: Bool, rasterCommands: [RasterCommand], maxRasterBandHeight: Int = 255,
        cutter: Bool, feedLinesBeforeCut: Int, drawer: Bool
    ) {
        self.textMode = textMode
        self.nativeQR = nativeQR
        self.rasterCommands = rasterCommands
        self.maxRasterBandHeight = maxRasterBandHeight
        self.cutter = cutter
        self.feedLinesBeforeCut = feedLinesBeforeCut
        self.drawer = drawer
    }
}
