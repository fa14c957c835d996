import BillLayout
import BillSupport
import Synchronization

/// The dots one character sets when it is drawn in its cells without antialiasing: a box of
/// 0/255 bytes placed relative to the left edge of the character's first cell and the top row of
/// its line.
///
/// Monochrome text is the same dots wherever it stands on the grid (cells start on whole dots,
/// lines on whole rows), so each character is drawn by Cairo once and then copied. Overlapping
/// characters (a bold glyph that reaches into the next cell) combine as Cairo's own drawing
/// combines them: a dot is inked when any character inks it.
struct GlyphMask: Sendable {
    /// The box's offset from the cell's left edge (negative when the glyph overhangs to the left).
    let left: Int
    /// The box's first row, counted from the line's top row.
    let top: Int
    let width: Int
    let height: Int
    /// `width × height` bytes, row by row: 255 where the glyph inks the dot, else 0.
    let ink: [UInt8]

    /// A character that sets no dot (a space).
    static let blank = GlyphMask(left: 0, top: 0, width: 0, height: 0, ink: [])

    /// The inked box of `ink`, a `width × height` drawing whose column `origin` is the cell's left
    /// edge; `blank` when nothing is inked.
    init(cropping ink: [UInt8], width: Int, height: Int, origin: Int) {
        var minX = width
        var maxX = -1
        var minY = height
        var maxY = -1
        for y in 0..<height {
            for x in 0..<width where ink[y * width + x] != 0 {
                minX = min(minX, x)
                maxX = max(maxX, x)
                minY = min(minY, y)
                maxY = max(maxY, y)
            }
        }
        guard maxX >= minX else {
            self = .blank
            return
        }
        let boxWidth = maxX - minX + 1
        var box = [UInt8](repeating: 0, count: boxWidth * (maxY - minY + 1))
        for y in minY...maxY {
            box.replaceSubrange(
                (y - minY) * boxWidth..<(y - minY + 1) * boxWidth,
                with: ink[(y * width + minX)...(y * width + maxX)])
        }
        self.init(left: minX - origin, top: minY, width: boxWidth, height: maxY - minY + 1, ink: box)
    }

    private init(left: Int, top: Int, width: Int, height: Int, ink: [UInt8]) {
        self.left = left
        self.top = top
        self.width = width
        self.height = height
        self.ink = ink
    }

    /// Inks the glyph's dots into `strip`, which holds rows `rows` of the line, for a cell whose
    /// left edge is at dot `x`; dots outside the strip are clipped.
    func draw(into strip: inout InkStrip, x: Int, rows: Range<Int>) {
        guard width > 0 else { return }
        let firstRow = max(top, rows.lowerBound)
        let endRow = min(top + height, rows.upperBound)
        let firstColumn = max(0, x + left)
        let endColumn = min(strip.width, x + left + width)
        guard firstRow < endRow, firstColumn < endColumn else { return }
        let stripWidth = strip.width
        ink.withUnsafeBufferPointer { source in
            strip.ink.withUnsafeMutableBufferPointer { target in
                for row in firstRow..<endRow {
                    let from = (row - top) * width - (x + left)
                    let to = (row - rows.lowerBound) * stripWidth
                    for column in firstColumn..<endColumn {
                        target[to + column] |= source[from + column]
                    }
                }
            }
        }
    }
}

/// Monochrome glyphs already drawn, shared by every render in the process that draws with the
/// same fonts on the same cells. Hinting and rasterising a glyph with FreeType costs far more
/// than copying its dots, and a restaurant's bills repeat the same few dozen characters.
///
/// At most ``maxGlyphs`` glyphs and ``maxBytes`` of their dots are kept per atlas; characters past
/// that are drawn for each render that has them. A full atlas keeps what it has rather than
/// evicting (as ``BoundedCache`` does): a bill of thousands of distinct characters would otherwise
/// churn it for every other bill. At most 8 atlases (font and cell combinations)
/// are kept, so the atlases never hold more than 32 MiB.
final class GlyphAtlas: Sendable {
    /// Everything besides the character and its style that decides a glyph's dots.
    struct Setup: Hashable, Sendable {
        var fonts: RasterFonts
        var cellWidth: Int
        var cellHeight: Int
        var dotScale: Int
    }

    /// One character in one style.
    struct Key: Hashable, Sendable {
        var character: Character
        var style: Style
    }

    /// How a character is drawn: its font family (0 the main font) and magnification.
    struct Style: Hashable, Sendable {
        var family: Int
        var bold: Bool
        var widthScale: Int
        var heightScale: Int
    }

    static let maxGlyphs = 4096
    static let maxBytes = 4 << 20
    private static let atlases = BoundedCache<Setup, GlyphAtlas>(capacity: 8)

    private let glyphs = Mutex<(masks: [Key: GlyphMask], bytes: Int)>(([:], 0))

    /// An empty atlas of its own (for a render that must draw every glyph itself).
    init() {}

    /// Drops every shared atlas (renders under way keep theirs).
    static func purgeShared() {
        atlases.removeAll()
    }

    /// The process's atlas for `setup`.
    static func shared(for setup: Setup) -> GlyphAtlas {
        if let atlas = atlases.value(for: setup) { return atlas }
        let atlas = GlyphAtlas()
        atlases.insert(atlas, for: setup)
        return atlases.value(for: setup) ?? atlas
    }

    /// The glyph for `key`, if it has been drawn.
    func glyph(for key: Key) -> GlyphMask? {
        glyphs.withLock { $0.masks[key] }
    }

    /// How many glyphs are kept, and the bytes counted against ``maxBytes``.
    var usage: (glyphs: Int, bytes: Int) { glyphs.withLock { ($0.masks.count, $0.bytes) } }

    /// Keeps `glyph` for `key` while the atlas has room.
    func insert(_ glyph: GlyphMask, for key: Key) {
        glyphs.withLock { glyphs in
            let cost = glyph.ink.count + 64
            guard glyphs.masks[key] == nil, glyphs.masks.count < Self.maxGlyphs, glyphs.bytes + cost <= Self.maxBytes
            else { return }
            glyphs.masks[key] = glyph
            glyphs.bytes += cost
        }
    }
}
