/// One character of a planned line: ASCII that every table prints alike, or a character that
/// needs a table holding it.
enum TextUnit: Equatable {
    case ascii(UInt8)
    case scalar(Unicode.Scalar)
}
