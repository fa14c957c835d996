import BillLayout
import BillSupport
import CCairo

/// Draws text lines on the layout's column grid with DejaVu Sans Mono.
///
/// Every character is placed at its own cell (`startDot + column × cellWidth × widthScale`), so
/// glyphs sit exactly in the columns the layout counted, whatever the font's own advance. The
/// main font is stretched to the cell: one glyph advance is one cell wide and ascent plus descent
/// is one cell tall, times the line's width and height magnification. A character the main font
/// lacks is drawn from the first fallback font that has it, scaled to fit its cells and centred
/// there, on the main font's baseline.
final class TextRasterizer {
    /// Font families: index 0 is the main font, then the fallbacks once a character needs them.
    private var families: [(regular: FontFace, bold: FontFace)]
    /// The fallback fonts, loaded when the main font first lacks a character (a CJK font is
    /// megabytes that most bills never touch), then emptied.
    private var fallbackPaths: [String]
    private let grid: LayoutGrid
    private let dotScale: Int
    private let antialias: cairo_antialias_t
    /// The output width in pixels.
    let width: Int
    private var fonts: [FontKey: ScaledFont] = [:]
    private var surfaces: [SurfaceSize: CairoImageSurface] = [:]
    /// Which family draws a character (0 when none has it: the main font's missing-glyph box).
    private var familyOf: [Character: Int] = [:]
    /// Monochrome glyphs drawn once per process (nil when drawing antialiased, where glyphs are
    /// drawn on the line's surface so that their edges blend as Cairo blends them).
    private let atlas: GlyphAtlas?
    /// This render's glyphs: printable ASCII by style and byte, others by character and style.
    private var asciiGlyphs: [FontKey: [GlyphMask?]] = [:]
    private var otherGlyphs: [GlyphAtlas.Key: GlyphMask] = [:]
    /// The font files, for the shaper.
    private let fontFiles: RasterFonts
    /// Draws lines that need shaping; loaded when a line first needs it (nil if it cannot be:
    /// such lines are then drawn on the grid).
    private var shaper: TextShaper?
    private var shaperLoaded = false
    /// Characters drawn as boxes because no font has them, each once, in order.
    private(set) var missingCharacters: [Character] = []
    private var missingCharacterSet: Set<Character> = []

    private typealias FontKey = GlyphAtlas.Style

    private struct SurfaceSize: Hashable {
        var width: Int
        var height: Int
    }

    init(fonts: RasterFonts, grid: LayoutGrid, dotScale: Int, antialiased: Bool) throws(RasterError) {
        self.families = [
            (regular: try FontFace.load(path: fonts.regularPath), bold: try FontFace.load(path: fonts.boldPath))
        ]
        self.fallbackPaths = fonts.fallbackPaths
        self.fontFiles = fonts
        self.grid = grid
        self.dotScale = dotScale
        self.antialias = antialiased ? CAIRO_ANTIALIAS_GRAY : CAIRO_ANTIALIAS_NONE
        self.width = grid.dotsWidth * dotScale
        if antialiased {
            atlas = nil
        } else {
            atlas = GlyphAtlas.shared(
                for: GlyphAtlas.Setup(
                    fonts: fonts, cellWidth: grid.cellWidth,
                    cellHeight: grid.cellHeight, dotScale: dotScale))
        }
    }

    /// The pixel height of `style`'s rows.
    func rowHeight(_ style: TextStyle) -> Int {
        grid.cellHeight * Self.clampScale(style.heightScale) * dotScale
    }

    /// The pixel height of `line`: its style's rows, a third more for a line drawn shaped (marks
    /// above and below Thai, Devanagari and Arabic letters need room the printer font's cell has not).
    func rowHeight(_ line: TextLine) -> Int {
        let height = rowHeight(line.style)
        return shaper(forLine: line.text) == nil ? height : height + height / 3
    }

    /// The last line asked about and its shaper: a line's height and its strips ask in turn.
    private var lastLine: (text: String, shaper: TextShaper?)?

    /// `shaper(for:)`, remembered for the last line (comparing a line's text with itself is a
    /// pointer comparison).
    private func shaper(forLine text: String) -> TextShaper? {
        if let last = lastLine, last.text == text { return last.shaper }
        let found = shaper(for: text)
        lastLine = (text, found)
        return found
    }

