import BillLayout
import BillModel

/// The raster back end as the `PictureRenderer` a command encoder (ESC/POS) draws pictures,
/// raster QR codes, lines no code table holds and whole raster bills with: dot for dot what the
/// 1-bit PNG shows.
public struct RasterPictureRenderer: PictureRenderer {
    /// Dither, fonts and picture sizes; `style` and `scale` are ignored (bands are the printer's dots).
    public var options: RasterOptions

    public init(options: RasterOptions = RasterOptions()) {
        self.options = options
    }

    public func session(grid: LayoutGrid, stripRows: Int) throws -> any PictureSession {
        try RasterSession(grid: grid, options: options, stripRows: stripRows)
    }

    public func renderBands(_ layout: Layout, bandHeight: Int, body: (Bitmap) throws -> Void) throws
        -> [Diagnostic]
    {
        try RasterRenderer.renderBands(layout, bandHeight: bandHeight, options: options, body: body)
    }
}

extension RasterSession: PictureSession {}
