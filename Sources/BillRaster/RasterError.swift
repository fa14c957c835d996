/// Why a raster render, or one picture in it, failed.
public enum RasterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A font file could not be opened by FreeType.
    case fontUnavailable(path: String)
    /// Cairo reported an error (out of memory, invalid size); the text is Cairo's status string.
    case cairo(String)
    /// A surface taller or wider than the renderer allows was requested.
    case surfaceTooLarge(width: Int, height: Int)
    /// The SVG is larger than the configured limit.
    case svgTooLarge(bytes: Int, limit: Int)
    /// The SVG is empty or has no size (no width/height, no viewBox).
    case svgEmpty
    /// librsvg could not parse or draw the SVG; the text is librsvg's message.
    case svgInvalid(String)
    /// The SVG is over one of ``SVGLimits``' structural limits (elements, nesting, `<use>`
    /// expansion, gradient stops, text); the text says which.
    case svgRefused(String)
    /// Drawing the picture ran out of its time or memory budget and was stopped; the text says which.
    case pictureBudget(String)
    /// The picture helper process is missing or failed (ended by a signal, answered nonsense).
    case pictureHelper(String)
    /// The options are out of range; the text says which.
    case invalidOptions(String)
    /// zlib failed while writing a PNG.
    case pngEncoding(String)
    /// The rendered bill would exceed the configured height limit.
    case tooTall(rows: Int, limit: Int)

    public var description: String {
        switch self {
        case .fontUnavailable(let path): "cannot load the font file \(path)"
        case .cairo(let status): "cairo: \(status)"
        case .surfaceTooLarge(let width, let height): "refused a \(width)×\(height) drawing surface"
        case .svgTooLarge(let bytes, let limit): "the SVG has \(bytes) bytes, more than the limit of \(limit)"
        case .svgEmpty: "the SVG is empty or has no size (no width and height, no viewBox)"
        case .svgInvalid(let message): "the SVG cannot be drawn: \(message)"
        case .svgRefused(let message): "the SVG is refused: \(message)"
        case .pictureBudget(let message): "the picture went over its budget: \(message)"
        case .pictureHelper(let message): "the picture helper failed: \(message)"
        case .invalidOptions(let message): "invalid raster options: \(message)"
        case .pngEncoding(let message): "PNG encoding failed: \(message)"
        case .tooTall(let rows, let limit): "the bill is \(rows) rows tall, more than the limit of \(limit)"
        }
    }
}
