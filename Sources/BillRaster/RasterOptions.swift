/// How the raster back end draws a layout.
public struct RasterOptions: Sendable, Equatable, Hashable {
    /// The look of a PNG.
    public enum Style: String, Sendable, Equatable, Hashable, CaseIterable {
        /// 1-bit dots, exactly what the printer prints in raster mode (text unsmoothed, pictures
        /// dithered). `scale` enlarges each dot to a `scale × scale` block.
        case monochrome
        /// Anti-aliased gray: smooth text and undithered pictures, drawn at `scale` times the
        /// printer's resolution.
        case gray
    }

    /// 1-bit or gray (PNG only; ESC/POS bands are always 1-bit).
    public var style: Style
    /// Output pixels per printer dot, 1...8 (PNG only).
    public var scale: Int
    /// How pictures become dots in the monochrome style and in ESC/POS bands.
    public var dither: DitherMethod
    /// The font files.
    public var fonts: RasterFonts
    /// Bounds on SVG input.
    public var svgLimits: SVGLimits
    /// A logo's largest width, in percent of the printable width (default 50).
    public var logoMaxWidthPercent: Int
    /// A logo's largest height in dots (default 120, 15 mm at 203 dpi).
    public var logoMaxHeight: Int
    /// An image line's largest height in dots (default 1,024).
    public var imageMaxHeight: Int
    /// Light modules around a QR code (default 4, the QR specification's quiet zone).
    public var qrQuietZone: Int
    /// The tallest bill drawn, in dots (default 250,000: 31 m at 203 dpi, more than
    /// `LayoutOptions.maxLines` of body text); a taller one fails with `RasterError.tooTall`, and
    /// in ESC/POS text mode lines past it print as text instead of raster. It bounds the time and
    /// memory of every raster render.
    public var maxHeight: Int

    public init(
        style: Style = .monochrome, scale: Int = 1, dither: DitherMethod = .atkinson,
        fonts: RasterFonts = .dejaVuSansMono, svgLimits: SVGLimits = SVGLimits(),
        logoMaxWidthPercent: Int = 50, logoMaxHeight: Int = 120, imageMaxHeight: Int = 1024,
        qrQuietZone: Int = 4, maxHeight: Int = 250_000
    ) {
        self.style = style
        self.scale = scale
        self.dither = dither
        self.fonts = fonts
        self.svgLimits = svgLimits
        self.logoMaxWidthPercent = logoMaxWidthPercent
        self.logoMaxHeight = logoMaxHeight
        self.imageMaxHeight = imageMaxHeight
        self.qrQuietZone = qrQuietZone
        self.maxHeight = maxHeight
    }

    /// Throws `.invalidOptions` naming the first value out of range.
    func validate() throws(RasterError) {
        guard (1...8).contains(scale) else { throw .invalidOptions("scale must be 1...8, is \(scale)") }
        guard (1...100).contains(logoMaxWidthPercent) else {
            throw .invalidOptions("logoMaxWidthPercent must be 1...100, is \(logoMaxWidthPercent)")
        }
        guard (1...4096).contains(logoMaxHeight) else { throw .invalidOptions("logoMaxHeight must be 1...4096") }
        guard (1...16384).contains(imageMaxHeight) else { throw .invalidOptions("imageMaxHeight must be 1...16384") }
        guard (0...16).contains(qrQuietZone) else { throw .invalidOptions("qrQuietZone must be 0...16") }
        guard maxHeight > 0, maxHeight <= 10_000_000 else { throw .invalidOptions("maxHeight must be 1...10,000,000") }
        try svgLimits.validate()
    }
}