    /// The line drawn across the full output width, handed to `body` in strips of at most
    /// `stripRows` rows (a line is taller only when magnified on a large preview).
    func render(_ line: TextLine, stripRows: Int = CairoImageSurface.stripRows, body: (InkStrip) throws -> Void) throws
    {
        let height = rowHeight(line)
        var top = 0
        while top < height {
            let rows = min(max(1, stripRows), height - top)
            try body(render(line, rows: top..<(top + rows), lineHeight: height, stripRows: stripRows))
            top += rows
        }
    }

    /// Rows `rows` of the line.
    private func render(_ line: TextLine, rows: Range<Int>, lineHeight: Int, stripRows: Int) throws(RasterError)
        -> InkStrip
    {
        let shaped = shaper(forLine: line.text) != nil
        if atlas != nil && !shaped {
            return try renderMonochrome(line, rows: rows, lineHeight: lineHeight, stripRows: stripRows)
        }
        guard shaped else {
            let surface = try scratchSurface(height: rows.count)
            try draw(line, on: surface.context, top: -Double(rows.lowerBound))
            return try strip(of: surface, height: rows.count)
        }
        let key = ShapedStripKey(
            text: line.text, style: line.style, alignment: line.alignment, cells: line.cells,
            rightFieldOffset: line.rightFieldOffset, top: rows.lowerBound, rows: rows.count, lineHeight: lineHeight,
            width: width, cellWidth: grid.cellWidth * dotScale, cellHeight: grid.cellHeight * dotScale,
            dotsWidth: grid.dotsWidth, antialias: antialias.rawValue, fonts: fontFiles)
        if let known = Self.shapedStrips.value(for: key) {
            // What the drawing would have noted: the characters no font has.
            if rows.lowerBound == 0, let shaper = shaper(forLine: line.text) {
                for character in shaper.missingCharacters(in: line.text[...])
                where missingCharacterSet.insert(character).inserted {
                    missingCharacters.append(character)
                }
            }
            return known
        }
        let surface = try scratchSurface(height: rows.count)
        try draw(line, on: surface.context, top: -Double(rows.lowerBound))
        let drawn = try strip(of: surface, height: rows.count)
        Self.shapedStrips.insert(drawn, for: key, cost: drawn.ink.count)
        return drawn
    }

    /// What decides the dots of a strip of a shaped line.
    private struct ShapedStripKey: Hashable, Sendable {
        var text: String
        var style: TextStyle
        var alignment: Alignment
        var cells: Int
        var rightFieldOffset: Int?
        var top: Int
        var rows: Int
        var lineHeight: Int
        var width: Int
        var cellWidth: Int
        var cellHeight: Int
        var dotsWidth: Int
        var antialias: UInt32
        var fonts: RasterFonts
    }

    /// Strips of shaped lines drawn before, process-wide (a restaurant prints the same names on
    /// every bill, and shaping a line costs ten times drawing a Latin one from the atlas): at most
    /// 512 strips and 16 MiB.
    private static let shapedStrips = BoundedCache<ShapedStripKey, InkStrip>(capacity: 512, maxTotalCost: 16 << 20)

    /// Draws `line` in black on `context` with its top at `top` (its first dot at x = 0): shaped
    /// when it needs shaping, else each character in its cells on the grid. The one place text
    /// meets Cairo for every output not drawn from the glyph atlas: the gray PNG, shaped lines of
    /// the 1-bit PNG and ESC/POS bands, and PDF and SVG (where the glyphs stay text, each with the
    /// characters it stands for).
    func draw(_ line: TextLine, on context: OpaquePointer, top: Double) throws(RasterError) {
        let lineHeight = rowHeight(line)
        cairo_set_source_rgba(context, 0, 0, 0, 1)
        if let shaper = shaper(forLine: line.text) {
            try drawShaped(line, shaper: shaper, on: context, top: top, lineHeight: lineHeight)
            return
        }
        try drawGrid(
            line.text[...], style: line.style, context: context, x: Double(line.startDot(grid: grid) * dotScale),
            baseline: top + baseline(lineHeight: lineHeight))
    }

