import CZlib

/// Checks an `<image>`'s `data:` URI before anything decodes it: the bytes' real format (from
/// their magic, not the declared type) and the pixel size from the format's header. PNG, JPEG,
/// GIF (every frame) and WebP are read from their headers; a nested SVG (plain or gzip-compressed,
/// as SVGZ) is sanitised like the outer document and must give its size. Anything else, or a
/// picture over ``SVGLimits/maxEmbeddedPixels``, is refused.
enum EmbeddedImage {
    /// The format found in the bytes.
    enum Format: Equatable {
        case png, jpeg, gif, webp, svg

        var mediaType: String {
            switch self {
            case .png: "image/png"
            case .jpeg: "image/jpeg"
            case .gif: "image/gif"
            case .webp: "image/webp"
            case .svg: "image/svg+xml"
            }
        }
    }

    /// A `data:` URI to write in place of `uri` (the same raster, or the nested SVG sanitised) and
    /// what sanitising a nested SVG changed; throws `.svgRefused` saying why it is left out.
    static func vet(_ uri: String, limits: SVGLimits, nested: Bool) throws(RasterError) -> (String, [String]) {
        var changes: [String] = []
        var bytes = try decode(uri, limit: limits.maxBytes)
        if bytes.starts(with: [0x1F, 0x8B]) {
            bytes = try gunzip(bytes, limit: limits.maxBytes)
            guard looksLikeXML(bytes) else { throw .svgRefused("compressed data that is not SVG") }
        }
        let format: Format
        let pixels: Int
        if looksLikeXML(bytes) {
            guard !nested else { throw .svgRefused("SVG nested more than one level deep") }
            let inner = try SVGSanitizer.sanitize(bytes, limits: limits, nested: true)
            bytes = Array(inner.text.utf8)
            changes = inner.changes
            (format, pixels) = (.svg, try svgPixels(inner.text, limits: limits))
        } else {
            (format, pixels) = try rasterPixels(bytes)
        }
        guard pixels <= limits.maxEmbeddedPixels else {
            throw .svgRefused("\(pixels) pixels, more than the limit of \(limits.maxEmbeddedPixels)")
        }
        return ("data:" + format.mediaType + ";base64," + Base64.encode(bytes), changes)
    }

