import BillLayout
import CCairo

/// Draws text lines on the layout's column grid with DejaVu Sans Mono.
///
/// Every character is placed at its own cell (`startDot + column × cellWidth × widthScale`), so
/// glyphs sit exactly in the columns the layout counted, whatever the font's own advance. The font
/// is stretched to the cell: one glyph advance is one cell wide and ascent plus descent is one cell
/// tall, times the line's width and height magnification.
final class TextRasterizer {
    private let regular: FontFace
    private let bold: FontFace
    private let grid: LayoutGrid
    private let dotScale: Int
    private let antialias: cairo_antialias_t
    /// The output width in pixels.
    let width: Int
    private var fonts: [FontKey: ScaledFont] = [:]
    private var surfaces: [Int: CairoImageSurface] = [:]

    private struct FontKey: Hashable {
        var bold: Bool
        var widthScale: Int
        var heightScale: Int
    }

    init(fonts: RasterFonts, grid: LayoutGrid, dotScale: Int, antialiased: Bool) throws(RasterError) {
        regular = try FontFace.load(path: fonts.regularPath)
        bold = try FontFace.load(path: fonts.boldPath)
        self.grid = grid
        self.dotScale = dotScale
        self.antialias = antialiased ? CAIRO_ANTIALIAS_GRAY : CAIRO_ANTIALIAS_NONE
        self.width = grid.dotsWidth * dotScale
    }

    /// The pixel height of `style`'s rows.
    func rowHeight(_ style: TextStyle) -> Int {
        grid.cellHeight * Self.clampScale(style.heightScale) * dotScale
    }

    /// The line drawn across the full output width.
    func render(_ line: TextLine) throws(RasterError) -> InkStrip {
        let widthScale = Self.clampScale(line.style.widthScale)
        let heightScale = Self.clampScale(line.style.heightScale)
        let cellWidth = Double(grid.cellWidth * widthScale * dotScale)
        let height = rowHeight(line.style)
        let surface = try scratchSurface(height: height)
        let face = line.style.bold ? bold : regular
        let key = FontKey(bold: line.style.bold, widthScale: widthScale, heightScale: heightScale)
        let font = try scaledFont(key, face: face, cellWidth: cellWidth, cellHeight: Double(height))
        let baseline = Double(height) * face.ascentRatio / (face.ascentRatio + face.descentRatio)
        let context = surface.context
        cairo_set_scaled_font(context, font.font)
        cairo_set_source_rgba(context, 0, 0, 0, 1)
        var x = Double(line.startDot(grid: grid) * dotScale)
        for character in line.text {
            let cells = CellWidth.of(character)
            guard cells > 0 else { continue }
            // A wide character the font lacks draws as one cell-wide box; centre it in its two cells.
            let offset = cells == 2 ? cellWidth / 2 : 0
            draw(String(character), font: font, context: context, x: x + offset, y: baseline)
            x += cellWidth * Double(cells)
        }
        try surface.checkStatus()
        return try surface.withPixels { (data, stride) throws(RasterError) in
            var strip = InkStrip(width: width, height: height)
            for y in 0..<height {
                for x in 0..<width {
                    let alpha = data[y * stride + x]
                    strip.ink[y * width + x] = antialias == CAIRO_ANTIALIAS_NONE ? (alpha >= 128 ? 255 : 0) : alpha
                }
            }
            return strip
        }
    }

    private func draw(_ text: String, font: ScaledFont, context: OpaquePointer, x: Double, y: Double) {
        var glyphs: UnsafeMutablePointer<cairo_glyph_t>?
        var count: Int32 = 0
        let status = cairo_scaled_font_text_to_glyphs(font.font, x, y, text, -1, &glyphs, &count, nil, nil, nil)
        guard status == CAIRO_STATUS_SUCCESS, let glyphs else { return }
        cairo_show_glyphs(context, glyphs, count)
        cairo_glyph_free(glyphs)
    }

    private func scaledFont(_ key: FontKey, face: FontFace, cellWidth: Double, cellHeight: Double)
        throws(RasterError) -> ScaledFont
    {
        if let font = fonts[key] { return font }
        let font = try ScaledFont(face: face.face, xScale: cellWidth / face.advanceRatio,
                                  yScale: cellHeight / (face.ascentRatio + face.descentRatio), antialias: antialias)
        fonts[key] = font
        return font
    }

    /// A cleared A8 surface of the output width, reused per row height.
    private func scratchSurface(height: Int) throws(RasterError) -> CairoImageSurface {
        if let surface = surfaces[height] {
            surface.clear()
            return surface
        }
        let surface = try CairoImageSurface(width: width, height: height, format: CAIRO_FORMAT_A8)
        surfaces[height] = surface
        return surface
    }

    /// Magnification as printers take it: 1...8.
    static func clampScale(_ scale: Int) -> Int { min(8, max(1, scale)) }
}
