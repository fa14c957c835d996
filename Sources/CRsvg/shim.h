#include <librsvg/rsvg.h>

/// Parses SVG from memory with no base file: librsvg then refuses every external reference
/// (file:, http:, relative paths); only data: URLs inside the document resolve. The XML parser
/// keeps libxml2's safety limits (no RSVG_HANDLE_FLAG_UNLIMITED). Returns NULL and sets *message
/// (to be freed with g_free) on failure.
static inline RsvgHandle *crsvg_handle_from_memory(const void *bytes, gsize length, char **message) {
    *message = NULL;
    GInputStream *stream = g_memory_input_stream_new_from_data(bytes, (gssize)length, NULL);
    GError *error = NULL;
    RsvgHandle *handle = rsvg_handle_new_from_stream_sync(stream, NULL, RSVG_HANDLE_FLAGS_NONE, NULL, &error);
    g_object_unref(stream);
    if (handle == NULL) {
        *message = g_strdup(error != NULL ? error->message : "unknown librsvg error");
        if (error != NULL) g_error_free(error);
    }
    return handle;
}

/// Renders the whole document into `viewport` on `cr`; returns 0 on success, else sets *message.
static inline int crsvg_render(RsvgHandle *handle, cairo_t *cr, double x, double y, double width, double height,
                               char **message) {
    *message = NULL;
    RsvgRectangle viewport = { x, y, width, height };
    GError *error = NULL;
    if (!rsvg_handle_render_document(handle, cr, &viewport, &error)) {
        *message = g_strdup(error != NULL ? error->message : "unknown librsvg error");
        if (error != NULL) g_error_free(error);
        return 1;
    }
    return 0;
}

static inline void crsvg_handle_free(RsvgHandle *handle) { g_object_unref(handle); }