    /// Draws `text` on the grid (each character in its cells) from `x`, on `context`.
    private func drawGrid(
        _ text: Substring, style: TextStyle, context: OpaquePointer, x start: Double, baseline: Double
    )
        throws(RasterError)
    {
        let widthScale = Self.clampScale(style.widthScale)
        let heightScale = Self.clampScale(style.heightScale)
        let cellWidth = Double(grid.cellWidth * widthScale * dotScale)
        var x = start
        // Characters of one font go to Cairo in one call: a PDF or SVG surface records each call.
        var run = GlyphRun()
        var current = -1
        for character in text {
            // Past the paper's edge nothing more shows.
            if x >= Double(width) { break }
            let cells = DisplayWidth.of(character)
            guard cells > 0 else { continue }
            let family = try self.family(of: character)
            let key = FontKey(family: family, bold: style.bold, widthScale: widthScale, heightScale: heightScale)
            let font = try scaledFont(key)
            if key.family != current {
                run.show(on: context)
                cairo_set_scaled_font(context, font.font)
                current = key.family
            }
            run.append(
                String(character), font: font, x: x, y: baseline,
                centreIn: Self.centring(family: family, cells: cells, span: cellWidth * Double(cells)))
            x += cellWidth * Double(cells)
        }
        run.show(on: context)
    }

    /// The shaper when `text` needs shaping, else nil.
    private func shaper(for text: String) -> TextShaper? {
        if DisplayWidth.kind(of: text) != .general { return nil }
        if !shaperLoaded {
            shaperLoaded = true
            shaper = try? TextShaper.shared(fonts: fontFiles)
        }
        guard let shaper, shaper.needsShaping(text[...]) else { return nil }
        return shaper
    }

    /// Draws a line that needs shaping on `context`, its top at `top`. Its first field (all of
    /// it, or a row's label) is one shaped, bidi-ordered run placed by the line's alignment; a row's
    /// amount (from `rightFieldOffset`) ends where the line's cells end, on the grid as a Latin line
    /// has it, so prices stay in the price column. A run wider than its room is narrowed to fit.
    private func drawShaped(
        _ line: TextLine, shaper: TextShaper, on context: OpaquePointer, top: Double, lineHeight: Int
    ) throws(RasterError) {
        let widthScale = Self.clampScale(line.style.widthScale)
        let cell = Double(grid.cellWidth * widthScale * dotScale)
        var style = shaper.style(
            cellWidth: Double(grid.cellWidth * dotScale), cellHeight: Double(grid.cellHeight * dotScale),
            bold: line.style.bold, widthScale: widthScale, heightScale: Self.clampScale(line.style.heightScale))
        // The printer font's baseline in its rows, lowered by half the extra rows (see `rowHeight(_:)`).
        let gridHeight = rowHeight(line.style)
        let baseline = shaper.baseline(lineHeight: Double(gridHeight)) + Double(lineHeight - gridHeight) * 0.5 + top
        let antialiased = antialias != CAIRO_ANTIALIAS_NONE
        // Once per line: only a line's first strip has its top at 0 or below the context's top.
        if top >= 0 {
            for character in shaper.missingCharacters(in: line.text[...])
            where missingCharacterSet.insert(character).inserted {
                missingCharacters.append(character)
            }
        }
        let text = line.text
        var first = text[...]
        var second: Substring?
        if let offset = line.rightFieldOffset,
            let split = text.utf8.index(text.utf8.startIndex, offsetBy: offset, limitedBy: text.utf8.endIndex)
        {
            first = text[..<split]
            while first.last == " " { first = first.dropLast() }
            second = text[split...]
        }
        let lineStart = Double(line.startDot(grid: grid) * dotScale)
        var room = Double(width)
        var secondStart = Double(width)
        if let second {
            let secondCells = DisplayWidth.of(second)
            secondStart = lineStart + Double(line.cells - secondCells) * cell
            room = max(cell, secondStart - cell)
        }
        var firstWidth = shaper.width(of: first, style: style)
        if firstWidth > room, firstWidth > 0 {
            style.horizontalScale *= room / firstWidth
            firstWidth = room
        }
        let x: Double =
            switch line.alignment {
            case .left: lineStart
            case .center: max(0, (Double(width) - firstWidth) / 2)
            case .right: max(0, Double(width) - firstWidth)
            }
        shaper.draw(first, on: context, x: x, baseline: baseline, style: style, antialiased: true)
        if let second {
            if shaper.needsShaping(second) {
                var secondStyle = shaper.style(
                    cellWidth: Double(grid.cellWidth * dotScale), cellHeight: Double(grid.cellHeight * dotScale),
                    bold: line.style.bold, widthScale: widthScale, heightScale: Self.clampScale(line.style.heightScale))
                let end = lineStart + Double(line.cells) * cell
                var secondWidth = shaper.width(of: second, style: secondStyle)
                let secondRoom = max(cell, end - x - firstWidth - cell)
                if secondWidth > secondRoom {
                    secondStyle.horizontalScale *= secondRoom / secondWidth
                    secondWidth = secondRoom
                }
                shaper.draw(
                    second, on: context, x: end - secondWidth, baseline: baseline, style: secondStyle,
                    antialiased: antialiased)
            } else {
                try drawGrid(second, style: line.style, context: context, x: secondStart, baseline: baseline)
            }
        }
    }

