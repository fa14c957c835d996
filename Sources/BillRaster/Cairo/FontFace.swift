import CCairo
import Synchronization

/// A TrueType font loaded by file path through FreeType and wrapped as a Cairo font face.
///
/// Fonts are never looked up by fontconfig name, so every machine draws the same glyphs. Each
/// face has its own FreeType library; both are freed when Cairo drops its last reference.
/// Cairo's FreeType back end locks the face around every use, so one face serves many threads.
final class FontFace: @unchecked Sendable {
    let face: OpaquePointer
    let path: String
    /// Advance of one glyph per unit of font size (DejaVu Sans Mono: 0.602).
    let advanceRatio: Double
    /// Ascent and descent per unit of font size.
    let ascentRatio: Double
    let descentRatio: Double
    /// Advance of a CJK ideograph (U+4E2D) per unit of font size, for fallback fonts.
    let ideographAdvanceRatio: Double

    private static let cache = Mutex<[String: FontFace]>([:])

    /// Forgets the loaded faces; each is freed when the last render using it ends.
    static func purgeCache() {
        cache.withLock { $0.removeAll() }
    }

    /// The face for the font file at `path`, loaded once per process; `emboldened` draws it
    /// bold synthetically (for fallback fonts that have no bold).
    static func load(path: String, emboldened: Bool = false) throws(RasterError) -> FontFace {
        let key = emboldened ? "\(path)#bold" : path
        let cached = cache.withLock { $0[key] }
        if let cached { return cached }
        let face = try FontFace(path: path, emboldened: emboldened)
        return cache.withLock { faces in
            if let existing = faces[key] { return existing }
            faces[key] = face
            return face
        }
    }

    private init(path: String, emboldened: Bool) throws(RasterError) {
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else { throw .fontUnavailable(path: path) }
        var ftFace: FT_Face?
        guard FT_New_Face(library, path, 0, &ftFace) == 0, let ftFace else {
            FT_Done_FreeType(library)
            throw .fontUnavailable(path: path)
        }
        guard let face = cairo_ft_font_face_create_for_ft_face(ftFace, 0) else {
            FT_Done_Face(ftFace)
            FT_Done_FreeType(library)
            throw .fontUnavailable(path: path)
        }
        let attached = cairo_font_face_set_user_data(face, fontFaceKey, UnsafeMutableRawPointer(ftFace)) { pointer in
            guard let pointer else { return }
            let ftFace = FT_Face(pointer.assumingMemoryBound(to: FT_FaceRec_.self))
            let library = ftFace.pointee.glyph.pointee.library
            FT_Done_Face(ftFace)
            FT_Done_FreeType(library)
        }
        guard attached == CAIRO_STATUS_SUCCESS, cairo_font_face_status(face) == CAIRO_STATUS_SUCCESS else {
            cairo_font_face_destroy(face)
            FT_Done_Face(ftFace)
            FT_Done_FreeType(library)
            throw .fontUnavailable(path: path)
        }
        if emboldened { cairo_ft_font_face_set_synthesize(face, UInt32(CAIRO_FT_SYNTHESIZE_BOLD.rawValue)) }
        self.face = face
        self.path = path
        // Measure at a large size without hinting for exact ratios.
        let size = 1000.0
        let font = try ScaledFont(face: face, xScale: size, yScale: size, antialias: CAIRO_ANTIALIAS_GRAY)
        var extents = cairo_font_extents_t()
        cairo_scaled_font_extents(font.font, &extents)
        var text = cairo_text_extents_t()
        cairo_scaled_font_text_extents(font.font, "0", &text)
        var ideograph = cairo_text_extents_t()
        cairo_scaled_font_text_extents(font.font, "\u{4E2D}", &ideograph)
        guard extents.ascent > 0, extents.descent >= 0, text.x_advance > 0 else { throw .fontUnavailable(path: path) }
        advanceRatio = text.x_advance / size
        ideographAdvanceRatio = ideograph.x_advance > 0 ? ideograph.x_advance / size : 1
        ascentRatio = extents.ascent / size
        descentRatio = extents.descent / size
    }

    deinit { cairo_font_face_destroy(face) }
}

/// The key under which a Cairo face keeps its FreeType face for freeing.
nonisolated(unsafe) private let fontFaceKey = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)
