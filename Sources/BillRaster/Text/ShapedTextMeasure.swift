import BillLayout
import Synchronization

/// The layout's measure of shaped text, as ``TextShaper`` draws it with `fonts`: a piece that
/// needs shaping takes its shaped advance, in cells rounded up.
public struct ShapedTextMeasure: DrawnTextMeasure {
    /// The fonts text is shaped with.
    public var fonts: RasterFonts { shaper.fonts }
    /// The shaper, looked up on the first word that needs it (Latin bills never load Pango). The
    /// measure holds this one reference only, so it is stored in a `DrawnTextMeasure` without a
    /// box of its own.
    private let shaper: LazyShaper

    public init(fonts: RasterFonts = .dejaVuSansMono) {
        self.shaper = LazyShaper(fonts: fonts)
    }

    public func drawnCells(of text: Substring, style: TextStyle, grid: LayoutGrid) -> Int? {
        if DisplayWidth.kind(of: text) != .general { return nil }
        guard let shaper = shaper.shaper, shaper.needsShaping(text) else { return nil }
        let widthScale = TextRasterizer.clampScale(style.widthScale)
        let shapedStyle = shaper.style(
            cellWidth: Double(grid.cellWidth), cellHeight: Double(grid.cellHeight), bold: style.bold,
            widthScale: widthScale, heightScale: TextRasterizer.clampScale(style.heightScale))
        let cell = Double(grid.cellWidth * widthScale)
        // A hair under a whole cell is still that cell (advances are not hinted).
        return Int((shaper.width(of: text, style: shapedStyle) / cell - 0.01).rounded(.up))
    }
}

/// A shaper found once, on first use.
private final class LazyShaper: Sendable {
    let fonts: RasterFonts
    private let found = Mutex<TextShaper??>(nil)

    init(fonts: RasterFonts) { self.fonts = fonts }

    /// The shaper for `fonts`, nil when it cannot be made.
    var shaper: TextShaper? {
        found.withLock { found in
            if let known = found { return known }
            let made = try? TextShaper.shared(fonts: fonts)
            found = .some(made)
            return made
        }
    }
}