    /// The ink of `surface`'s first `height` rows across the output width: 0 or 255 when
    /// monochrome, Cairo's coverage when gray.
    private func strip(of surface: CairoImageSurface, height: Int) throws(RasterError) -> InkStrip {
        try surface.checkStatus()
        return try surface.withPixels { (data, stride) throws(RasterError) in
            var strip = InkStrip(width: width, height: height)
            let monochrome = antialias == CAIRO_ANTIALIAS_NONE
            for y in 0..<height {
                for x in 0..<width {
                    let alpha = data[y * stride + x]
                    strip.ink[y * width + x] = monochrome ? (alpha >= 128 ? 255 : 0) : alpha
                }
            }
            return strip
        }
    }

    /// The baseline of a line `lineHeight` pixels tall, from its top: the main font's ascent and
    /// descent share the height.
    private func baseline(lineHeight: Int) -> Double {
        let main = families[0].regular
        return Double(lineHeight) * main.ascentRatio / (main.ascentRatio + main.descentRatio)
    }

    /// The pixels a character is centred in, or nil to draw it from its cell's left edge: the main
    /// font's glyphs are exactly one cell wide; anything else is centred in its `span`.
    private static func centring(family: Int, cells: Int, span: Double) -> Double? {
        family != 0 || cells != 1 ? span : nil
    }

    /// Draws `text` with its origin at `x`, or centred in `centreIn` pixels from `x`.
    private func draw(_ text: String, font: ScaledFont, context: OpaquePointer, x: Double, y: Double, centreIn: Double?)
    {
        var run = GlyphRun()
        run.append(text, font: font, x: x, y: y, centreIn: centreIn)
        run.show(on: context)
    }

    /// Glyphs of one font with the text they stand for, shown in one Cairo call.
    private struct GlyphRun {
        var glyphs: [cairo_glyph_t] = []
        var clusters: [cairo_text_cluster_t] = []
        var utf8: [CChar] = []

        /// Adds `text`'s glyphs with their origin at `x`, or centred in `centreIn` pixels from `x`.
        mutating func append(_ text: String, font: ScaledFont, x: Double, y: Double, centreIn: Double?) {
            var glyphs: UnsafeMutablePointer<cairo_glyph_t>?
            var count: Int32 = 0
            var clusters: UnsafeMutablePointer<cairo_text_cluster_t>?
            var clusterCount: Int32 = 0
            var flags = cairo_text_cluster_flags_t(0)
            let status = cairo_scaled_font_text_to_glyphs(
                font.font, x, y, text, -1, &glyphs, &count, &clusters, &clusterCount, &flags)
            guard status == CAIRO_STATUS_SUCCESS, let glyphs else { return }
            defer {
                cairo_glyph_free(glyphs)
                cairo_text_cluster_free(clusters)
            }
            if let space = centreIn {
                var extents = cairo_text_extents_t()
                cairo_scaled_font_glyph_extents(font.font, glyphs, count, &extents)
                let shift = (space - extents.x_advance) / 2
                for i in 0..<Int(count) { glyphs[i].x += shift }
            }
            self.glyphs.append(contentsOf: UnsafeBufferPointer(start: glyphs, count: Int(count)))
            if let clusters, flags.rawValue == 0 {
                self.clusters.append(contentsOf: UnsafeBufferPointer(start: clusters, count: Int(clusterCount)))
            } else {
                // One cluster for the whole text (backward clusters do not occur in a monospaced run).
                self.clusters.append(cairo_text_cluster_t(num_bytes: Int32(text.utf8.count), num_glyphs: count))
            }
            utf8.append(contentsOf: text.utf8.map { CChar(bitPattern: $0) })
        }

