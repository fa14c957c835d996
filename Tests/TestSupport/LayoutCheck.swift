import BillLayout
import BillModel
import BillProfiles

/// Lays bills out in tests, checking on every call what must always hold.
public enum LayoutCheck {
    /// Lays `bill` out at `columns` on `profile` and checks that no line is wider than the paper,
    /// that widths are right, that no control character survives, and that laying out twice gives
    /// the same result.
    /// - Throws: ``CheckFailure`` listing every broken invariant.
    public static func layout(
        _ bill: OrderBill, profile: PrinterProfile = .generic80mm, columns: Int? = nil
    ) throws(CheckFailure) -> LayoutResult {
        let options = LayoutOptions(columns: columns)
        let result = LayoutEngine.layout(bill, profile: profile, options: options)
        let again = LayoutEngine.layout(bill, profile: profile, options: options)
        var problems: [String] = []
        if result.layout != again.layout { problems.append("laying out twice differs") }
        let grid = result.layout.grid
        if let columns, grid.columns != columns { problems.append("\(grid.columns) columns, asked for \(columns)") }
        for block in result.layout.blocks {
            guard case .text(let line) = block else { continue }
            let shown = DisplayWidth.of(line.text)
            if shown != line.cells {
                problems.append("cells \(line.cells) ≠ display width \(shown) of \"\(line.text)\"")
            }
            if line.cells * line.style.widthScale > grid.columns {
                problems.append(
                    "\"\(line.text)\" takes \(line.cells * line.style.widthScale) of \(grid.columns) columns")
            }
            if line.text.unicodeScalars.contains(where: TextSanitizer.isControl) {
                problems.append("control character in \"\(line.text)\"")
            }
        }
        if !problems.isEmpty { throw CheckFailure(problems.joined(separator: "; ")) }
        return result
    }

    /// Decodes `json` (which must have no errors) and lays it out with the checks above.
    public static func layout(
        json: [UInt8], profile: PrinterProfile = .generic80mm, columns: Int? = nil
    ) throws(CheckFailure) -> LayoutResult {
        let decoded = BillDecoder.decode(bytes: json)
        guard let bill = decoded.bill else { throw CheckFailure("bill did not decode: \(decoded.diagnostics)") }
        return try layout(bill, profile: profile, columns: columns)
    }

    /// The two paper widths every golden is made for.
    public static let papers: [(name: String, profile: PrinterProfile)] = [
        ("80mm", .generic80mm), ("58mm", .generic58mm),
    ]
}
