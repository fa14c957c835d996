/// The font files text is drawn with, by path (never a fontconfig name).
public struct RasterFonts: Sendable, Equatable, Hashable {
    /// The regular weight.
    public var regularPath: String
    /// The bold weight.
    public var boldPath: String
    /// Fonts tried in order for characters the main font lacks (CJK, for example); drawn bold by
    /// synthetic emboldening. A fallback that cannot be loaded is skipped (its characters print as
    /// the main font's missing-glyph box), while a missing main font fails the render.
    public var fallbackPaths: [String]

    public init(regularPath: String, boldPath: String, fallbackPaths: [String] = []) {
        self.regularPath = regularPath
        self.boldPath = boldPath
        self.fallbackPaths = fallbackPaths
    }

    /// DejaVu Sans Mono as Debian's `fonts-dejavu-core` installs it, with Droid Sans Fallback
    /// (`fonts-droid-fallback`) for Chinese, Japanese and Korean.
    public static let dejaVuSansMono = RasterFonts(
        regularPath: "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
        boldPath: "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
        fallbackPaths: ["/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"])
}