    /// The bytes of a `data:` URI (base64 or percent-encoded), at most `limit` of them.
    static func decode(_ uri: String, limit: Int) throws(RasterError) -> [UInt8] {
        let utf8 = Array(uri.utf8)
        guard let comma = utf8.firstIndex(of: UInt8(ascii: ",")) else { throw .svgRefused("a malformed data: URI") }
        let header = String(decoding: utf8[5..<comma], as: UTF8.self).lowercased()
        let payload = utf8[(comma + 1)...]
        if header.hasSuffix(";base64") {
            guard let bytes = Base64.decode(payload), bytes.count <= limit else {
                throw .svgRefused("a malformed or oversized base64 data: URI")
            }
            return bytes
        }
        var bytes: [UInt8] = []
        var index = payload.startIndex
        while index < payload.endIndex {
            if payload[index] == UInt8(ascii: "%"), index + 2 < payload.endIndex,
                let value = UInt8(String(decoding: payload[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(payload[index])
                index += 1
            }
        }
        return bytes
    }

    static func looksLikeXML(_ bytes: [UInt8]) -> Bool {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, XMLReader.isSpace(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: "<")
    }

    /// Width × height from a raster's header (× frames for GIF).
    static func rasterPixels(_ bytes: [UInt8]) throws(RasterError) -> (Format, Int) {
        func be32(_ at: Int) -> Int {
            Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
        }
        func le16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func le24(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            guard bytes.count >= 24, bytes[12..<16].elementsEqual("IHDR".utf8) else {
                throw .svgRefused("a PNG without a header")
            }
            return (.png, try area(be32(16), be32(20)))
        }
        if bytes.starts(with: [0xFF, 0xD8]) {
            // Segments up to the first start of frame (SOF0…SOF15 but DHT, JPG and DAC).
            var index = 2
            while index + 9 < bytes.count {
                guard bytes[index] == 0xFF else { throw .svgRefused("a malformed JPEG") }
                let marker = bytes[index + 1]
                if marker == 0xFF {
                    index += 1
                    continue
                }
                if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                    let height = Int(bytes[index + 5]) << 8 | Int(bytes[index + 6])
                    let width = Int(bytes[index + 7]) << 8 | Int(bytes[index + 8])
                    return (.jpeg, try area(width, height))
                }
                if marker == 0xD8 || (0xD0...0xD7).contains(marker) || marker == 0x01 {
                    index += 2
                    continue
                }
                guard marker != 0xDA, marker != 0xD9 else { break }
                index += 2 + (Int(bytes[index + 2]) << 8 | Int(bytes[index + 3]))
            }
            throw .svgRefused("a JPEG without a frame header")
        }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) {
            guard bytes.count >= 13 else { throw .svgRefused("a GIF without a header") }
            let screen = try area(le16(6), le16(8))
            // Every frame is decoded and kept: count them all, each at the size it is composited to.
            var index = 13
            if bytes[10] & 0x80 != 0 { index += 3 << (Int(bytes[10] & 7) + 1) }
            var total = 0
            var frames = 0
            while index < bytes.count {
                switch bytes[index] {
                case 0x21:
                    index += 2
                    try skipSubBlocks(bytes, &index)
                case 0x2C:
                    guard index + 10 <= bytes.count else { throw .svgRefused("a truncated GIF") }
                    let right = le16(index + 1) + le16(index + 5)
                    let bottom = le16(index + 3) + le16(index + 7)
                    let flags = bytes[index + 9]
                    index += 10
                    if flags & 0x80 != 0 { index += 3 << (Int(flags & 7) + 1) }
                    index += 1
                    try skipSubBlocks(bytes, &index)
                    frames += 1
                    total += max(screen, try area(max(right, 1), max(bottom, 1)))
                    guard frames <= 1024 else { throw .svgRefused("a GIF with more than 1,024 frames") }
                case 0x3B:
                    index = bytes.count
                default:
                    throw .svgRefused("a malformed GIF")
                }
            }
            return (.gif, max(total, screen))
        }
        if bytes.count >= 30, bytes.starts(with: Array("RIFF".utf8)), bytes[8..<12].elementsEqual("WEBP".utf8) {
            let chunk = String(decoding: bytes[12..<16], as: UTF8.self)
            switch chunk {
            case "VP8 ": return (.webp, try area(le16(26) & 0x3FFF, le16(28) & 0x3FFF))
            case "VP8L":
                let bits = Int(bytes[21]) | Int(bytes[22]) << 8 | Int(bytes[23]) << 16 | Int(bytes[24]) << 24
                return (.webp, try area((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
            case "VP8X": return (.webp, try area(le24(24) + 1, le24(27) + 1))
            default: throw .svgRefused("a WebP of an unknown kind")
            }
        }
        throw .svgRefused("an image that is not PNG, JPEG, GIF, WebP or SVG")
    }

    private static func skipSubBlocks(_ bytes: [UInt8], _ index: inout Int) throws(RasterError) {
        while index < bytes.count {
            let length = Int(bytes[index])
            index += 1 + length
            if length == 0 { return }
        }
        throw .svgRefused("a truncated GIF")
    }

    private static func area(_ width: Int, _ height: Int) throws(RasterError) -> Int {
        guard width > 0, height > 0 else { throw .svgRefused("an image of \(width)×\(height) pixels") }
        return width * height
    }

    /// A nested SVG's size in pixels, from its root's `width` and `height` (or its viewBox), as
    /// the image loader will rasterise it.
    static func svgPixels(_ svg: String, limits: SVGLimits) throws(RasterError) -> Int {
        guard let reader = try? XMLReader.read(Array(svg.utf8), maxElements: limits.maxElements, maxDepth: 4),
            let root = reader.elements.first
        else { throw .svgRefused("a nested SVG that cannot be read") }
        func value(_ name: String) -> String? { root.attributes.first { $0.name == name }?.value }
        func length(_ name: String) -> Double? {
            guard let text = value(name), let number = svgLength(text) else { return nil }
            return number
        }
        var width = length("width")
        var height = length("height")
        if width == nil || height == nil, let box = value("viewBox") {
            let numbers = box.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            if numbers.count == 4 {
                width = width ?? numbers[2]
                height = height ?? numbers[3]
            }
        }
        guard let width, let height, width.isFinite, height.isFinite, width >= 0.5, height >= 0.5,
            width * height <= Double(Int.max / 2)
        else { throw .svgRefused("a nested SVG without a usable size") }
        return Int(width.rounded(.up)) * Int(height.rounded(.up))
    }

    /// An absolute SVG length in CSS pixels.
    static func svgLength(_ text: String) -> Double? {
        let units: [String: Double] = [
            "": 1, "px": 1, "pt": 4.0 / 3, "pc": 16, "mm": 96 / 25.4, "cm": 96 / 2.54,
            "in": 96,
        ]
        let bytes = Array(text.utf8)
        guard let end = numberEnd(bytes), let number = Double(String(decoding: bytes[..<end], as: UTF8.self)),
            let factor = units[String(decoding: bytes[end...], as: UTF8.self)]
        else { return nil }
        return number * factor
    }

    private static func numberEnd(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count,
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) || bytes[index] == UInt8(ascii: ".")
                || bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "+")
                || bytes[index] == UInt8(ascii: "-")
        {
            index += 1
        }
        return index > 0 ? index : nil
    }

    /// A gzip stream inflated, refused when it would exceed `limit` bytes.
    static func gunzip(_ bytes: [UInt8], limit: Int) throws(RasterError) -> [UInt8] {
        var stream = z_stream()
        guard czlib_inflate_init_gzip(&stream) == Z_OK else { throw .svgRefused("cannot read compressed data") }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var input = bytes
        let status: Int32 = input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            while true {
                let result: Int32 = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                guard out.count + produced <= limit else { return Z_BUF_ERROR }
                out.append(contentsOf: chunk[..<produced])
                if result == Z_STREAM_END { return Z_STREAM_END }
                guard result == Z_OK else { return result }
            }
        }
        guard status == Z_STREAM_END else {
            throw .svgRefused("compressed data that is malformed or inflates past \(limit) bytes")
        }
        return out
    }
}

