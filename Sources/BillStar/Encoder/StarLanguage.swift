/// Star Micronics' three command languages.
public enum StarLanguage: String, Sendable, Equatable, CaseIterable {
    /// Star Line mode (TSP650II, TSP700II, TSP800II, …): text, QR codes, pictures as `ESC k` bands.
    case line = "starline"
    /// StarPRNT (TSP100IV, mC-Print3, SM-L200, …): text, QR codes, pictures as `ESC GS S`.
    case prnt = "starprnt"
    /// Star Graphic, the raster mode of the TSP100 family: the whole bill as rows of dots.
    case graphic = "stargraphic"
}
