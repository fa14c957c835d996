/// Measures text that a drawing back end draws shaped (right-to-left and complex scripts, emoji,
/// characters the printer font lacks) rather than a character per cell, so that the layout, which
/// knows no fonts, leaves such text the room it takes on paper.
///
/// The facade passes the raster back end's measure to ``LayoutEngine/layout(_:profile:options:measure:)``;
/// without one, text is measured by display width only.
public protocol DrawnTextMeasure: Sendable {
    /// The cells `text` takes on `grid` at `style`'s size when it is drawn shaped: its shaped
    /// advance in dots over the cell width (times the width magnification), rounded up. Nil when
    /// `text` is drawn on the grid, each character in its display-width cells.
    func drawnCells(of text: Substring, style: TextStyle, grid: LayoutGrid) -> Int?
}
