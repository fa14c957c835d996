import BillLayout
import CCairo
import CPango
import Synchronization

/// Text runs shaped by HarfBuzz and ordered by the Unicode bidirectional algorithm, through Pango:
/// Arabic joined and right to left, Hebrew right to left, Devanagari and Thai with their marks
/// placed, emoji, and any character the printer font (DejaVu Sans Mono) lacks, such as CJK.
///
/// Fonts come from the files ``RasterFonts`` names, never from the machine's fontconfig set-up:
/// each file is added to a private `FcConfig` (`FcConfigAppFontAddFile`) that Pango's font map
/// uses, so a bill draws the same on every machine. Within a run, characters the printer font
/// draws on its grid (Latin, digits, punctuation, spaces) keep the printer font, one cell each;
/// everything else falls back through ``RasterFonts/shapingPaths`` in order (by default Noto Sans
/// Arabic, Hebrew, Devanagari and Thai, Symbola for emoji and symbols, Droid Sans Fallback for
/// CJK), then the printer font. A character none of them has is drawn as Pango's hex box, and
/// ``missingCharacters(in:)`` names it for a diagnostic.
///
/// This is the one place that draws shaped text: the PNG and raster lines through
/// `TextRasterizer`, vector output through `draw(_:on:x:baseline:style:)`. Pango and fontconfig
/// are used under one lock, so a shaper serves many threads.
public final class TextShaper: @unchecked Sendable {
    /// How much larger than the printer font's em the shaping fonts are drawn: their letters
    /// (Arabic, Devanagari, Thai) are small for their em next to DejaVu Sans Mono's.
    static let shapedScale = 1.25

    /// How big a run is drawn.
    public struct Style: Hashable, Sendable {
        /// The em size in device units (dots or pixels), vertical.
        public var emSize: Double
        /// The horizontal scale applied to the run (the printer font's cell is narrower than its em).
        public var horizontalScale: Double
        public var bold: Bool

        public init(emSize: Double, horizontalScale: Double, bold: Bool) {
            self.emSize = emSize
            self.horizontalScale = horizontalScale
            self.bold = bold
        }
    }

    private let lock = Mutex(())
    // Everything below is used under `lock` only.
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let monochromeContext: OpaquePointer
    private let grayContext: OpaquePointer
    /// The printer font's family and the shaping fonts' families, in fallback order.
    private let monoFamily: String
    private let shapingFamilies: String
    /// FreeType faces of every font, the printer font first, for coverage questions.
    private let coverageFaces: [FT_Face]
    private let freeType: FT_Library
    private var monoHas: [UInt32: Bool] = [:]
    private var anyHas: [UInt32: Bool] = [:]
    private var widths: [WidthKey: Double] = [:]
    /// The printer font's proportions: advance, ascent and descent per em.
    let advanceRatio: Double
    let ascentRatio: Double
    let descentRatio: Double

    private struct WidthKey: Hashable {
        var text: String
        var style: Style
    }

    private static let shapers = Mutex<[RasterFonts: TextShaper]>([:])

    /// The shaper for `fonts`, made once per process.
    public static func shared(fonts: RasterFonts) throws(RasterError) -> TextShaper {
        if let known = shapers.withLock({ $0[fonts] }) { return known }
        let made = try TextShaper(fonts: fonts)
        return shapers.withLock { shapers in
            if let known = shapers[fonts] { return known }
            shapers[fonts] = made
            return made
        }
    }

