import BillModel
import BillSupport

/// A bill laid out for one paper width: the one model that every output (text, ESC/POS, PNG) reads.
///
/// Text is already broken into printed lines that fit the column grid, so every back end shows the
/// same wraps and columns.
public struct Layout: Sendable, Equatable {
    /// The grid: columns, cell size in dots and the printable width.
    public var grid: LayoutGrid
    /// The blocks from the top of the paper to the cut.
    public var blocks: [LayoutBlock]

    public init(grid: LayoutGrid, blocks: [LayoutBlock]) {
        self.grid = grid
        self.blocks = blocks
    }
}

/// The character grid a layout was made for.
public struct LayoutGrid: Sendable, Equatable, Hashable {
    /// Columns of normal-width text.
    public var columns: Int
    /// The printable width in dots (576 for 80 mm, 384 for 58 mm).
    public var dotsWidth: Int
    /// The width of one character cell in dots (12 for Font A).
    public var cellWidth: Int
    /// The height of one character cell in dots (24 for Font A).
    public var cellHeight: Int
    /// Which of the profile's fonts the grid uses (0 = Font A, 1 = Font B).
    public var font: Int

    public init(columns: Int, dotsWidth: Int, cellWidth: Int, cellHeight: Int, font: Int = 0) {
        self.columns = columns
        self.dotsWidth = dotsWidth
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
        self.font = font
    }
}

/// One block of a layout. Every back end switches over these exhaustively.
public enum LayoutBlock: Sendable, Equatable {
    /// One printed line of text, already fitted to the columns at its size.
    case text(TextLine)
    /// A rule across the full width, printed as a row of `-` (single) or `=` (double).
    case rule(RuleKind)
    /// An SVG picture (the logo or an image line) that drawing back ends rasterise.
    case image(ImageBlock)
    /// A QR code.
    case qrCode(QRBlock)
    /// Blank lines of normal height.
    case feed(lines: Int)
    /// The end of the bill: the paper is fed past the cutter and cut.
    case cut
}

/// Horizontal alignment of a block on the paper.
public enum Alignment: String, Sendable, Equatable, Hashable, CaseIterable {
    case left, center, right
}

/// Character styling that printers can do in text mode.
public struct TextStyle: Sendable, Equatable, Hashable {
    public var bold: Bool
    /// Horizontal magnification, 1...8 (GS ! width).
    public var widthScale: Int
    /// Vertical magnification, 1...8 (GS ! height).
    public var heightScale: Int

    public init(bold: Bool = false, widthScale: Int = 1, heightScale: Int = 1) {
        self.bold = bold
        self.widthScale = widthScale
        self.heightScale = heightScale
    }

    /// Normal text.
    public static let body = TextStyle()
}

/// One printed line of text.
public struct TextLine: Sendable, Equatable {
    /// The characters printed, without alignment padding (label…amount rows carry their inner
    /// padding). Never holds a control character.
    public var text: String
    /// Bold and magnification.
    public var style: TextStyle
    /// Where the line sits on the paper.
    public var alignment: Alignment
    /// The display width of `text` in cells before magnification (`wcwidth`'s count).
    public var cells: Int
    /// Where, in `text`'s UTF-8, a second field starts that ends flush with the line's last cell
    /// (a row's amount), for a line whose text is drawn shaped: the drawing back ends place the
    /// first field by its shaped width and the second at its columns. Nil for a line of one
    /// field, and for lines of grid text only (every character is in its cell anyway).
    public var rightFieldOffset: Int?

    public init(
        text: String, style: TextStyle = .body, alignment: Alignment = .left, cells: Int, rightFieldOffset: Int? = nil
    ) {
        self.text = text
        self.style = style
        self.alignment = alignment
        self.cells = cells
        self.rightFieldOffset = rightFieldOffset
    }

    /// The first column the line occupies on a grid of `columns` (the text back end's position).
    public func startColumn(columns: Int) -> Int {
        startColumn(columns: columns, widthScale: style.widthScale)
    }

    /// The first column the line occupies on a grid of `columns` when shown `widthScale` times
    /// as wide (1 for a back end that cannot magnify).
    package func startColumn(columns: Int, widthScale: Int) -> Int {
        let used = cells * widthScale
        switch alignment {
        case .left: return 0
        case .right: return max(0, columns - used)
        case .center: return max(0, (columns - used) / 2)
        }
    }

    /// The first dot the line occupies across `dotsWidth` (as a printer aligns with `ESC a`).
    public func startDot(grid: LayoutGrid) -> Int {
        let used = cells * style.widthScale * grid.cellWidth
        switch alignment {
        case .left: return 0
        case .right: return max(0, grid.dotsWidth - used)
        case .center: return max(0, (grid.dotsWidth - used) / 2)
        }
    }
}

/// A single or double rule.
public enum RuleKind: String, Sendable, Equatable, Hashable {
    case single, double

    /// The character the rule is printed with.
    public var character: Character { self == .single ? "-" : "=" }

    /// `character` as its ASCII byte.
    package var asciiByte: UInt8 { self == .single ? UInt8(ascii: "-") : UInt8(ascii: "=") }
}

/// Whether a picture is the bill's logo or an image line.
public enum ImageRole: String, Sendable, Equatable, Hashable {
    case logo, image
}

/// An SVG picture to rasterise.
public struct ImageBlock: Sendable, Equatable {
    /// The SVG markup, untrusted.
    public var svg: String
    public var role: ImageRole
    public var alignment: Alignment
    /// The JSON path of the `svgImage` it came from, for diagnostics.
    public var sourcePath: String

    public init(svg: String, role: ImageRole, alignment: Alignment, sourcePath: String) {
        self.svg = svg
        self.role = role
        self.alignment = alignment
        self.sourcePath = sourcePath
    }
}

/// A QR code to print.
public struct QRBlock: Sendable, Equatable {
    /// The text encoded (a URL from the bill, already free of control characters).
    public var payload: String
    public var alignment: Alignment
    /// The width of one module in dots.
    public var moduleSize: Int
    public var errorCorrection: QRErrorCorrection
    /// The JSON path of the URL it came from, for diagnostics.
    public var sourcePath: String

    public init(
        payload: String, alignment: Alignment = .center, moduleSize: Int, errorCorrection: QRErrorCorrection,
        sourcePath: String
    ) {
        self.payload = payload
        self.alignment = alignment
        self.moduleSize = moduleSize
        self.errorCorrection = errorCorrection
        self.sourcePath = sourcePath
    }
}
