import BillLayout
import BillSupport

/// Pictures already drawn, as ink rows, keyed by everything that decides their dots. A
/// restaurant's logo is the same on every bill; sanitising it and drawing it in the helper process
/// is most of the cost of a bill with a logo, so it is drawn once (and a picture that failed is
/// remembered by ``PictureDrawing``, so it fails once). At most 16 pictures and 8 MiB are kept, none
/// over 1 MiB of ink.
enum PictureCache {
    struct Key: Hashable, Sendable {
        var svg: String
        var boxWidth: Int
        var boxHeight: Int
        var growToFit: Bool
        var dither: DitherMethod
        var monochrome: Bool
        var limits: SVGLimits
    }

    /// A drawn picture: `width × height` ink bytes, row by row (0 = paper, 255 = full ink).
    struct Picture: Sendable {
        let width: Int
        let height: Int
        let ink: [UInt8]
        /// What the sanitiser changed, warned about on every bill that prints the picture.
        let changes: [String]
    }

    static let shared = BoundedCache<Key, Picture>(capacity: 16, maxTotalCost: 8 << 20)
    static let maxPictureBytes = 1 << 20
}
