import BillModel
import BillProfiles
import BillRender

#if canImport(Glibc)
    import Glibc
#endif

/// Times renders in this process: each bill, each format, `iterations` times; reports medians.
/// JSON decoding is inside every timed render, as it is for the peer.
public enum BillBenchmark {
    /// The formats timed, by the names `bench --json` prints.
    public enum Format: String, Sendable, CaseIterable {
        /// Decoding and checking alone (JSON to a checked bill), the first stage of every format.
        case decode
        /// Plain text.
        case text
        /// ESC/POS in text mode with a native QR code.
        case escpos
        /// ESC/POS in text mode with the logo and the QR code as raster.
        case escposRasterQR = "escpos-raster-qr"
        /// A 1-bit PNG.
        case png
        /// ESC/POS with the whole bill as raster bands.
        case escposRaster = "escpos-raster"
        /// A PDF (vector text, QR code and pictures).
        case pdf
        /// An SVG drawn as the PDF.
        case svg
    }

    /// One bill in one format.
    public struct Measurement: Sendable {
        public var bill: String
        public var format: Format
        /// The median time of one render, in microseconds.
        public var medianMicroseconds: Double
        /// The size of one output.
        public var bytes: Int
        /// Items in the bill (for the per-item cost).
        public var items: Int
    }

    /// The options each format renders with; nil for a format this build cannot make.
    public static func renderer(for format: Format) -> ((_ json: [UInt8]) throws(BillRenderError) -> Int)? {
        let options = RenderOptions()
        switch format {
        case .decode:
            return { json in BillDecoder.decode(bytes: json).bill == nil ? 0 : json.count }
        case .text:
            return { json throws(BillRenderError) in
                try BillRenderer.render(json: json, format: .text, options: options).bytes.count
            }
        case .escpos:
            return { json throws(BillRenderError) in
                try BillRenderer.render(json: json, format: .escpos, options: options).bytes.count
            }
        case .escposRasterQR, .escposRaster:
            var raster = options
            raster.escpos = format == .escposRaster ? ESCPOSOptions(mode: .raster) : ESCPOSOptions(qr: .raster)
            return { json throws(BillRenderError) in
                try BillRenderer.render(json: json, format: .escpos, options: raster).bytes.count
            }
        case .png, .pdf, .svg:
            let output: OutputFormat = format == .png ? .png : format == .pdf ? .pdf : .svg
            return { json throws(BillRenderError) in
                try BillRenderer.render(json: json, format: output, options: options).bytes.count
            }
        }
    }

    /// Runs every format on every bill.
    public static func run(
        bills: [(name: String, json: [UInt8])], formats: [Format] = Format.allCases,
        iterations: Int
    ) -> [Measurement] {
        var out: [Measurement] = []
        for (name, json) in bills {
            let items = BillDecoder.decode(bytes: json).bill?.order.items.count ?? 0
            for format in formats {
                guard let render = renderer(for: format) else { continue }
                // Large bills get fewer iterations, so a run stays short.
                let n = max(3, min(iterations, iterations * 30 / max(30, items)))
                var bytes = 0
                do { bytes = try render(json) } catch { continue }  // warm-up; an invalid bill is skipped
                var samples: [Double] = []
                samples.reserveCapacity(n)
                for _ in 0..<n {
                    let start = now()
                    _ = try? render(json)
                    samples.append(now() - start)
                }
                samples.sort()
                out.append(
                    Measurement(
                        bill: name, format: format, medianMicroseconds: samples[samples.count / 2] * 1e6,
                        bytes: bytes, items: items))
            }
        }
        return out
    }

    /// The process's peak resident set size in kilobytes (`VmHWM`), or nil where unknown.
    public static func peakRSSKilobytes() -> Int? {
        #if canImport(Glibc)
            var usage = rusage()
            guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return nil }
            return Int(usage.ru_maxrss)
        #else
            return nil
        #endif
    }

    static func now() -> Double {
        #if canImport(Glibc)
            var ts = timespec()
            clock_gettime(CLOCK_MONOTONIC, &ts)
            return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
        #else
            return 0
        #endif
    }
}
