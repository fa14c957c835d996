import BillLayout
import BillModel

/// The page and document information of a PDF or SVG bill.
public struct VectorOptions: Sendable, Equatable, Hashable {
    /// The page width in millimetres, the paper's (nil: the caller's profile decides; 80 when
    /// nothing does). A printable width wider than this gets ``marginMM`` on both sides instead.
    public var paperWidthMM: Double?
    /// The printer's resolution the layout's dots are measured in: one dot is 72/dpi points.
    public var dpi: Int
    /// Blank space above the first line and below the last on each page, in millimetres.
    public var marginMM: Double
    /// The tallest page in points (default 14,400, PDF's limit of 200 inches). A longer bill goes on
    /// on further pages, broken between lines. SVG is always one page.
    public var maxPageHeight: Double
    /// The document title (PDF metadata), for example the merchant and the order.
    public var title: String?
    /// When the document was made (PDF metadata), ISO 8601 (`2024-05-01T12:30:00Z`); anything else
    /// is left out.
    public var creationDate: String?

    public init(
        paperWidthMM: Double? = nil, dpi: Int = 203, marginMM: Double = 4, maxPageHeight: Double = 14_400,
        title: String? = nil, creationDate: String? = nil
    ) {
        self.paperWidthMM = paperWidthMM
        self.dpi = dpi
        self.marginMM = marginMM
        self.maxPageHeight = maxPageHeight
        self.title = title
        self.creationDate = creationDate
    }

    /// Throws `.invalidOptions` naming the first value out of range.
    func validate() throws(RasterError) {
        guard (72...1200).contains(dpi) else { throw .invalidOptions("dpi must be 72...1200, is \(dpi)") }
        if let paperWidthMM {
            guard paperWidthMM.isFinite, (10...1000).contains(paperWidthMM) else {
                throw .invalidOptions("paperWidthMM must be 10...1000, is \(paperWidthMM)")
            }
        }
        guard marginMM.isFinite, (0...50).contains(marginMM) else {
            throw .invalidOptions("marginMM must be 0...50, is \(marginMM)")
        }
        guard maxPageHeight.isFinite, (144...14_400).contains(maxPageHeight) else {
            throw .invalidOptions("maxPageHeight must be 144...14,400 points, is \(maxPageHeight)")
        }
    }

    /// `creationDate` as Cairo takes it (`YYYY-MM-DDThh:mm:ss` and `Z` or an offset), or nil when it
    /// is not a date-time in that shape.
    var cairoCreationDate: String? {
        guard let date = creationDate else { return nil }
        let bytes = Array(date.utf8)
        let shape = Array("dddd-dd-ddTdd:dd:dd".utf8)
        guard bytes.count >= shape.count else { return nil }
        for (byte, expected) in zip(bytes, shape) {
            let matches = expected == UInt8(ascii: "d") ? (0x30...0x39).contains(byte) : byte == expected
            guard matches else { return nil }
        }
        var rest = bytes[shape.count...]
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst().drop { (0x30...0x39).contains($0) }
        }
        let zone = String(decoding: rest, as: UTF8.self)
        let offset = Array(zone.utf8)
        let isOffset =
            offset.count == 6 && (offset[0] == UInt8(ascii: "+") || offset[0] == UInt8(ascii: "-"))
            && offset[3] == UInt8(ascii: ":")
            && [1, 2, 4, 5].allSatisfy { (0x30...0x39).contains(offset[$0]) }
        guard zone.isEmpty || zone == "Z" || isOffset else { return nil }
        return String(decoding: bytes[..<shape.count], as: UTF8.self) + zone
    }
}

/// A PDF or SVG bill.
public struct VectorDocument: Sendable {
    /// The file's bytes.
    public var bytes: [UInt8]
    /// The number of pages (always 1 for SVG).
    public var pages: Int
    /// Pictures and QR codes that were left out.
    public var diagnostics: [Diagnostic]
}

/// The digital back end: draws a `Layout` as a PDF or SVG with Cairo, on the same grid and with
/// the same placement as the PNG, but as vectors: text stays text (fonts embedded and subset), QR
/// codes are filled squares, SVG pictures stay paths. Nothing is dithered or made 1-bit.
public enum VectorRenderer {
    /// Draws `layout` as a PDF: pages as wide as the paper, one tall page up to
    /// `vector.maxPageHeight` and further pages beyond it, never breaking a line.
    /// - Throws: `RasterError` for a missing font, invalid options or a bill over `maxHeight`.
    public static func pdf(
        _ layout: Layout, vector: VectorOptions = VectorOptions(), options: RasterOptions = RasterOptions()
    ) throws(RasterError) -> VectorDocument {
        try render(layout, kind: .pdf, vector: vector, options: options)
    }

    /// Draws `layout` as an SVG of one page (glyphs as outlines: Cairo's SVG surface draws text so).
    /// - Throws: `RasterError` for a missing font, invalid options or a bill over `maxHeight`.
    public static func svg(
        _ layout: Layout, vector: VectorOptions = VectorOptions(), options: RasterOptions = RasterOptions()
    ) throws(RasterError) -> VectorDocument {
        try render(layout, kind: .svg, vector: vector, options: options)
    }

    private static func render(
        _ layout: Layout, kind: VectorSurface.Kind, vector: VectorOptions, options: RasterOptions
    )
        throws(RasterError) -> VectorDocument
    {
        try vector.validate()
        var painter = try VectorPainter(grid: layout.grid, options: options, vector: vector)
        let placed = try painter.place(layout.blocks)
        let pages = kind == .pdf ? painter.paginate(placed) : [placed.startIndex..<placed.endIndex]
        let bytes = try painter.draw(placed, pages: pages, kind: kind)
        return VectorDocument(bytes: bytes, pages: pages.count, diagnostics: painter.diagnostics)
    }
}
