import BillLayout
import BillProfiles

/// Hand-built layouts for the ESC/POS tests, shaped like what the layout engine makes of the
/// sample bills (until the engine is on main).
public enum ESCPOSFixtures {
    /// The grid of `profile`'s Font A.
    public static func grid(_ profile: PrinterProfile) -> LayoutGrid {
        let font = profile.fonts.first ?? PrinterFont(name: "A", columns: 48, cellWidth: 12, cellHeight: 24)
        return LayoutGrid(
            columns: font.columns, dotsWidth: profile.printableDots, cellWidth: font.cellWidth,
            cellHeight: font.cellHeight)
    }

    /// A text block; `cells` is the character count (the fixtures hold no wide characters).
    public static func text(
        _ s: String, _ alignment: Alignment = .left, bold: Bool = false, w: Int = 1,
        h: Int = 1
    ) -> LayoutBlock {
        .text(
            TextLine(
                text: s, style: TextStyle(bold: bold, widthScale: w, heightScale: h), alignment: alignment,
                cells: s.count))
    }

    /// `label` and `amount` at both ends of `columns`.
    public static func row(_ label: String, _ amount: String, columns: Int, bold: Bool = false, h: Int = 1)
        -> LayoutBlock
    {
        let gap = max(1, columns - label.count - amount.count)
        return text(label + String(repeating: " ", count: gap) + amount, bold: bold, h: h)
    }

    /// Dojo's guide example (`docs-example.json`) laid out on `profile`.
    public static func docsExample(_ profile: PrinterProfile = .generic80mm) -> Layout {
        let g = grid(profile)
        let c = g.columns
        var b: [LayoutBlock] = [
            text("Dojo", .center, bold: true, w: 2, h: 2),
            text("Brunel Building", .center), text("1 & 2 Canalside Walk", .center), text("London W2 1DG", .center),
            text("Welcome to Our Store!", .center, bold: true, w: 2, h: 2),
            .rule(.single),
            text("Table 5", h: 2), text("Becky 15/03/2022 20:08", .center), text("Transaction:6328", .right),
            .rule(.single),
        ]
        b += [
            row("2 x Pizza Pepperoni", "£24.70", columns: c), row("2 x Lager", "£10.20", columns: c),
            row("1 x Water Still", "£0.50", columns: c), row("2 x Coca Cola", "£4.98", columns: c),
            row("1 x Burger", "£10.90", columns: c), text("    + No Lettuce"),
            row("1 x Burger", "£10.90", columns: c), text("    + Extra Cheese"), text("    + Bacon"),
            .rule(.single),
            row("Subtotal", "£62.18", columns: c), row("10% discount", "-£6.21", columns: c),
            row("Service charge", "£62.95", columns: c), row("VAT", "£62.95", columns: c),
            .rule(.double), row("TOTAL", "£62.95", columns: c, bold: true, h: 2), .rule(.double),
            .feed(lines: 1),
            text("Thank you", .center, w: 2, h: 2), text("VAT No: 342 6287 32", .center),
            text("https://www.website.com", .center),
            .qrCode(
                QRBlock(
                    payload: "https://www.website.com", moduleSize: 6, errorCorrection: .medium,
                    sourcePath: "footer.lines[2].url.url")),
            .cut,
        ]
        return Layout(grid: g, blocks: b)
    }

    /// A bill with pounds and euros on one receipt, and characters from other tables.
    public static func twoCurrencies(_ profile: PrinterProfile = .generic80mm) -> Layout {
        let c = grid(profile).columns
        return Layout(
            grid: grid(profile),
            blocks: [
                text("Café Zoë", .center, bold: true, w: 2, h: 2),
                row("Espresso", "£2.50", columns: c), row("Croissant", "€3.10", columns: c),
                row("Total", "£2.50 + €3.10", columns: c, bold: true),
                .cut,
            ])
    }
}
