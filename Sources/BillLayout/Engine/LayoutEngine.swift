import BillModel
import BillProfiles
import BillSupport

/// Lays a bill out for a printer: the header (logo first), the order section, the footer (tax
/// numbers last) and the cut.
///
/// Sizes: `Header1` is double width and double height (2×2), `Header2` double height (1×2),
/// `Body` normal; double-width text has half the columns. The merchant's name prints bold 2×2.
public enum LayoutEngine {
    /// Lays `bill` out on `profile`'s paper; `measure` says how wide shaped text is drawn (the
    /// facade passes the raster back end's), so wraps fit both the text grid and the paper.
    public static func layout(
        _ bill: OrderBill, profile: PrinterProfile = .generic80mm,
        options: LayoutOptions = LayoutOptions(), measure: (any DrawnTextMeasure)? = nil
    ) -> LayoutResult {
        var diagnostics: [Diagnostic] = []
        let grid = makeGrid(profile: profile, columns: options.columns, diagnostics: &diagnostics)
        var buffer = LayoutBuffer(grid: grid, measure: measure, maxBlocks: options.maxLines)
        let moduleSize = options.qrModuleSize ?? (grid.dotsWidth >= 500 ? 6 : 5)
        let lines = LineContext(options: options, moduleSize: moduleSize)

        // The logo prints at the top, wherever it stands.
        placeLogos(bill.header.lines, section: "header", into: &buffer)
        placeLogos(bill.footer.lines, section: "footer", into: &buffer)
        lines.place(bill.header.lines, section: "header", into: &buffer, taxNumbers: false, diagnostics: &diagnostics)
        OrderSection.layout(bill.order, into: &buffer)
        lines.place(bill.footer.lines, section: "footer", into: &buffer, taxNumbers: false, diagnostics: &diagnostics)
        // Tax numbers print at the bottom of the footer, wherever they stand (header's first).
        lines.place(bill.header.lines, section: "header", into: &buffer, taxNumbers: true, diagnostics: &diagnostics)
        lines.place(bill.footer.lines, section: "footer", into: &buffer, taxNumbers: true, diagnostics: &diagnostics)
        buffer.append(.cut)
        if buffer.overflowed {
            diagnostics.append(
                Diagnostic(
                    .error, .limitExceeded, at: "",
                    "the bill lays out to more than \(options.maxLines) lines (LayoutOptions.maxLines, --max-lines); it is not printed"
                ))
        }
        return LayoutResult(layout: Layout(grid: grid, blocks: buffer.blocks), diagnostics: diagnostics)
    }

    /// The logos among `lines` of `section`, as images.
    private static func placeLogos(_ lines: [BillLine], section: String, into buffer: inout LayoutBuffer) {
        // Read in place, by index: a line is only copied when it is a logo.
        for i in lines.indices {
            if case .logo(let svg) = lines[i] {
                buffer.append(
                    .image(
                        ImageBlock(
                            svg: svg, role: .logo, alignment: .center,
                            sourcePath: "\(section).lines[\(i)].logo.svgImage")))
            }
        }
    }

    /// The grid for `columns` on `profile`: a profile font when one has that many columns, else
    /// Font A's cell height with the width divided evenly.
    public static func makeGrid(profile: PrinterProfile, columns: Int?, diagnostics: inout [Diagnostic]) -> LayoutGrid {
        let fonts =
            profile.fonts.isEmpty ? [PrinterFont(name: "A", columns: 48, cellWidth: 12, cellHeight: 24)] : profile.fonts
        let dots = max(8, profile.printableDots)
        guard var wanted = columns else {
            let f = fonts[0]
            return LayoutGrid(
                columns: max(1, f.columns), dotsWidth: dots, cellWidth: max(1, f.cellWidth),
                cellHeight: max(1, f.cellHeight), font: 0)
        }
        let range = LayoutOptions.columnRange
        if !range.contains(wanted) {
            let clamped = min(max(wanted, range.lowerBound), range.upperBound)
            diagnostics.append(
                Diagnostic(
                    .warning, .limitExceeded, at: "",
                    "\(wanted) columns is outside \(range.lowerBound)–\(range.upperBound); using \(clamped)"))
            wanted = clamped
        }
        if let k = fonts.firstIndex(where: { $0.columns == wanted }) {
            let f = fonts[k]
            return LayoutGrid(
                columns: wanted, dotsWidth: dots, cellWidth: max(1, f.cellWidth), cellHeight: max(1, f.cellHeight),
                font: k)
        }
        return LayoutGrid(
            columns: wanted, dotsWidth: dots, cellWidth: max(1, dots / wanted),
            cellHeight: max(1, fonts[0].cellHeight), font: 0)
    }
}