    private init(fonts: RasterFonts) throws(RasterError) {
        let main = try FontFace.load(path: fonts.regularPath)
        advanceRatio = main.advanceRatio
        ascentRatio = main.ascentRatio
        descentRatio = main.descentRatio
        guard let config = FcConfigCreate() else { throw .cairo("fontconfig: no configuration") }
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else {
            FcConfigDestroy(config)
            throw .fontUnavailable(path: fonts.regularPath)
        }
        freeType = library
        var faces: [FT_Face] = []
        var familiesInOrder: [String] = []
        var mono = ""
        let paths = [fonts.regularPath, fonts.boldPath] + fonts.shapingPaths
        for (index, path) in paths.enumerated() {
            var face: FT_Face?
            // A shaping font that is not installed is skipped: only the characters it would draw change.
            guard FT_New_Face(library, path, 0, &face) == 0, let face else {
                if index < 2 {
                    FcConfigDestroy(config)
                    FT_Done_FreeType(library)
                    throw .fontUnavailable(path: path)
                }
                continue
            }
            faces.append(face)
            guard FcConfigAppFontAddFile(config, path) != 0 else { continue }
            let family = face.pointee.family_name.map { String(cString: $0) } ?? ""
            if index == 0 { mono = family }
            if index >= 2, !family.isEmpty, !familiesInOrder.contains(family) { familiesInOrder.append(family) }
        }
        coverageFaces = faces
        monoFamily = mono
        // The printer font last: it has Latin and a few Arabic and Hebrew letters drawn for a grid.
        shapingFamilies = (familiesInOrder + [mono]).joined(separator: ",")
        guard let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT) else {
            FcConfigDestroy(config)
            throw .cairo("pango: no font map")
        }
        pango_fc_font_map_set_config(OpaquePointer(map), config)
        FcConfigDestroy(config)  // the font map holds its own reference
        fontMap = map
        monochromeContext = try Self.context(map, antialias: CAIRO_ANTIALIAS_NONE)
        grayContext = try Self.context(map, antialias: CAIRO_ANTIALIAS_GRAY)
    }

    private static func context(_ map: UnsafeMutablePointer<PangoFontMap>, antialias: cairo_antialias_t)
        throws(RasterError) -> OpaquePointer
    {
        guard let context = pango_font_map_create_context(map), let options = cairo_font_options_create() else {
            throw .cairo("pango: no context")
        }
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_antialias(options, antialias)
        cairo_font_options_set_hint_style(
            options, antialias == CAIRO_ANTIALIAS_NONE ? CAIRO_HINT_STYLE_FULL : CAIRO_HINT_STYLE_SLIGHT)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        pango_cairo_context_set_font_options(context, options)
        pango_context_set_base_dir(context, PANGO_DIRECTION_LTR)
        return context
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(monochromeContext))
        g_object_unref(UnsafeMutableRawPointer(grayContext))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
        for face in coverageFaces { FT_Done_Face(face) }
        FT_Done_FreeType(freeType)
    }

    /// The style of a run on a grid of `cellWidth × cellHeight` device units with the
    /// magnification given: the printer font's em fills the cell's height, and its advance the
    /// cell's width.
    public func style(cellWidth: Double, cellHeight: Double, bold: Bool, widthScale: Int = 1, heightScale: Int = 1)
        -> Style
    {
        let emSize = cellHeight * Double(heightScale) / (ascentRatio + descentRatio)
        let emWidth = cellWidth * Double(widthScale) / advanceRatio
        return Style(emSize: emSize, horizontalScale: emWidth / emSize, bold: bold)
    }

    /// The baseline of a line `lineHeight` device units tall, from its top (as the printer font sits).
    public func baseline(lineHeight: Double) -> Double {
        lineHeight * ascentRatio / (ascentRatio + descentRatio)
    }

    // MARK: What needs shaping

    /// Whether `text` must be drawn shaped: it has a character of a complex or right-to-left
    /// script, an emoji, or a character the printer font lacks. Latin text answers at once.
    public func needsShaping(_ text: Substring) -> Bool {
        if DisplayWidth.kind(of: text) != .general { return false }
        return lock.withLock { _ in
            text.unicodeScalars.contains { isShaped($0) }
        }
    }

    /// Whether `scalar` is drawn by Pango rather than on the printer font's grid (under the lock).
    private func isShaped(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x300 { return false }
        if Self.isComplexOrRightToLeft(v) { return true }
        let properties = scalar.properties
        if properties.isEmojiPresentation || v == 0xFE0F || v == 0x200D || (0x1F000...0x1FAFF).contains(v) {
            return true
        }
        if let known = monoHas[v] { return !known }
        let has = FT_Get_Char_Index(coverageFaces[0], FT_ULong(v)) != 0
        monoHas[v] = has
        return !has
    }

    /// Scripts that need shaping or run right to left: Hebrew to N'Ko and Samaritan to Arabic
    /// Extended (U+0590–08FF), the Indic scripts (U+0900–0DFF), Thai and Lao, Tibetan, Myanmar,
    /// Khmer, Mongolian, the Hebrew and Arabic presentation forms.
    static func isComplexOrRightToLeft(_ v: UInt32) -> Bool {
        switch v {
        case 0x0590...0x08FF, 0x0900...0x0DFF, 0x0E00...0x0EFF, 0x0F00...0x0FFF, 0x1000...0x109F,
            0x1780...0x18AF, 0x1900...0x1AAF, 0x1B00...0x1C4F, 0xA800...0xA8FF, 0xA980...0xAAFF,
            0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x11000...0x11FFF, 0x1E800...0x1EFFF:
            return true
        default:
            return false
        }
    }

    /// The characters of `text` that no font has (each once, in order): Pango draws them as boxes.
    public func missingCharacters(in text: Substring) -> [Character] {
        if DisplayWidth.kind(of: text) != .general { return [] }
        return lock.withLock { _ in
            var missing: [Character] = []
            // A set beside the list: a line of thousands of distinct missing characters stays linear.
            var seen: Set<Character> = []
            for character in text where !seen.contains(character) {
                seen.insert(character)
                let hasAll = character.unicodeScalars.allSatisfy { scalar in
                    if Self.isIgnorable(scalar) { return true }
                    if let known = anyHas[scalar.value] { return known }
                    let has = coverageFaces.contains { FT_Get_Char_Index($0, FT_ULong(scalar.value)) != 0 }
                    anyHas[scalar.value] = has
                    return has
                }
                if !hasAll { missing.append(character) }
            }
            return missing
        }
    }

    /// Characters no font needs a glyph for: controls, format characters (joiners, marks of
    /// direction), variation selectors, skin-tone modifiers drawn by the emoji before them.
    private static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) || (0x1F3FB...0x1F3FF).contains(v) {
            return true
        }
        switch scalar.properties.generalCategory {
        case .format, .control: return true
        default: return v == 0x20
        }
    }

    // MARK: Measuring and drawing

    /// The width of `text` drawn in `style`, in device units (its logical advance).
    public func width(of text: Substring, style: Style) -> Double {
        let key = WidthKey(text: String(text), style: style)
        return lock.withLock { _ in
            if let known = widths[key] { return known }
            guard let layout = makeLayout(key.text, style: style, monochrome: true) else { return 0 }
            defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
            var logical = PangoRectangle()
            pango_layout_get_extents(layout, nil, &logical)
            let width = Double(logical.width) / Double(PANGO_SCALE) * style.horizontalScale
            if widths.count > 4096 { widths.removeAll(keepingCapacity: true) }
            widths[key] = width
            return width
        }
    }

    /// Draws `text` on the Cairo context `context` (a `cairo_t`) with its left edge at `x` and its
    /// baseline at `baseline`, in the context's current source; monochrome unless `antialiased`.
    /// The run is shaped and put in visual order: a right-to-left run reads from its right end.
    public func draw(
        _ text: Substring, on context: OpaquePointer, x: Double, baseline: Double, style: Style,
        antialiased: Bool = false
    ) {
        lock.withLock { _ in
            guard let layout = makeLayout(String(text), style: style, monochrome: !antialiased) else { return }
            defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
            let layoutBaseline = Double(pango_layout_get_baseline(layout)) / Double(PANGO_SCALE)
            cairo_save(context)
            cairo_translate(context, x, baseline)
            cairo_scale(context, style.horizontalScale, 1)
            cairo_move_to(context, 0, -layoutBaseline)
            pango_cairo_show_layout(context, layout)
            cairo_restore(context)
        }
    }

    /// A Pango layout of `text` (under the lock): the printer font for the characters it draws on
    /// its grid, the shaping fonts for the rest; the caller releases it.
    private func makeLayout(_ text: String, style: Style, monochrome: Bool) -> OpaquePointer? {
        let context = monochrome ? monochromeContext : grayContext
        guard let layout = pango_layout_new(context) else { return nil }
        guard let description = pango_font_description_new() else {
            g_object_unref(UnsafeMutableRawPointer(layout))
            return nil
        }
        defer { pango_font_description_free(description) }
        pango_font_description_set_family(description, shapingFamilies)
        pango_font_description_set_weight(description, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_absolute_size(description, style.emSize * Double(PANGO_SCALE))
        pango_layout_set_font_description(layout, description)
        pango_layout_set_single_paragraph_mode(layout, 1)
        pango_layout_set_auto_dir(layout, 1)
        pango_layout_set_text(layout, text, Int32(text.utf8.count))
        // The printer font for grid characters: their runs in UTF-8 byte offsets.
        if let attributes = pango_attr_list_new() {
            var offset = 0
            var runStart = 0
            var runShaped: Bool?
            func closeRun(at end: Int) {
                guard let shaped = runShaped, end > runStart else { return }
                let attribute =
                    shaped ? pango_attr_scale_new(Self.shapedScale) : pango_attr_family_new(monoFamily)
                if let attribute {
                    attribute.pointee.start_index = UInt32(runStart)
                    attribute.pointee.end_index = UInt32(end)
                    pango_attr_list_insert(attributes, attribute)
                }
            }
            for character in text {
                let shaped = character.unicodeScalars.contains { isShaped($0) }
                if shaped != runShaped {
                    closeRun(at: offset)
                    runStart = offset
                    runShaped = shaped
                }
                offset += character.utf8.count
            }
            closeRun(at: offset)
            pango_layout_set_attributes(layout, attributes)
            pango_attr_list_unref(attributes)
        }
        return layout
    }
}
