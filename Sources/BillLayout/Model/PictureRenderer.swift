import BillModel

/// Draws layout blocks as 1-bit dots at the printer's resolution, for a printer command language
/// that sends what it cannot print as text as raster images (ESC/POS, Star).
///
/// The layout module only describes the seam: the raster back end (`BillRaster`) implements it
/// and the `BillRender` facade hands it to an encoder, so command encoders stay pure Swift and
/// build, test and link without Cairo, librsvg or zlib. An encoder asks for:
/// - single blocks, through a ``PictureSession``: the logo and image lines (``LayoutBlock/image(_:)``),
///   QR codes printed as raster (``LayoutBlock/qrCode(_:)``), and text lines with characters no code
///   table holds (``LayoutBlock/text(_:)``), each the full printable width with the block placed
///   by its alignment, exactly where a whole-bill render puts it;
/// - the whole bill, band by band (``renderBands(_:bandHeight:body:)``), for printers without
///   usable fonts.
public protocol PictureRenderer: Sendable {
    /// Starts drawing single blocks laid out on `grid`, in strips of at most `stripRows` rows (a
    /// printer's band height, so no drawing surface is taller than a band).
    /// - Throws: why nothing can be drawn (a missing font, invalid options).
    func session(grid: LayoutGrid, stripRows: Int) throws -> any PictureSession

    /// Draws `layout` top to bottom and hands `body` bands of `bandHeight` rows (the last may be
    /// shorter), each `grid.dotsWidth` wide, as they are drawn.
    /// - Returns: the diagnostics for pictures and QR codes that were left out.
    /// - Throws: why the bill cannot be drawn, or what `body` throws.
    func renderBands(_ layout: Layout, bandHeight: Int, body: (Bitmap) throws -> Void) throws -> [Diagnostic]
}

/// Draws single blocks of one grid, one after another, keeping fonts and scratch space between
/// them. One session serves one encoding; it is not shared between tasks.
public protocol PictureSession: AnyObject {
    /// `block` as dots; a picture or QR code that cannot be drawn gives an empty bitmap and a
    /// diagnostic.
    /// - Throws: why drawing failed altogether.
    func bitmap(_ block: LayoutBlock) throws -> RasterBitmap

    /// Whether a font draws `character` (false: it would come out as a missing-glyph box).
    func canDraw(_ character: Character) -> Bool
}