        /// Shows the glyphs with their text (PDF and SVG keep what the glyphs say; image surfaces
        /// ignore it), then empties the run.
        mutating func show(on context: OpaquePointer) {
            guard !glyphs.isEmpty else { return }
            cairo_show_text_glyphs(
                context, utf8, Int32(utf8.count), glyphs, Int32(glyphs.count), clusters, Int32(clusters.count),
                cairo_text_cluster_flags_t(0))
            glyphs.removeAll(keepingCapacity: true)
            clusters.removeAll(keepingCapacity: true)
            utf8.removeAll(keepingCapacity: true)
        }
    }

    /// Whether some font (the main one or a fallback) has a glyph for `character`'s first scalar;
    /// false means it is drawn as the main font's missing-glyph box.
    func canDraw(_ character: Character) throws(RasterError) -> Bool {
        if let shaper = shaper(for: String(character)) {
            return shaper.missingCharacters(in: String(character)[...]).isEmpty
        }
        guard let scalar = character.unicodeScalars.first else { return true }
        let index = try family(of: character)
        return try scaledFont(FontKey(family: index, bold: false, widthScale: 1, heightScale: 1)).hasGlyph(for: scalar)
    }

    /// The first family with a glyph for `character` (0 for ASCII and when none has it).
    private func family(of character: Character) throws(RasterError) -> Int {
        if character.utf8.count == 1 { return 0 }
        if let known = familyOf[character] { return known }
        var found = 0
        if let scalar = character.unicodeScalars.first,
            !(try scaledFont(FontKey(family: 0, bold: false, widthScale: 1, heightScale: 1)).hasGlyph(for: scalar))
        {
            loadFallbacks()
            for index in families.indices.dropFirst() {
                let font = try scaledFont(FontKey(family: index, bold: false, widthScale: 1, heightScale: 1))
                if font.hasGlyph(for: scalar) {
                    found = index
                    break
                }
            }
        }
        familyOf[character] = found
        return found
    }

    /// Adds the fallback fonts to `families`, once. A fallback font that is not installed is
    /// skipped: only the characters it would draw change.
    private func loadFallbacks() {
        for path in fallbackPaths {
            guard let regular = try? FontFace.load(path: path),
                let bold = try? FontFace.load(path: path, emboldened: true)
            else { continue }
            families.append((regular, bold))
        }
        fallbackPaths = []
    }

    private func scaledFont(_ key: FontKey) throws(RasterError) -> ScaledFont {
        if let font = fonts[key] { return font }
        let face = key.bold ? families[key.family].bold : families[key.family].regular
        let cellWidth = Double(grid.cellWidth * dotScale)
        let cellHeight = Double(grid.cellHeight * dotScale)
        let xScale: Double
        let yScale: Double
        if key.family == 0 {
            xScale = cellWidth / face.advanceRatio
            yScale = cellHeight / (face.ascentRatio + face.descentRatio)
        } else {
            // Fallback glyphs keep their proportions: an ideograph fills two cells or the height.
            let size = min(
                cellHeight / (face.ascentRatio + face.descentRatio), 2 * cellWidth / face.ideographAdvanceRatio)
            xScale = size
            yScale = size
        }
        let font = try ScaledFont(
            face: face.face, xScale: xScale * Double(key.widthScale),
            yScale: yScale * Double(key.heightScale), antialias: antialias)
        fonts[key] = font
        return font
    }

    /// The tallest drawing surface this rasterizer has made, in rows (0 before the first).
    var tallestSurface: Int { surfaces.keys.map(\.height).max() ?? 0 }

    /// A cleared A8 surface, the output width unless said, reused per size.
    private func scratchSurface(width: Int? = nil, height: Int) throws(RasterError) -> CairoImageSurface {
        let size = SurfaceSize(width: width ?? self.width, height: height)
        if let surface = surfaces[size] {
            surface.clear()
            return surface
        }
        let surface = try CairoImageSurface(width: size.width, height: size.height, format: CAIRO_FORMAT_A8)
        surfaces[size] = surface
        return surface
    }

    // MARK: Monochrome text from drawn glyphs

