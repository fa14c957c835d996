import CZlib
import Foundation

/// A small PNG codec for tests: decodes non-interlaced grayscale PNGs (bit depth 1 or 8, any row
/// filter) and encodes 8-bit grayscale, so tests compare decoded pixels rather than PNG bytes.
public enum PixelPNG {
    /// Why a PNG could not be decoded.
    public enum DecodingError: Error, Equatable {
        case notPNG
        case unsupported(String)
        case corrupt(String)
    }

    /// The chunks of a PNG file as (type, data).
    public static func chunks(_ bytes: [UInt8]) throws -> [(type: String, data: [UInt8])] {
        guard bytes.count >= 8, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else {
            throw DecodingError.notPNG
        }
        var result: [(String, [UInt8])] = []
        var at = 8
        while at + 12 <= bytes.count {
            let length = Int(readUInt32(bytes, at))
            guard at + 12 + length <= bytes.count else { throw DecodingError.corrupt("chunk runs past the end") }
            let type = String(decoding: bytes[(at + 4)..<(at + 8)], as: UTF8.self)
            let data = Array(bytes[(at + 8)..<(at + 8 + length)])
            let crc = bytes[(at + 4)..<(at + 8 + length)].withUnsafeBufferPointer {
                UInt32(crc32(0, $0.baseAddress, uInt($0.count)))
            }
            guard crc == readUInt32(bytes, at + 8 + length) else { throw DecodingError.corrupt("bad CRC in \(type)") }
            result.append((type, data))
            at += 12 + length
        }
        return result
    }

    /// Decodes a grayscale PNG.
    public static func decode(_ bytes: [UInt8]) throws -> PixelImage {
        let chunks = try chunks(bytes)
        guard let header = chunks.first, header.type == "IHDR", header.data.count == 13 else {
            throw DecodingError.corrupt("no IHDR")
        }
        let width = Int(readUInt32(header.data, 0))
        let height = Int(readUInt32(header.data, 4))
        let depth = Int(header.data[8])
        guard header.data[9] == 0 else { throw DecodingError.unsupported("colour type \(header.data[9])") }
        guard depth == 1 || depth == 8 else { throw DecodingError.unsupported("bit depth \(depth)") }
        guard header.data[12] == 0 else { throw DecodingError.unsupported("interlaced") }
        guard chunks.last?.type == "IEND" else { throw DecodingError.corrupt("no IEND") }
        let compressed = chunks.filter { $0.type == "IDAT" }.flatMap(\.data)
        let stride = depth == 1 ? (width + 7) / 8 : width
        let raw = try inflate(compressed, expected: (stride + 1) * height)
        guard raw.count == (stride + 1) * height else { throw DecodingError.corrupt("\(raw.count) bytes of rows") }
        var previous = [UInt8](repeating: 0, count: stride)
        var gray = [UInt8]()
        gray.reserveCapacity(width * height)
        for y in 0..<height {
            let filter = raw[y * (stride + 1)]
            var row = Array(raw[(y * (stride + 1) + 1)..<((y + 1) * (stride + 1))])
            try unfilter(&row, previous: previous, filter: filter)
            if depth == 8 {
                gray += row
            } else {
                for x in 0..<width { gray.append(row[x >> 3] & (0x80 >> UInt8(x & 7)) != 0 ? 255 : 0) }
            }
            previous = row
        }
        return PixelImage(width: width, height: height, gray: gray)
    }

    /// Encodes `image` as an 8-bit grayscale PNG.
    public static func encode(_ image: PixelImage) -> [UInt8] {
        var raw = [UInt8]()
        for y in 0..<image.height {
            raw.append(0)
            raw += image.gray[(y * image.width)..<((y + 1) * image.width)]
        }
        var length = compressBound(uLong(raw.count))
        var compressed = [UInt8](repeating: 0, count: Int(length))
        _ = compress2(&compressed, &length, raw, uLong(raw.count), 6)
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        func chunk(_ type: String, _ data: [UInt8]) {
            png += bigEndian(UInt32(data.count))
            let body = Array(type.utf8) + data
            png += body
            png += bigEndian(UInt32(crc32(0, body, uInt(body.count))))
        }
        chunk("IHDR", bigEndian(UInt32(image.width)) + bigEndian(UInt32(image.height)) + [8, 0, 0, 0, 0])
        chunk("IDAT", Array(compressed[0..<Int(length)]))
        chunk("IEND", [])
        return png
    }

    private static func unfilter(_ row: inout [UInt8], previous: [UInt8], filter: UInt8) throws {
        let bpp = 1
        for i in 0..<row.count {
            let a = i >= bpp ? Int(row[i - bpp]) : 0
            let b = Int(previous[i])
            let c = i >= bpp ? Int(previous[i - bpp]) : 0
            let predictor: Int
            switch filter {
            case 0: predictor = 0
            case 1: predictor = a
            case 2: predictor = b
            case 3: predictor = (a + b) / 2
            case 4:
                let p = a + b - c
                let pa = abs(p - a)
                let pb = abs(p - b)
                let pc = abs(p - c)
                predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
            default: throw DecodingError.corrupt("filter \(filter)")
            }
            row[i] = UInt8((Int(row[i]) + predictor) & 0xFF)
        }
    }

    private static func inflate(_ data: [UInt8], expected: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard czlib_inflate_init(&stream) == Z_OK else { throw DecodingError.corrupt("inflateInit") }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: max(1, expected))
        let status: Int32 = data.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw DecodingError.corrupt("inflate status \(status)") }
        return Array(output[0..<Int(stream.total_out)])
    }

    private static func readUInt32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
