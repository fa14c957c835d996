import BillLayout

/// Layouts built by hand for raster tests, shaped like real bills.
enum SampleLayouts {
    /// The Dojo logo from the spec's REST `OrderBill` example (`header.lines[0].logo.svgImage`).
    static let dojoLogo = #"""
        <svg viewBox='0 0 389 100' fill='none' xmlns='http://www.w3.org/2000/svg'><path d='M146.7 100C119.754 100 97.8318 77.5807 97.8318 50.0245C97.8318 22.4682 119.754 0.0489248 146.7 0.0489248C173.645 0.0489248 195.568 22.4682 195.568 50.0245C195.568 77.5807 173.645 100 146.7 100ZM146.616 17.6737C129.155 17.6737 114.946 32.204 114.946 50.0612C114.946 67.9183 129.155 82.4486 146.616 82.4486C164.078 82.4486 178.286 67.9183 178.286 50.0612C178.286 32.204 164.078 17.6737 146.616 17.6737ZM339.182 100C312.237 100 290.314 77.5807 290.314 50.0245C290.314 22.4682 312.237 0.0489248 339.182 0.0489248C366.128 0.0489248 388.05 22.4682 388.05 50.0245C388.05 77.5807 366.128 100 339.182 100ZM339.098 17.6737C321.637 17.6737 307.429 32.204 307.429 50.0612C307.429 67.9183 321.637 82.4486 339.098 82.4486C356.56 82.4486 370.768 67.9183 370.768 50.0612C370.768 32.204 356.56 17.6737 339.098 17.6737ZM17.5212 100C7.85764 100 0 91.9643 0 82.0817V17.9795C0 8.09687 7.85764 0.0489248 17.5212 0.0489248H38.2716C65.2172 0.0489248 87.1397 22.4682 87.1397 50.0245C87.1397 77.5807 65.2172 100 38.2716 100H17.5212ZM17.4136 17.6676C17.4136 17.6709 17.4108 17.6737 17.4075 17.6738C17.2907 17.677 17.1983 17.7736 17.1983 17.8938V82.2285C17.1983 82.3508 17.294 82.4486 17.4136 82.4486H37.853C55.3742 82.4486 69.7739 68.0651 69.9414 50.3792C70.0251 41.683 66.7601 33.476 60.7682 27.275C54.7643 21.0739 46.7751 17.6615 38.2716 17.6615H17.4197C17.4163 17.6615 17.4136 17.6642 17.4136 17.6676V17.6676ZM242.917 100C252.688 100 261.885 96.0983 268.822 89.0166C275.747 81.9349 279.562 72.5171 279.562 62.5245L279.61 2.66634C279.61 1.19863 278.438 0 277.003 0H264.995C263.56 0 262.388 1.19863 262.388 2.66634L262.34 62.5245C262.34 73.4711 253.621 82.3875 242.917 82.3875H242.618C232.081 82.2285 223.494 73.1654 223.494 62.2065V51.4432C223.494 49.9755 222.322 48.7769 220.887 48.7769H208.879C207.444 48.7769 206.272 49.9755 206.272 51.4432V62.1208C206.272 82.8889 222.621 99.8777 242.702 100H242.917Z' fill='#180F06'></path></svg>
        """#

    /// The generic 80 mm grid: 48 columns of Font A (12 × 24 dots) across 576 dots.
    static let grid80 = LayoutGrid(columns: 48, dotsWidth: 576, cellWidth: 12, cellHeight: 24)
    /// The generic 58 mm grid: 32 columns across 384 dots.
    static let grid58 = LayoutGrid(columns: 32, dotsWidth: 384, cellWidth: 12, cellHeight: 24)

    static let qrURL = "https://www.website.com"

    /// A label…amount row padded to `columns`.
    static func row(_ label: String, _ amount: String, columns: Int = 48, bold: Bool = false) -> LayoutBlock {
        let padding = max(1, columns - label.count - amount.count)
        let text = label + String(repeating: " ", count: padding) + amount
        return .text(TextLine(text: text, style: TextStyle(bold: bold), cells: text.count))
    }

    static func centered(_ text: String, style: TextStyle = .body) -> LayoutBlock {
        .text(TextLine(text: text, style: style, alignment: .center, cells: text.count))
    }

    /// A bill: logo, bold 2×2 header, address, items, rules, totals with £, QR and cut.
    static func bill(grid: LayoutGrid = grid80) -> Layout {
        let columns = grid.columns
        return Layout(
            grid: grid,
            blocks: [
                .image(
                    ImageBlock(
                        svg: dojoLogo, role: .logo, alignment: .center, sourcePath: "header.lines[0].logo.svgImage")),
                .feed(lines: 1),
                centered("Dojo", style: TextStyle(bold: true, widthScale: 2, heightScale: 2)),
                centered("Brunel Building"),
                centered("1 & 2 Canalside Walk"),
                centered("London W2 1DG"),
                centered("dojo@dojo.tech"),
                .rule(.double),
                .text(TextLine(text: "Table 12 · 4 guests", cells: 19)),
                .rule(.single),
                row("2 x Margherita", "£19.00", columns: columns),
                row("1 x Tiramisu", "£6.50", columns: columns),
                .text(TextLine(text: "   + extra cream", cells: 16)),
                row("3 x Peroni 330ml", "£15.00", columns: columns),
                row("1 x Sparkling water 750ml", "£4.50", columns: columns),
                row("Service charge 12.5%", "£5.95", columns: columns),
                row("Discount (staff)", "-£6.21", columns: columns),
                .rule(.single),
                .text(
                    TextLine(
                        text: "TOTAL  £62.95", style: TextStyle(bold: true, widthScale: 2, heightScale: 2),
                        alignment: .right, cells: 13)),
                .rule(.double),
                centered("Scan to pay at your table"),
                .qrCode(
                    QRBlock(
                        payload: qrURL, alignment: .center, moduleSize: 6, errorCorrection: .medium,
                        sourcePath: "footer.lines[0].url.url")),
                centered("Thank you!", style: TextStyle(bold: true)),
                .feed(lines: 3),
                .cut,
            ])
    }
}
