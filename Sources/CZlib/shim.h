#include <zlib.h>

/// deflateInit is a macro; Swift cannot call it.
static inline int czlib_deflate_init(z_streamp stream, int level) {
    return deflateInit(stream, level);
}

/// inflateInit is a macro; Swift cannot call it.
static inline int czlib_inflate_init(z_streamp stream) {
    return inflateInit(stream);
}

/// inflateInit2 is a macro too; 16 + MAX_WBITS reads a gzip stream.
static inline int czlib_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 16 + MAX_WBITS);
}
