import BillRender

extension PrinterProfile {
    /// A built-in profile that takes `format`'s language: the generic ones for the previews and
    /// ESC/POS, a Star model for a Star language (58 mm where one exists, when `narrow`).
    public static func speaking(_ format: OutputFormat, narrow: Bool = false) -> PrinterProfile {
        switch format {
        case .text, .png, .escpos, .escposListing, .printer, .listing: narrow ? .generic58mm : .generic80mm
        case .starline: .starTSP654II
        case .starprnt: narrow ? .starSML200 : .starTSP143IV
        case .stargraphic: narrow ? .starSML200 : .starTSP100III
        }
    }

    /// One profile of each language at 80 mm, and the 58 mm Star model: the goldens' printers.
    public static let languageGoldens: [(label: String, profile: PrinterProfile)] = [
        ("escpos.80mm", .epsonTMT20III), ("starline.80mm", .starTSP654II), ("starprnt.80mm", .starTSP143IV),
        ("stargraphic.80mm", .starTSP100III), ("starprnt.58mm", .starSML200),
    ]
}
