import BillLayout

/// Draws single blocks of one grid as 1-bit bitmaps, one after another, keeping the fonts and
/// scratch surfaces between blocks (for the ESC/POS encoder's pictures, raster QR codes and
/// raster text lines).
///
/// Each bitmap is the full printable width with the block placed by its alignment, exactly where
/// ``RasterRenderer`` draws it on a whole bill. Not `Sendable`: one session serves one render.
package final class RasterSession {
    private var painter: LayoutPainter

    /// A session for `grid` drawing in strips of at most `stripRows` rows (at least 24, 256 by default; a
    /// printer's band height keeps every Cairo surface within a band); throws when a font cannot be
    /// loaded or the options are invalid.
    package init(grid: LayoutGrid, options: RasterOptions = RasterOptions(), stripRows: Int? = nil) throws(RasterError)
    {
        painter = try LayoutPainter(
            grid: grid, options: options, monochrome: true,
            stripRows: stripRows.map { max($0, RasterRenderer.minimumStripRows) }
                ?? CairoImageSurface.stripRows)
    }

    /// `block` as dots; a picture or QR code that cannot be drawn gives an empty bitmap and a
    /// diagnostic.
    package func bitmap(_ block: LayoutBlock) throws(RasterError) -> RasterBitmap {
        let before = painter.diagnostics.count
        var sink = BitmapSink(width: painter.width)
        try RasterRenderer.rethrowingRasterErrors { try painter.paint([block], into: &sink) }
        return RasterBitmap(bitmap: sink.bitmap, diagnostics: Array(painter.diagnostics[before...]))
    }

    /// The tallest Cairo surface drawn on so far, in rows (a statistic for tests).
    package var tallestSurface: Int { painter.tallestSurface }

    /// Whether one of the fonts draws `character` (false: it comes out as a missing-glyph box).
    package func canDraw(_ character: Character) -> Bool {
        (try? painter.canDraw(character)) ?? false
    }
}
