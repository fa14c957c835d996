import BillLayout

/// Rasterises untrusted SVG (logos and image lines) to printer dots with librsvg.
///
/// The SVG is parsed from memory with no base location, so it can reference nothing outside
/// itself; its size is bounded by ``SVGLimits`` and the raster by the box it is fitted into.
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
    /// - Throws: `.svgTooLarge`, `.svgEmpty` or `.svgInvalid` for input librsvg refuses;
    ///   `.invalidOptions` for a box outside 1...``maxBoxSide`` dots.
    public func bitmap(_ svg: String, maxWidth: Int, maxHeight: Int, growToFit: Bool = true)
        throws(RasterError) -> Bitmap
    {
        guard (1...Self.maxBoxSide).contains(maxWidth), (1...Self.maxBoxSide).contains(maxHeight) else {
            throw .invalidOptions("picture box \(maxWidth)×\(maxHeight) outside 1...\(Self.maxBoxSide)")
        }
        let document = try SVGDocument(svg: svg, limits: limits)
        let size = Self.fit(document, maxWidth: maxWidth, maxHeight: maxHeight, growToFit: growToFit)
        var bitmap = Bitmap(width: size.width, height: size.height)
        var ditherer = Ditherer(method: dither, width: size.width)
        var y = 0
        do {
            try document.render(size, stripRows: CairoImageSurface.stripRows) { luma, rows in
                for row in 0..<rows {
                    let ink = ditherer.dither(luma[(row * size.width)..<((row + 1) * size.width)])
                    for x in 0..<size.width where ink[x] != 0 { bitmap[x, y] = true }
                    y += 1
                }
            }
        } catch let error as RasterError {
            throw error
        } catch {
            throw .svgInvalid("\(error)")
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
struct PictureSize {
    let width: Int
    let height: Int
    let exactWidth: Double
    let exactHeight: Double
}
