import BillProfiles
import BillRender

extension PrinterProfile {
    /// A built-in profile that takes `format`'s language: the generic ones for the previews and
    /// ESC/POS, a Star model for a Star language (58 mm where one exists, when `narrow`).
    static func speaking(_ format: OutputFormat, narrow: Bool = false) -> PrinterProfile {
        switch format {
        case .text, .png, .pdf, .svg, .escpos, .escposListing, .printer, .listing: narrow ? .generic58mm : .generic80mm
        case .starline: .starTSP654II
        case .starprnt: narrow ? .starSML200 : .starTSP143IV
        case .stargraphic: narrow ? .starSML200 : .starTSP100III
        }
    }
}
