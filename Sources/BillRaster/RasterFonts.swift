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
    /// Fonts for shaped text (right-to-left and complex scripts, emoji, characters the main font
    /// lacks), tried in this order for each character, after the main font for the characters it
    /// draws on its grid; regular and bold files of one family may both be listed. A file that
    /// cannot be loaded is skipped.
    public var shapingPaths: [String]

    public init(
        regularPath: String, boldPath: String, fallbackPaths: [String] = [], shapingPaths: [String] = []
    ) {
        self.regularPath = regularPath
        self.boldPath = boldPath
        self.fallbackPaths = fallbackPaths
        self.shapingPaths = shapingPaths
    }

    /// Debian's fonts for shaped text, in fallback order: Noto Sans Arabic, Hebrew, Devanagari and
    /// Thai (`fonts-noto-core`), Symbola for emoji and symbols (`fonts-symbola`, monochrome), Droid
    /// Sans Fallback for CJK (`fonts-droid-fallback`).
    public static let debianShapingPaths: [String] = {
        let noto = "/usr/share/fonts/truetype/noto/NotoSans"
        var paths: [String] = []
        for script in ["Arabic", "Hebrew", "Devanagari", "Thai"] {
            paths += [noto + script + "-Regular.ttf", noto + script + "-Bold.ttf"]
        }
        return paths + [
            "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        ]
    }()

    /// DejaVu Sans Mono as Debian's `fonts-dejavu-core` installs it, with Droid Sans Fallback
    /// (`fonts-droid-fallback`) for characters of Latin lines it lacks, and
    /// ``debianShapingPaths`` for shaped text.
    public static let dejaVuSansMono = RasterFonts(
        regularPath: "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
        boldPath: "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
        fallbackPaths: ["/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"],
        shapingPaths: debianShapingPaths)
}
