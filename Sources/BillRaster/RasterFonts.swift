/// The font files text is drawn with, by path (never a fontconfig name).
public struct RasterFonts: Sendable, Equatable, Hashable {
    /// The regular weight.
    public var regularPath: String
    /// The bold weight.
    public var boldPath: String

    public init(regularPath: String, boldPath: String) {
        self.regularPath = regularPath
        self.boldPath = boldPath
    }

    /// DejaVu Sans Mono as Debian's `fonts-dejavu-core` installs it.
    public static let dejaVuSansMono = RasterFonts(
        regularPath: "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
        boldPath: "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf")
}
