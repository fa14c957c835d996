import BillProfiles

extension PrinterProfile {
    /// One profile of each language at 80 mm, and the 58 mm Star model: the goldens' printers.
    public static let languageGoldens: [(label: String, profile: PrinterProfile)] = [
        ("escpos.80mm", .epsonTMT20III), ("starline.80mm", .starTSP654II), ("starprnt.80mm", .starTSP143IV),
        ("stargraphic.80mm", .starTSP100III), ("starprnt.58mm", .starSML200),
    ]
}
