import BillLayout
import BillModel
import CCairo

/// Draws a layout on a Cairo PDF or SVG surface: the blocks are placed first (by the same
/// ``BlockPlacement`` as the raster painter, in printer dots), then cut into pages between blocks,
/// then drawn page by page with one dot = 72/dpi points.
struct VectorPainter {
    /// A block with its place on the whole bill, in dots from the top.
    struct Placed {
        enum Content {
            case text(TextLine)
            case picture(VettedSVG, left: Int, path: String)
            case qr(BlockPlacement.PlacedQR)
            case blank
        }

        let top: Int
        let height: Int
        let content: Content

        var bottom: Int { top + height }
    }

    private let placement: BlockPlacement
    private let vector: VectorOptions
    private let text: TextRasterizer
    private(set) var diagnostics: [Diagnostic] = []
    /// What is left of the render's time for pictures (``SVGLimits/timeBudgetMilliseconds``).
    private var pictureTimeLeft: Duration
    /// Points per printer dot.
    private let pointsPerDot: Double
    private let marginY: Double
    /// The page width and the printable area's left edge, in points.
    private let pageWidth: Double
    private let marginX: Double

    init(grid: LayoutGrid, options: RasterOptions, vector: VectorOptions) throws(RasterError) {
        placement = try BlockPlacement(grid: grid, options: options, dotScale: 1)
        self.vector = vector
        text = try TextRasterizer(fonts: options.fonts, grid: grid, dotScale: 1, antialiased: true)
        pictureTimeLeft = .milliseconds(options.svgLimits.timeBudgetMilliseconds)
        pointsPerDot = 72 / Double(vector.dpi)
        marginY = vector.marginMM * 72 / 25.4
        let paper = (vector.paperWidthMM ?? 80) * 72 / 25.4
        let printable = Double(grid.dotsWidth) * pointsPerDot
        if printable <= paper {
            pageWidth = paper
            marginX = (paper - printable) / 2
        } else {
            pageWidth = printable + 2 * marginY
            marginX = marginY
        }
    }

    /// Every block with its place, top to bottom; pictures and QR codes that cannot be drawn are
    /// left out with a diagnostic.
    /// - Throws: `.tooTall` when the bill passes `options.maxHeight` dots.
    mutating func place(_ blocks: [LayoutBlock]) throws(RasterError) -> [Placed] {
        var placed: [Placed] = []
        placed.reserveCapacity(blocks.count)
        var y = 0
        func add(_ height: Int, _ content: Placed.Content) throws(RasterError) {
            let limit = placement.options.maxHeight
            let (bottom, overflow) = y.addingReportingOverflow(height)
            guard !overflow, bottom <= limit else { throw .tooTall(rows: overflow ? Int.max : bottom, limit: limit) }
            placed.append(Placed(top: y, height: height, content: content))
            y = bottom
        }
        for block in blocks {
            switch block {
            case .text(let line):
                try add(text.rowHeight(line), .text(line))
            case .rule(let kind):
                let line = placement.ruleLine(kind)
                try add(text.rowHeight(line), .text(line))
            case .feed(let lines):
                try add(placement.feedHeight(lines), .blank)
            case .image(let image):
                // Only a picture the sanitiser passed and the helper drew, at the size it drew it,
                // is drawn again here, in process, as vectors.
                if let vetted = placement.vettedPicture(image, timeLeft: &pictureTimeLeft, diagnostics: &diagnostics) {
                    let left = BlockPlacement.offset(of: vetted.width, in: placement.width, alignment: image.alignment)
                    try add(vetted.height, .picture(vetted, left: left, path: image.sourcePath))
                }
            case .qrCode(let qr):
                if let ready = placement.qrCode(qr, diagnostics: &diagnostics) { try add(ready.side, .qr(ready)) }
            case .cut:
                break
            }
        }
        return placed
    }

    /// The tallest page's content in dots: the page limit less the margins.
    private var pageContentLimit: Int {
        max(1, Int(((vector.maxPageHeight - 2 * marginY) / pointsPerDot).rounded(.down)))
    }

