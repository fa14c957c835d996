/// Bounds on untrusted SVG (logos and image lines) and the budget for drawing it.
///
/// Every picture is first rewritten by ``SVGSanitizer`` (a whitelist of what logos need, numbers
/// clamped, nothing external) and then drawn by librsvg in a helper process (`billrender-svg`)
/// under a memory limit and a wall-clock deadline, so that nothing librsvg does — an abort, a
/// runaway allocation, a slow filter — reaches the host. A picture over any limit is left out with
/// a warning naming its JSON path; the bill prints without it.
public struct SVGLimits: Sendable, Equatable, Hashable {
    /// Where librsvg runs.
    public enum Sandbox: Sendable, Equatable, Hashable {
        /// In the `billrender-svg` helper process (the default). `path` names the executable; nil
        /// looks for `$BILLRENDER_SVG_HELPER`, then `billrender-svg` beside the running executable.
        /// When it cannot be found, pictures are left out with a warning.
        case helper(path: String? = nil)
        /// In this process, on the sanitised SVG only: no process is spawned, but a librsvg abort
        /// ends the host and the time and memory budgets are not enforced. For hosts that cannot
        /// ship the helper and accept that risk.
        case inProcess
    }

    /// The largest SVG document accepted, in UTF-8 bytes (default 1 MiB).
    public var maxBytes: Int
    /// The most elements in a document (default 10,000).
    public var maxElements: Int
    /// The most elements drawn once `<use>` and `url(#…)` references are expanded (default 20,000).
    public var maxExpandedElements: Int
    /// The most stops in one gradient (default 256).
    public var maxGradientStops: Int
    /// The most characters of text in a document (default 4,096).
    public var maxTextCharacters: Int
    /// The largest font size, stroke width or letter spacing, in user units; larger ones are
    /// clamped (default 2,048).
    public var maxFontSize: Double
    /// The largest magnitude of any coordinate, length or transform number; larger ones (and
    /// infinities) are clamped (default 10¹⁰).
    public var maxCoordinate: Double
    /// The most pixels an embedded raster (PNG, JPEG, GIF, WebP, a nested SVG) may decode to,
    /// read from its header before any decoder runs; a larger one is left out (default 4 Mpx).
    public var maxEmbeddedPixels: Int
    /// Wall-clock time for drawing all of one render's pictures, in milliseconds (default 1,000).
    /// A picture still drawing when it runs out is killed and left out.
    public var timeBudgetMilliseconds: Int
    /// The helper's memory limit (its data segment, RLIMIT_DATA), in bytes (default 192 MiB).
    public var memoryBudgetBytes: Int
    /// Where librsvg runs (default: the helper process).
    public var sandbox: Sandbox

    public init(
        maxBytes: Int = 1 << 20, maxElements: Int = 10_000, maxExpandedElements: Int = 20_000,
        maxGradientStops: Int = 256, maxTextCharacters: Int = 4096, maxFontSize: Double = 2048,
        maxCoordinate: Double = 1e10, maxEmbeddedPixels: Int = 4 << 20, timeBudgetMilliseconds: Int = 1000,
        memoryBudgetBytes: Int = 192 << 20, sandbox: Sandbox = .helper()
    ) {
        self.maxBytes = maxBytes
        self.maxElements = maxElements
        self.maxExpandedElements = maxExpandedElements
        self.maxGradientStops = maxGradientStops
        self.maxTextCharacters = maxTextCharacters
        self.maxFontSize = maxFontSize
        self.maxCoordinate = maxCoordinate
        self.maxEmbeddedPixels = maxEmbeddedPixels
        self.timeBudgetMilliseconds = timeBudgetMilliseconds
        self.memoryBudgetBytes = memoryBudgetBytes
        self.sandbox = sandbox
    }

    /// The deepest element nesting read.
    static let maxDepth = 256

    /// Throws `.invalidOptions` naming the first value out of range.
    func validate() throws(RasterError) {
        guard maxBytes > 0 else { throw .invalidOptions("svgLimits.maxBytes must be positive") }
        guard maxElements > 0, maxExpandedElements > 0, maxGradientStops >= 0, maxTextCharacters >= 0 else {
            throw .invalidOptions("svgLimits counts must be positive")
        }
        guard maxFontSize > 0, maxFontSize.isFinite, maxCoordinate > 0, maxCoordinate <= 1e15 else {
            throw .invalidOptions("svgLimits.maxFontSize and maxCoordinate must be positive and finite")
        }
        guard maxEmbeddedPixels >= 0 else { throw .invalidOptions("svgLimits.maxEmbeddedPixels must be positive") }
        guard timeBudgetMilliseconds >= 0, memoryBudgetBytes > 0 else {
            throw .invalidOptions("svgLimits time and memory budgets must be positive")
        }
    }
}