/// Standard base64 (RFC 4648), tolerant of white space when decoding.
enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 2 < bytes.count {
            let value = Int(bytes[index]) << 16 | Int(bytes[index + 1]) << 8 | Int(bytes[index + 2])
            out += [
                alphabet[value >> 18], alphabet[(value >> 12) & 63], alphabet[(value >> 6) & 63], alphabet[value & 63],
            ]
            index += 3
        }
        let rest = bytes.count - index
        if rest > 0 {
            let value = Int(bytes[index]) << 16 | (rest > 1 ? Int(bytes[index + 1]) << 8 : 0)
            out += [alphabet[value >> 18], alphabet[(value >> 12) & 63]]
            out += rest > 1 ? [alphabet[(value >> 6) & 63]] : [UInt8(ascii: "=")]
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode<Bytes: Collection<UInt8>>(_ text: Bytes) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.count / 4 * 3)
        var value = 0
        var bits = 0
        var ended = false
        for byte in text {
            let digit: Int
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = Int(byte) - 65
            case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = Int(byte) - 71
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte) + 4
            case UInt8(ascii: "+"), UInt8(ascii: "-"): digit = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): digit = 63
            case UInt8(ascii: "="):
                ended = true
                continue
            case 0x20, 0x09, 0x0A, 0x0D: continue
            default: return nil
            }
            guard !ended else { return nil }
            value = (value << 6 | digit) & 0xFFFFFF
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((value >> bits) & 0xFF))
            }
        }
        return out
    }
}
