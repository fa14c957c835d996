import BillLayout
import BillModel
import BillQR

/// Walks a layout top to bottom and sends its rows to a sink; the one drawing path behind PNGs,
/// ESC/POS bands and bitmaps.
///
/// Pictures and QR codes that cannot be drawn are skipped with a diagnostic; errors from the sink
/// and from text drawing (a missing font) end the render.
struct LayoutPainter {
    let grid: LayoutGrid
    let options: RasterOptions
    /// Output pixels per dot while drawing: 1 for monochrome (enlarged later), `scale` for gray.
    let dotScale: Int
    let antialiased: Bool
    let width: Int
    /// The tallest strip drawn at once (so the tallest Cairo surface), in rows.
    let stripRows: Int
    /// Where blocks go, shared with the vector painter.
    private let placement: BlockPlacement
    private let text: TextRasterizer
    private(set) var diagnostics: [Diagnostic] = []
    /// The tallest Cairo surface this render has drawn on, in rows (text; pictures are drawn in
    /// their own strips of at most ``CairoImageSurface/stripRows`` rows and cached as ink).
    var tallestSurface: Int { text.tallestSurface }
    private var rows = 0
    /// What is left of the render's time for drawing pictures (``SVGLimits/timeBudgetMilliseconds``).
    private var pictureTimeLeft: Duration

    init(
        grid: LayoutGrid, options: RasterOptions, monochrome: Bool,
        stripRows: Int = CairoImageSurface.stripRows
    ) throws(RasterError) {
        self.placement = try BlockPlacement(grid: grid, options: options, dotScale: monochrome ? 1 : options.scale)
        self.grid = grid
        self.options = options
        self.dotScale = placement.dotScale
        self.antialiased = !monochrome
        self.width = placement.width
        self.stripRows = min(max(1, stripRows), CairoImageSurface.stripRows)
        self.pictureTimeLeft = .milliseconds(options.svgLimits.timeBudgetMilliseconds)
        self.text = try TextRasterizer(fonts: options.fonts, grid: grid, dotScale: dotScale, antialiased: !monochrome)
    }

    /// Draws `blocks` into `sink`.
    mutating func paint<Sink: RowSink>(_ blocks: [LayoutBlock], into sink: inout Sink) throws {
        for block in blocks {
            switch block {
            case .text(let line):
                try paintText(line, into: &sink)
            case .rule(let kind):
                try paintText(placement.ruleLine(kind), into: &sink)
            case .feed(let lines):
                let rows = placement.feedHeight(lines)
                try reserve(rows)
                try sink.writeBlank(rows: rows)
            case .image(let image):
                try paintImage(image, into: &sink)
            case .qrCode(let qr):
                try paintQR(qr, into: &sink)
            case .cut:
                // The paper ends here; nothing is printed.
                break
            }
        }
    }

    /// A warning naming the characters no font has, which were drawn as boxes; nil when there were none.
    var missingGlyphsDiagnostic: Diagnostic? {
        let all = text.missingCharacters
        guard !all.isEmpty else { return nil }
        // The first 32 named; a flood of them is counted, not listed.
        let missing = all.prefix(32)
        let codes = missing.flatMap(\.unicodeScalars).map { "U+" + Self.hex($0.value) }.joined(separator: " ")
        let more = all.count > missing.count ? " and \(all.count - missing.count) more" : ""
        return Diagnostic(
            .warning, .unprintableCharacter, at: "",
            "no font billrender ships has \"\(String(missing))\" (\(codes))\(more); drawn as a box")
    }

    private static func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    /// Whether a font has a glyph for `character` (false: it is drawn as a missing-glyph box).
    func canDraw(_ character: Character) throws(RasterError) -> Bool {
        try text.canDraw(character)
    }

    private mutating func paintText<Sink: RowSink>(_ line: TextLine, into sink: inout Sink) throws {
        try reserve(text.rowHeight(line))
        try text.render(line, stripRows: stripRows) { try sink.write($0) }
    }

    /// Counts `count` more rows against the height limit.
    private mutating func reserve(_ count: Int) throws(RasterError) {
        let limit = options.maxHeight * dotScale
        let (total, overflow) = rows.addingReportingOverflow(count)
        guard !overflow, total <= limit else { throw .tooTall(rows: overflow ? Int.max : total, limit: limit) }
        rows = total
    }