/// Lays out header and footer lines.
struct LineContext {
    let options: LayoutOptions
    let moduleSize: Int

    /// `VAT No. 342 6287 32` for a short tax name; `USt-IdNr.: DE 123` for one that says "number" itself.
    static func taxNumberText(name: String, number: String) -> String {
        if name.isEmpty { return "Tax No. " + number }
        if isShortWord(name) { return name + " No. " + number }
        return name + ": " + number
    }

    /// Whether `name` is at most 4 letters (`VAT`, `GST`). ASCII (most names) is read byte by
    /// byte; anything else by `Character`.
    static func isShortWord(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return name.count <= 4 && name.allSatisfy(\.isLetter) }
        // In ASCII a letter is A–Z or a–z (and "\r\n", the one two-byte character, is none).
        return utf8.count <= 4 && utf8.allSatisfy { (0x61...0x7A).contains($0 | 0x20) }
    }

    func place(
        _ lines: [BillLine], section: String, into buffer: inout LayoutBuffer, taxNumbers: Bool,
        diagnostics: inout [Diagnostic]
    ) {
        // Read in place, by index: the pass for tax numbers copies no other line.
        for i in lines.indices {
            if taxNumbers {
                if case .taxNumber(let name, let number) = lines[i] {
                    buffer.text(Self.taxNumberText(name: name, number: number), alignment: .center)
                }
                continue
            }
            // Spelled out only for a diagnostic or a picture.
            func path() -> String { "\(section).lines[\(i)]" }
            switch lines[i] {
            case .logo, .taxNumber, .skipped:
                continue
            case .image(let svg, let align):
                buffer.append(
                    .image(
                        ImageBlock(
                            svg: svg, role: .image, alignment: Alignment(align ?? .left),
                            sourcePath: path() + ".image.svgImage")))
            case .merchantName(let name):
                buffer.text(name, style: TextStyle(bold: true, widthScale: 2, heightScale: 2), alignment: .center)
            case .merchantAddress(let addressLines, let postcode):
                for l in addressLines where !l.isEmpty { buffer.text(l, alignment: .center) }
                if !postcode.isEmpty { buffer.text(postcode, alignment: .center) }
            case .merchantEmailAddress(let email):
                buffer.text(email, alignment: .center)
            case .merchantPhoneNumber(let phone):
                buffer.text("Tel: \(phone)", alignment: .center)
            case .text(let t):
                let style: TextStyle
                switch t.size {
                case .body: style = TextStyle(bold: t.bold)
                case .header1: style = TextStyle(bold: t.bold, widthScale: 2, heightScale: 2)
                case .header2: style = TextStyle(bold: t.bold, widthScale: 1, heightScale: 2)
                }
                buffer.text(t.value, style: style, alignment: Alignment(t.align ?? .left))
            case .horizontalLine(let kind):
                buffer.rule(kind == .double ? .double : .single, replacingSoftRule: true)
            case .url(let u):
                if let d = u.description, !d.isEmpty { buffer.text(d, alignment: .center) }
                var showURL = u.showURL
                if u.showQR, u.url.utf8.count > QRCapacity.maxBytes(level: options.qrErrorCorrection) {
                    diagnostics.append(
                        Diagnostic(
                            .warning, .qrTooLong, at: path() + ".url.url",
                            "\(u.url.utf8.count) bytes do not fit a QR code at error correction \(options.qrErrorCorrection.rawValue) (\(QRCapacity.maxBytes(level: options.qrErrorCorrection)) at most); the URL prints as text"
                        ))
                    showURL = true
                } else if u.showQR {
                    buffer.append(
                        .qrCode(
                            QRBlock(
                                payload: u.url, alignment: .center, moduleSize: moduleSize,
                                errorCorrection: options.qrErrorCorrection, sourcePath: path() + ".url.url")))
                }
                if showURL || (!u.showQR && (u.description ?? "").isEmpty) { buffer.text(u.url, alignment: .center) }
            }
        }
    }
}

extension Alignment {
    init(_ align: BillAlign) {
        switch align {
        case .left: self = .left
        case .center: self = .center
        case .right: self = .right
        }
    }
}
