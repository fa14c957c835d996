#include <zlib.h>

/// deflateInit is a macro; Swift cannot call it.
static inline int czlib_deflate_init(z_streamp stream, int level) {
    return deflateInit(stream, level);
}

/// inflateInit is a macro; Swift cannot call it.
static inline int czlib_inflate_init(z_streamp stream) {
    return inflateInit(stream);
}
