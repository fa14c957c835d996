import BillLayout

/// Rasterises untrusted SVG (logos and image lines) to printer dots: sanitised by
/// ``SVGSanitizer``, drawn by librsvg in the helper process within ``SVGLimits``' budgets.
public struct SVGRasterizer: Sendable {
    /// Bounds on the input.
    public var limits: SVGLimits
    /// How gray becomes dots.
    public var dither: DitherMethod

    /// The largest box side accepted by ``bitmap(_:maxWidth:maxHeight:growToFit:)``, in dots.
    public static let maxBoxSide = 8192

    public init(limits: SVGLimits = SVGLimits(), dither: DitherMethod = .atkinson) {
        self.limits = limits
        self.dither = dither
    }

    /// The picture as dots, scaled (aspect kept) to fit `maxWidth × maxHeight`.
    ///
    /// With `growToFit` the picture fills the box; without it, a picture whose SVG gives a natural
    /// `width`/`height` keeps that size in dots (1 CSS px = 1 dot) when it fits.
    /// - Throws: `.svgTooLarge`, `.svgEmpty`, `.svgInvalid` or `.svgRefused` for input the
    ///   sanitiser or librsvg refuses; `.pictureBudget` or `.pictureHelper` when drawing overruns
    ///   or the helper fails; `.invalidOptions` for a box outside 1...``maxBoxSide`` dots.
    public func bitmap(_ svg: String, maxWidth: Int, maxHeight: Int, growToFit: Bool = true)
        throws(RasterError) -> Bitmap
    {
        guard (1...Self.maxBoxSide).contains(maxWidth), (1...Self.maxBoxSide).contains(maxHeight) else {
            throw .invalidOptions("picture box \(maxWidth)×\(maxHeight) outside 1...\(Self.maxBoxSide)")
        }
        var timeLeft = Duration.milliseconds(limits.timeBudgetMilliseconds)
        let gray = try PictureDrawing.draw(
            svg, box: (maxWidth, maxHeight), growToFit: growToFit, limits: limits, timeLeft: &timeLeft
        ).gray
        var bitmap = Bitmap(width: gray.width, height: gray.height)
        var ditherer = Ditherer(method: dither, width: gray.width)
        for y in 0..<gray.height {
            let ink = ditherer.dither(gray.luma[(y * gray.width)..<((y + 1) * gray.width)])
            for x in 0..<gray.width where ink[x] != 0 { bitmap[x, y] = true }
        }
        return bitmap
    }

    /// The pixel size of `document` fitted into the box, at least 1 × 1, and the exact
    /// (unrounded) size to draw it at, so rounding never letterboxes a thin picture.
    static func fit(_ document: SVGDocument, maxWidth: Int, maxHeight: Int, growToFit: Bool) -> PictureSize {
        let boxWidth = Double(max(1, maxWidth))
        let boxHeight = Double(max(1, maxHeight))
        var width = boxWidth
        if !growToFit, let natural = document.naturalSize { width = min(boxWidth, natural.width) }
        var height = width / document.aspectRatio
        if height > boxHeight {
            height = boxHeight
            width = height * document.aspectRatio
        }
        guard width.isFinite, height.isFinite, width > 0, height > 0 else {
            return PictureSize(width: 1, height: 1, exactWidth: 1, exactHeight: 1)
        }
        let w = Int(min(boxWidth, max(1, width.rounded())))
        let h = Int(min(boxHeight, max(1, height.rounded())))
        return PictureSize(width: w, height: h, exactWidth: width, exactHeight: height)
    }
}

/// Where a picture is drawn: its raster size in pixels and the exact size its document is scaled to.
package struct PictureSize: Sendable {
    package let width: Int
    package let height: Int
    package let exactWidth: Double
    package let exactHeight: Double
}
