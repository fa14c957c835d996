import CCairo

/// A Cairo image surface and a drawing context on it, owned together.
///
/// Every surface the raster back end draws on is one of these. Text lines and pictures are drawn
/// in strips of at most ``stripRows`` rows, and a surface taller than ``maxHeight`` is refused.
final class CairoImageSurface {
    /// The tallest surface the renderer ever creates.
    static let maxHeight = 2048
    /// The rows pictures are drawn in at a time.
    static let stripRows = 256
    /// The widest surface the renderer ever creates (8 × 576 dots at scale 8, with room to spare).
    static let maxWidth = 8192

    let surface: OpaquePointer
    let context: OpaquePointer
    let width: Int
    let height: Int

    /// A cleared surface of `format`; throws when the size is out of bounds or Cairo fails.
    init(width: Int, height: Int, format: cairo_format_t) throws(RasterError) {
        guard width > 0, height > 0, width <= Self.maxWidth, height <= Self.maxHeight else {
            throw .surfaceTooLarge(width: width, height: height)
        }
        guard let surface = cairo_image_surface_create(format, Int32(width), Int32(height)) else {
            throw .cairo("no surface")
        }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw .cairo(Self.message(status))
        }
        self.surface = surface
        self.context = context
        self.width = width
        self.height = height
        try checkStatus()
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Throws when the context or surface is in an error state.
    func checkStatus() throws(RasterError) {
        let status = cairo_status(context)
        guard status == CAIRO_STATUS_SUCCESS else { throw .cairo(Self.message(status)) }
        let surfaceStatus = cairo_surface_status(surface)
        guard surfaceStatus == CAIRO_STATUS_SUCCESS else { throw .cairo(Self.message(surfaceStatus)) }
    }

    /// Clears every pixel to transparent and resets the context's transform.
    func clear() {
        cairo_save(context)
        cairo_set_operator(context, CAIRO_OPERATOR_CLEAR)
        cairo_paint(context)
        cairo_restore(context)
        cairo_identity_matrix(context)
    }

    /// Calls `body` with the pixel rows after flushing pending drawing.
    func withPixels<R>(_ body: (_ data: UnsafePointer<UInt8>, _ stride: Int) throws(RasterError) -> R)
        throws(RasterError) -> R
    {
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { throw .cairo("no pixel data") }
        return try body(UnsafePointer(data), Int(cairo_image_surface_get_stride(surface)))
    }

    static func message(_ status: cairo_status_t) -> String {
        guard let text = cairo_status_to_string(status) else { return "status \(status.rawValue)" }
        return String(cString: text)
    }
}
