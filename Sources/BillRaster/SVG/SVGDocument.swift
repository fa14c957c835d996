import CCairo
import CRsvg

/// A parsed SVG document (a librsvg handle).
///
/// Only sanitised SVG reaches it (``SVGSanitizer``; ``PictureDrawing`` draws it in the helper
/// process). The document is parsed from memory with no base file, so librsvg resolves no external
/// reference even if one got through: `file:`, `http:` and relative `href`s load nothing.
/// libxml2's safety limits stay on (depth, entity expansion).
final class SVGDocument {
    private let handle: OpaquePointer
    /// The natural size in CSS pixels when the SVG gives `width` and `height`.
    let naturalSize: (width: Double, height: Double)?
    /// Width over height, from the natural size or else the viewBox.
    let aspectRatio: Double

    init(svg: String) throws(RasterError) {
        let bytes = Array(svg.utf8)
        guard bytes.contains(where: { $0 > 0x20 }) else { throw .svgEmpty }
        var message: UnsafeMutablePointer<CChar>?
        let handle = bytes.withUnsafeBytes { crsvg_handle_from_memory($0.baseAddress, gsize($0.count), &message) }
        guard let handle else { throw .svgInvalid(Self.take(message)) }
        self.handle = OpaquePointer(handle)
        rsvg_handle_set_dpi(handle, 96)
        var width = 0.0
        var height = 0.0
        if rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0, Self.usable(width),
            Self.usable(height)
        {
            naturalSize = (width, height)
            aspectRatio = width / height
            return
        }
        naturalSize = nil
        var hasWidth: gboolean = 0
        var hasHeight: gboolean = 0
        var hasViewBox: gboolean = 0
        var viewBox = RsvgRectangle()
        rsvg_handle_get_intrinsic_dimensions(handle, &hasWidth, nil, &hasHeight, nil, &hasViewBox, &viewBox)
        guard hasViewBox != 0, Self.usable(viewBox.width), Self.usable(viewBox.height) else {
            crsvg_handle_free(handle)
            throw .svgEmpty
        }
        aspectRatio = viewBox.width / viewBox.height
    }

    deinit { crsvg_handle_free(UnsafeMutablePointer(handle)) }

    /// Draws the document scaled to `size`, in strips of at most `stripRows` rows; `body` gets each
    /// strip's rows as gray composited on white (0 = black, 255 = white).
    func render(_ size: PictureSize, stripRows: Int, body: (_ luma: [UInt8], _ rows: Int) throws -> Void) throws {
        let width = size.width
        let height = size.height
        var top = 0
        let strip = max(1, min(stripRows, CairoImageSurface.maxHeight))
        let surface = try CairoImageSurface(width: width, height: min(strip, height), format: CAIRO_FORMAT_ARGB32)
        while top < height {
            let rows = min(strip, height - top)
            surface.clear()
            var message: UnsafeMutablePointer<CChar>?
            let failed = crsvg_render(
                UnsafeMutablePointer(handle), surface.context, 0, Double(-top), size.exactWidth,
                size.exactHeight, &message)
            guard failed == 0 else { throw RasterError.svgInvalid(Self.take(message)) }
            try surface.checkStatus()
            let luma = try surface.withPixels { (data, stride) throws(RasterError) in
                var luma = [UInt8](repeating: 255, count: width * rows)
                data.withMemoryRebound(to: UInt32.self, capacity: stride / 4 * rows) { pixels in
                    for y in 0..<rows {
                        for x in 0..<width {
                            luma[y * width + x] = Self.lumaOverWhite(pixels[y * (stride / 4) + x])
                        }
                    }
                }
                return luma
            }
            try body(luma, rows)
            top += rows
        }
    }

    /// Draws the document as it is (paths stay paths) on `context`, scaled to `size` with its top
    /// left corner at (`x`, `y`): how PDF and SVG output take a picture.
    func draw(on context: OpaquePointer, x: Double, y: Double, size: PictureSize) throws(RasterError) {
        var message: UnsafeMutablePointer<CChar>?
        let failed = crsvg_render(
            UnsafeMutablePointer(handle), context, x, y, size.exactWidth, size.exactHeight, &message)
        guard failed == 0 else { throw .svgInvalid(Self.take(message)) }
    }

    /// The gray of a premultiplied ARGB pixel laid on white paper (transparent is white).
    static func lumaOverWhite(_ pixel: UInt32) -> UInt8 {
        let alpha = Int(pixel >> 24)
        let white = 255 - alpha
        let r = Int((pixel >> 16) & 0xFF) + white
        let g = Int((pixel >> 8) & 0xFF) + white
        let b = Int(pixel & 0xFF) + white
        return UInt8(min(255, (r * 299 + g * 587 + b * 114) / 1000))
    }

    private static func usable(_ value: Double) -> Bool { value.isFinite && value > 0 }

    private static func take(_ message: UnsafeMutablePointer<CChar>?) -> String {
        guard let message else { return "unknown librsvg error" }
        defer { g_free(message) }
        return String(cString: message)
    }
}