    /// Rows `rows` of the line, put together from glyphs drawn once (the same dots Cairo draws
    /// for the whole line without antialiasing).
    private func renderMonochrome(_ line: TextLine, rows: Range<Int>, lineHeight: Int, stripRows: Int)
        throws(RasterError)
        -> InkStrip
    {
        let style = FontKey(
            family: 0, bold: line.style.bold, widthScale: Self.clampScale(line.style.widthScale),
            heightScale: Self.clampScale(line.style.heightScale))
        let cellWidth = grid.cellWidth * style.widthScale * dotScale
        var strip = InkStrip(width: width, height: rows.count)
        var x = line.startDot(grid: grid) * dotScale
        if line.text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            // Printable ASCII: one cell a byte, always the main font.
            var glyphs = asciiGlyphs.removeValue(forKey: style) ?? [GlyphMask?](repeating: nil, count: 0x80)
            defer { asciiGlyphs[style] = glyphs }
            for byte in line.text.utf8 {
                // Past the paper's edge nothing more shows.
                if x >= width { break }
                let glyph: GlyphMask
                if let known = glyphs[Int(byte)] {
                    glyph = known
                } else {
                    glyph = try self.glyph(
                        Character(Unicode.Scalar(byte)), style: style, cells: 1, lineHeight: lineHeight,
                        stripRows: stripRows)
                    glyphs[Int(byte)] = glyph
                }
                glyph.draw(into: &strip, x: x, rows: rows)
                x += cellWidth
            }
            return strip
        }
        for character in line.text {
            if x >= width { break }
            let cells = DisplayWidth.of(character)
            guard cells > 0 else { continue }
            var key = GlyphAtlas.Key(character: character, style: style)
            key.style.family = try family(of: character)
            let glyph: GlyphMask
            if let known = otherGlyphs[key] {
                glyph = known
            } else {
                glyph = try self.glyph(
                    character, style: key.style, cells: cells, lineHeight: lineHeight, stripRows: stripRows)
                otherGlyphs[key] = glyph
            }
            glyph.draw(into: &strip, x: x, rows: rows)
            x += cellWidth * cells
        }
        return strip
    }

    /// `character`'s glyph from the atlas, drawn and kept there when it is new.
    private func glyph(_ character: Character, style: FontKey, cells: Int, lineHeight: Int, stripRows: Int)
        throws(RasterError) -> GlyphMask
    {
        let key = GlyphAtlas.Key(character: character, style: style)
        if let atlas, let known = atlas.glyph(for: key) { return known }
        let drawn = try drawGlyph(character, style: style, cells: cells, lineHeight: lineHeight, stripRows: stripRows)
        atlas?.insert(drawn, for: key)
        return drawn
    }

    /// Draws `character` alone in its cells, as ``render(_:rows:lineHeight:stripRows:)`` draws it in a line
    /// (same font, same baseline, same centring), in strips no taller than the line's.
    private func drawGlyph(_ character: Character, style: FontKey, cells: Int, lineHeight: Int, stripRows: Int)
        throws(RasterError) -> GlyphMask
    {
        let font = try scaledFont(style)
        let span = grid.cellWidth * style.widthScale * dotScale * cells
        // Room on both sides for a glyph that overhangs its cells.
        let margin = 2 * max(span, lineHeight)
        let boxWidth = span + 2 * margin
        guard boxWidth <= CairoImageSurface.maxWidth else {
            throw .surfaceTooLarge(width: boxWidth, height: lineHeight)
        }
        var ink = [UInt8](repeating: 0, count: boxWidth * lineHeight)
        let baseline = self.baseline(lineHeight: lineHeight)
        let centreIn = Self.centring(family: style.family, cells: cells, span: Double(span))
        var top = 0
        while top < lineHeight {
            let rows = min(max(1, stripRows), lineHeight - top)
            let surface = try scratchSurface(width: boxWidth, height: rows)
            cairo_set_source_rgba(surface.context, 0, 0, 0, 1)
            cairo_set_scaled_font(surface.context, font.font)
            draw(
                String(character), font: font, context: surface.context, x: Double(margin), y: baseline - Double(top),
                centreIn: centreIn)
            try surface.checkStatus()
            try surface.withPixels { (data, stride) throws(RasterError) in
                for y in 0..<rows {
                    for x in 0..<boxWidth where data[y * stride + x] >= 128 {
                        ink[(top + y) * boxWidth + x] = 255
                    }
                }
            }
            top += rows
        }
        return GlyphMask(cropping: ink, width: boxWidth, height: lineHeight, origin: margin)
    }

    /// Magnification as printers take it: 1...8.
    static func clampScale(_ scale: Int) -> Int { min(8, max(1, scale)) }
}
