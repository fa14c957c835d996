import CCairo

/// A Cairo scaled font: a face at a horizontal and vertical size, with hinting and antialiasing.
final class ScaledFont {
    let font: OpaquePointer

    /// A font `xScale` dots wide per em and `yScale` dots tall per em. Metrics are not hinted, so
    /// glyph positions stay where the caller puts them.
    init(face: OpaquePointer, xScale: Double, yScale: Double, antialias: cairo_antialias_t) throws(RasterError) {
        var matrix = cairo_matrix_t()
        cairo_matrix_init_scale(&matrix, xScale, yScale)
        var identity = cairo_matrix_t()
        cairo_matrix_init_identity(&identity)
        guard let options = cairo_font_options_create() else { throw .cairo("no font options") }
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_antialias(options, antialias)
        cairo_font_options_set_hint_style(
            options,
            antialias == CAIRO_ANTIALIAS_NONE ? CAIRO_HINT_STYLE_FULL : CAIRO_HINT_STYLE_SLIGHT)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        guard let font = cairo_scaled_font_create(face, &matrix, &identity, options) else {
            throw .cairo("no scaled font")
        }
        let status = cairo_scaled_font_status(font)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_scaled_font_destroy(font)
            throw .cairo(CairoImageSurface.message(status))
        }
        self.font = font
    }

    deinit { cairo_scaled_font_destroy(font) }

    /// Whether the font has a glyph for `scalar` (FreeType's character map, read under Cairo's lock).
    func hasGlyph(for scalar: Unicode.Scalar) -> Bool {
        guard let face = cairo_ft_scaled_font_lock_face(font) else { return false }
        defer { cairo_ft_scaled_font_unlock_face(font) }
        return FT_Get_Char_Index(face, FT_ULong(scalar.value)) != 0
    }
}
