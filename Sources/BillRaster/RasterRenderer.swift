import BillLayout
import BillModel

/// The raster back end: draws a `Layout` as printer dots with Cairo, librsvg and libqrencode.
///
/// Text sits on the layout's column grid (each character in its cell, as the printer places it),
/// rules are rows of `-` or `=`, feeds are blank lines, pictures are fitted and dithered, QR codes
/// are drawn module by module with a quiet zone. Drawing goes top to bottom in small strips that
/// are streamed out, so memory does not grow with the length of the bill.
public enum RasterRenderer {
    /// Drops the process-wide caches of the raster back end: pictures drawn from SVG, glyph
    /// atlases and loaded font faces. Renders under way keep what they hold.
    package static func purgeCaches() {
        PictureCache.shared.removeAll()
        BlockPlacement.vetted.removeAll()
        GlyphAtlas.purgeShared()
        FontFace.purgeCache()
    }

    /// Draws `layout` as a PNG: 1-bit grayscale for the monochrome style, 8-bit gray for gray.
    ///
    /// Pictures and QR codes that cannot be drawn are left out and reported in `diagnostics`.
    /// - Throws: `RasterError` for a missing font, invalid options or a bill over `maxHeight`.
    public static func png(_ layout: Layout, options: RasterOptions = RasterOptions()) throws(RasterError) -> RasterPNG
    {
        var tallest = 0
        return try png(layout, options: options, tallestSurface: &tallest)
    }

    /// ``png(_:options:)``, also saying how tall the tallest Cairo surface it drew on was (a
    /// statistic for tests: surfaces stay within a strip whatever the length of the bill).
    package static func png(_ layout: Layout, options: RasterOptions, tallestSurface: inout Int)
        throws(RasterError) -> RasterPNG
    {
        let monochrome = options.style == .monochrome
        var painter = try LayoutPainter(grid: layout.grid, options: options, monochrome: monochrome)
        let replicate = monochrome ? options.scale : 1
        let writer = try PNGStreamWriter(width: painter.width * replicate, depth: monochrome ? .oneBit : .eightBit)
        var sink = PNGSink(writer: writer, replicate: replicate)
        defer { tallestSurface = painter.tallestSurface }
        try rethrowingRasterErrors { try painter.paint(layout.blocks, into: &sink) }
        let bytes = try writer.finish()
        return RasterPNG(
            bytes: bytes, width: writer.width, height: writer.height,
            diagnostics: painter.diagnostics + [painter.missingGlyphsDiagnostic].compactMap { $0 })
    }

    /// The thinnest strip ``renderBands(_:bandHeight:options:body:)`` draws in, in rows.
    static let minimumStripRows = 24

    /// Draws `layout` as 1-bit dots at the printer's resolution and hands them to `body` in bands of
    /// `bandHeight` rows (the last band may be shorter), top to bottom, for ESC/POS raster commands.
    ///
    /// `options.style` and `options.scale` are ignored: bands are always what the printer prints.
    /// - Returns: the diagnostics for pictures and QR codes that were left out.
    /// - Throws: `RasterError`, or what `body` throws.
    @discardableResult
    public static func renderBands(
        _ layout: Layout, bandHeight: Int = 255, options: RasterOptions = RasterOptions(),
        body: (Bitmap) throws -> Void
    ) throws -> [Diagnostic] {
        var tallest = 0
        return try renderBands(layout, bandHeight: bandHeight, options: options, tallestSurface: &tallest, body: body)
    }

    /// ``renderBands(_:bandHeight:options:body:)``, also saying how tall the tallest Cairo surface
    /// it drew on was (a statistic for tests: no surface is taller than a printer's band).
    package static func renderBands(
        _ layout: Layout, bandHeight: Int, options: RasterOptions, tallestSurface: inout Int,
        body: (Bitmap) throws -> Void
    ) throws -> [Diagnostic] {
        guard (1...CairoImageSurface.maxHeight).contains(bandHeight) else {
            throw RasterError.invalidOptions("bandHeight must be 1...\(CairoImageSurface.maxHeight), is \(bandHeight)")
        }
        // Strips no taller than a band (and at least a text line, 24 rows: pictures drawn in
        // thinner strips dither differently), so no Cairo surface is taller than a printer's band.
        var painter = try LayoutPainter(
            grid: layout.grid, options: options, monochrome: true,
            stripRows: max(bandHeight, Self.minimumStripRows))
        defer { tallestSurface = painter.tallestSurface }
        try withoutActuallyEscaping(body) { body in
            var sink = BandSink(width: painter.width, bandHeight: bandHeight, deliver: body)
            try painter.paint(layout.blocks, into: &sink)
            try sink.finish()
        }
        return painter.diagnostics + [painter.missingGlyphsDiagnostic].compactMap { $0 }
    }

    /// Draws `layout` as one 1-bit bitmap at the printer's resolution (`style` and `scale` ignored).
    ///
    /// Meant for single blocks (a logo, a QR code, a text line the printer cannot print as text)
    /// and short layouts; use ``renderBands(_:bandHeight:options:body:)`` for whole bills.
    public static func bitmap(_ layout: Layout, options: RasterOptions = RasterOptions()) throws(RasterError)
        -> RasterBitmap
    {
        var painter = try LayoutPainter(grid: layout.grid, options: options, monochrome: true)
        var sink = BitmapSink(width: painter.width)
        try rethrowingRasterErrors { try painter.paint(layout.blocks, into: &sink) }
        return RasterBitmap(bitmap: sink.bitmap, diagnostics: painter.diagnostics)
    }

    /// Draws one block on `grid` as a 1-bit bitmap (see ``bitmap(_:options:)``).
    public static func bitmap(_ block: LayoutBlock, grid: LayoutGrid, options: RasterOptions = RasterOptions())
        throws(RasterError) -> RasterBitmap
    {
        try RasterSession(grid: grid, options: options).bitmap(block)
    }

    /// Runs `body`, whose sinks throw only `RasterError`, with a typed error.
    static func rethrowingRasterErrors(_ body: () throws -> Void) throws(RasterError) {
        do {
            try body()
        } catch let error as RasterError {
            throw error
        } catch {
            throw .pngEncoding("\(error)")
        }
    }
}