    /// The blocks of each page: a page ends before the first block that would take it past the
    /// limit, so no line is cut in half. Blank feeds never start a page.
    func paginate(_ placed: [Placed]) -> [Range<Int>] {
        var pages: [Range<Int>] = []
        var start = placed.startIndex
        var pageTop = placed.first?.top ?? 0
        for index in placed.indices where index > start {
            let block = placed[index]
            if case .blank = block.content { continue }
            if block.bottom - pageTop > pageContentLimit {
                pages.append(start..<index)
                start = index
                pageTop = block.top
            }
        }
        pages.append(start..<placed.endIndex)
        return pages
    }

    /// The page's top and height in dots: from its first block to its last, at most the limit
    /// (a trailing feed is cut short) and at least one text line.
    private func extent(of page: Range<Int>, in placed: [Placed]) -> (top: Int, height: Int) {
        guard let first = page.first, let last = page.last else { return (0, placement.grid.cellHeight) }
        let top = placed[first].top
        return (top, max(1, min(placed[last].bottom - top, pageContentLimit)))
    }

    /// Draws the pages and returns the file.
    mutating func draw(_ placed: [Placed], pages: [Range<Int>], kind: VectorSurface.Kind) throws(RasterError)
        -> [UInt8]
    {
        let first = extent(of: pages.first ?? 0..<0, in: placed)
        let surface = try VectorSurface(kind, width: pageWidth, height: pageHeight(first.height))
        surface.setMetadata(title: vector.title, creationDate: vector.cairoCreationDate)
        let context = surface.context
        for page in pages {
            let (top, height) = extent(of: page, in: placed)
            surface.setPageSize(width: pageWidth, height: pageHeight(height))
            cairo_save(context)
            cairo_translate(context, marginX, marginY)
            cairo_scale(context, pointsPerDot, pointsPerDot)
            cairo_translate(context, 0, -Double(top))
            for block in placed[page] {
                try draw(block, on: context)
            }
            cairo_restore(context)
            try surface.checkStatus()
            surface.showPage()
        }
        return try surface.finish()
    }

    private func pageHeight(_ dots: Int) -> Double {
        min(14_400, Double(dots) * pointsPerDot + 2 * marginY)
    }

    private mutating func draw(_ block: Placed, on context: OpaquePointer) throws(RasterError) {
        switch block.content {
        case .text(let line):
            try text.draw(line, on: context, top: Double(block.top))
        case .picture(let vetted, let left, let path):
            cairo_save(context)
            defer { cairo_restore(context) }
            let size = PictureSize(
                width: vetted.width, height: vetted.height, exactWidth: vetted.exactWidth,
                exactHeight: vetted.exactHeight)
            // librsvg draws the SVG's paths, gradients and text as they are; an error mid-way
            // leaves what was drawn, as the raster path cuts such a picture short.
            do {
                let document = try SVGDocument(svg: vetted.svg.text)
                try document.draw(on: context, x: Double(left), y: Double(block.top), size: size)
            } catch {
                diagnostics.append(
                    Diagnostic(.warning, .invalidSVG, at: path, "\(error); the picture is cut short"))
            }
        case .qr(let qr):
            drawQR(qr, top: block.top, on: context)
        case .blank:
            break
        }
    }

    /// The dark modules as filled squares, runs along a row merged into one rectangle.
    private func drawQR(_ qr: BlockPlacement.PlacedQR, top: Int, on context: OpaquePointer) {
        let module = Double(qr.moduleSize)
        let originX = Double(qr.left + qr.quietZone * qr.moduleSize)
        let originY = Double(top + qr.quietZone * qr.moduleSize)
        let size = qr.matrix.size
        cairo_new_path(context)
        for y in 0..<size {
            var x = 0
            while x < size {
                guard qr.matrix[x, y] else {
                    x += 1
                    continue
                }
                var end = x + 1
                while end < size && qr.matrix[end, y] { end += 1 }
                cairo_rectangle(
                    context, originX + Double(x) * module, originY + Double(y) * module, Double(end - x) * module,
                    module)
                x = end
            }
        }
        cairo_set_source_rgba(context, 0, 0, 0, 1)
        cairo_fill(context)
    }
}
