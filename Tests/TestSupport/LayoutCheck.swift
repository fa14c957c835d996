import BillProfiles
import BillRender
import Testing

/// Lays bills out in tests, checking on every call what must always hold.
public enum LayoutCheck {
    /// Lays `bill` out at `columns` on `profile` and checks that no line is wider than the paper,
    /// that widths are right, that no control character survives, and that laying out twice gives
    /// the same result.
    public static func layout(
        _ bill: OrderBill, profile: PrinterProfile = .generic80mm, columns: Int? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> LayoutResult {
        let options = LayoutOptions(columns: columns)
        let result = LayoutEngine.layout(bill, profile: profile, options: options)
        let again = LayoutEngine.layout(bill, profile: profile, options: options)
        #expect(result.layout == again.layout, "laying out twice differs", sourceLocation: sourceLocation)
        let grid = result.layout.grid
        if let columns { #expect(grid.columns == columns, sourceLocation: sourceLocation) }
        for block in result.layout.blocks {
            guard case .text(let line) = block else { continue }
            let shown = DisplayWidth.of(line.text)
            #expect(
                shown == line.cells, "cells \(line.cells) ≠ display width \(shown) of \"\(line.text)\"",
                sourceLocation: sourceLocation)
            #expect(
                line.cells * line.style.widthScale <= grid.columns,
                "\"\(line.text)\" takes \(line.cells * line.style.widthScale) of \(grid.columns) columns",
                sourceLocation: sourceLocation)
            #expect(
                !line.text.unicodeScalars.contains(where: TextSanitizer.isControl),
                "control character in \"\(line.text)\"", sourceLocation: sourceLocation)
        }
        return result
    }

    /// Decodes `json` (which must have no errors) and lays it out with the checks above.
    public static func layout(
        json: [UInt8], profile: PrinterProfile = .generic80mm, columns: Int? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> LayoutResult {
        let decoded = BillDecoder.decode(bytes: json)
        let bill = try #require(
            decoded.bill, "bill did not decode: \(decoded.diagnostics)", sourceLocation: sourceLocation)
        return layout(bill, profile: profile, columns: columns, sourceLocation: sourceLocation)
    }

    /// The two paper widths every golden is made for.
    public static let papers: [(name: String, profile: PrinterProfile)] = [
        ("80mm", .generic80mm), ("58mm", .generic58mm),
    ]
}