    private mutating func paintImage<Sink: RowSink>(_ image: ImageBlock, into sink: inout Sink) throws {
        let box = placement.pictureBox(image.role)
        let key = PictureCache.Key(
            svg: image.svg, boxWidth: box.width, boxHeight: box.height, growToFit: image.role == .logo,
            dither: options.dither, monochrome: !antialiased, limits: options.svgLimits)
        if let picture = PictureCache.shared.value(for: key) {
            if !picture.changes.isEmpty {
                diagnostics.append(BlockPlacement.changesDiagnostic(picture.changes, at: image.sourcePath))
            }
            try reserve(picture.height)
            try paint(picture, left: Self.offset(of: picture.width, in: width, alignment: image.alignment), into: &sink)
            return
        }
        guard let drawn = placement.picture(image, timeLeft: &pictureTimeLeft, diagnostics: &diagnostics) else {
            return
        }
        let gray = drawn.gray
        let left = Self.offset(of: gray.width, in: width, alignment: image.alignment)
        try reserve(gray.height)
        var ditherer = Ditherer(method: options.dither, width: gray.width)
        var ink = [UInt8]()
        ink.reserveCapacity(gray.width * gray.height)
        for y in 0..<gray.height {
            let source = gray.luma[(y * gray.width)..<((y + 1) * gray.width)]
            ink.append(contentsOf: antialiased ? source.map { 255 - $0 } : ditherer.dither(source))
        }
        let picture = PictureCache.Picture(
            width: gray.width, height: gray.height, ink: ink, changes: drawn.vetted.svg.changes)
        if ink.count <= PictureCache.maxPictureBytes {
            PictureCache.shared.insert(picture, for: key, cost: ink.count)
        }
        try paint(picture, left: left, into: &sink)
    }

    /// Writes a cached picture's rows at `left`, in strips as a fresh drawing would.
    private func paint<Sink: RowSink>(_ picture: PictureCache.Picture, left: Int, into sink: inout Sink) throws {
        var top = 0
        while top < picture.height {
            let count = min(stripRows, picture.height - top)
            var strip = InkStrip(width: width, height: count)
            // A picture is fitted to the paper; one that is not is cut at its edge.
            let columns = max(0, min(picture.width, width - left))
            picture.ink.withUnsafeBufferPointer { source in
                strip.ink.withUnsafeMutableBufferPointer { target in
                    for y in 0..<count {
                        let from = (top + y) * picture.width
                        let to = y * width + left
                        _ = UnsafeMutableBufferPointer(rebasing: target[to..<(to + columns)])
                            .update(fromContentsOf: UnsafeBufferPointer(rebasing: source[from..<(from + columns)]))
                    }
                }
            }
            try sink.write(strip)
            top += count
        }
    }

    /// An error from the sink while a picture is drawn: it ends the render, unlike librsvg's errors.
    private struct SinkFailure: Error {
        let underlying: any Error
    }

    private mutating func paintQR<Sink: RowSink>(_ qr: QRBlock, into sink: inout Sink) throws {
        guard let placed = placement.qrCode(qr, diagnostics: &diagnostics) else { return }
        let module = placed.moduleSize
        let bitmap = QRRaster.bitmap(placed.matrix, moduleSize: module, quietZone: placed.quietZone)
        let left = placed.left
        try reserve(bitmap.height)
        // One module row at a time keeps the strips small.
        var top = 0
        while top < bitmap.height {
            let count = min(module, bitmap.height - top)
            var strip = InkStrip(width: width, height: count)
            strip.ink.withUnsafeMutableBufferPointer { ink in
                for y in 0..<count {
                    let row = y * width + left
                    for x in 0..<bitmap.width where bitmap[x, top + y] { ink[row + x] = 255 }
                }
            }
            try sink.write(strip)
            top += count
        }
    }

    /// Where a block `used` pixels wide starts in `width`, as a printer aligns it.
    static func offset(of used: Int, in width: Int, alignment: Alignment) -> Int {
        BlockPlacement.offset(of: used, in: width, alignment: alignment)
    }
}
