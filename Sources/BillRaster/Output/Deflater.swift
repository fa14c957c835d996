import CZlib

/// A zlib deflate stream that hands compressed output to a closure as it is produced.
final class Deflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var output = [UInt8](repeating: 0, count: 1 << 16)
    private var finished = false

    init(level: Int32) throws(RasterError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard czlib_deflate_init(stream, level) == Z_OK else {
            stream.deallocate()
            throw .pngEncoding("deflateInit failed")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// Compresses `input`; `finish` ends the stream. `emit` receives compressed bytes.
    func compress(_ input: [UInt8], finish: Bool, emit: ([UInt8]) -> Void) throws(RasterError) {
        guard !finished else { throw .pngEncoding("write after finish") }
        let status: Int32 = input.withUnsafeBufferPointer { inputBuffer in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: inputBuffer.baseAddress)
            stream.pointee.avail_in = uInt(inputBuffer.count)
            defer {
                stream.pointee.next_in = nil
                stream.pointee.avail_in = 0
            }
            let flush = finish ? Z_FINISH : Z_NO_FLUSH
            var status = Z_OK
            // zlib's documented loop: call deflate until it leaves room in the output buffer.
            repeat {
                let produced = output.withUnsafeMutableBufferPointer { out in
                    stream.pointee.next_out = out.baseAddress
                    stream.pointee.avail_out = uInt(out.count)
                    status = deflate(stream, flush)
                    return out.count - Int(stream.pointee.avail_out)
                }
                if status == Z_STREAM_ERROR { return status }
                if produced > 0 { emit(Array(output[0..<produced])) }
            } while stream.pointee.avail_out == 0
            return status
        }
        if finish {
            guard status == Z_STREAM_END else { throw .pngEncoding("deflate status \(status)") }
            finished = true
        } else {
            guard status == Z_OK || status == Z_BUF_ERROR else { throw .pngEncoding("deflate status \(status)") }
        }
    }
}
