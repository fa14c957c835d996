import BillLayout
import BillModel
import BillQR
import BillSupport

/// Options for the plain-text output.
public struct TextRenderOptions: Sendable, Equatable {
    /// Draw QR codes with Unicode half blocks (when they fit the columns); else `[QR: url]`.
    public var unicodeQR: Bool

    public init(unicodeQR: Bool = true) { self.unicodeQR = unicodeQR }
}

/// Renders a layout as UTF-8 text at the layout's columns: what the paper says, for terminals,
/// logs and tests. Sizes and bold are not shown; wraps are those of the paper, and each line is
/// placed by the width it shows.
public struct TextRenderer {
    public var options: TextRenderOptions

    public init(options: TextRenderOptions = TextRenderOptions()) { self.options = options }

    /// Renders `layout` with `options`.
    public static func render(_ layout: Layout, options: TextRenderOptions = TextRenderOptions()) -> String {
        TextRenderer(options: options).render(layout)
    }

    /// Renders `layout` with `options` as UTF-8 bytes, for a caller that writes bytes: it skips
    /// making (and validating) a `String` of the whole text.
    public static func renderUTF8(_ layout: Layout, options: TextRenderOptions = TextRenderOptions()) -> [UInt8] {
        TextRenderer(options: options).renderBytes(layout)
    }

    /// Renders `layout` as text lines, each no wider than the columns, ending in a newline.
    public func render(_ layout: Layout) -> String {
        String(decoding: renderBytes(layout), as: UTF8.self)
    }

    /// The text as UTF-8 bytes (built as bytes: appending to a `String` piece by piece costs
    /// several times more).
    public func renderBytes(_ layout: Layout) -> [UInt8] {
        let columns = layout.grid.columns
        var out: [UInt8] = []
        out.reserveCapacity(layout.blocks.count * (columns + 1))
        for block in layout.blocks {
            switch block {
            case .text(let line):
                // Text cannot show double width, so a magnified line is placed by the width it shows.
                Self.append(UInt8(ascii: " "), count: line.startColumn(columns: columns, widthScale: 1), to: &out)
                Self.appendUTF8(of: line.text, to: &out)
                out.append(0x0A)
            case .rule(let kind):
                Self.append(kind.asciiByte, count: columns, to: &out)
                out.append(0x0A)
            case .image(let image):
                let label = image.role == .logo ? "[logo]" : "[image]"
                let line = TextLine(text: label, alignment: image.alignment, cells: label.utf8.count)
                Self.append(UInt8(ascii: " "), count: line.startColumn(columns: columns), to: &out)
                Self.appendUTF8(of: label, to: &out)
                out.append(0x0A)
            case .qrCode(let qr):
                appendQR(qr, columns: columns, to: &out)
            case .feed(let n):
                Self.append(0x0A, count: n, to: &out)
            case .cut:
                break
            }
        }
        return out
    }

    /// A QR code drawn as text: its payload, level and the columns it is centred in.
    struct QRKey: Hashable, Sendable {
        var payload: String
        var level: QRErrorCorrection
        var columns: Int
    }

    /// Recent QR codes drawn as text (a restaurant prints the same URL on every bill), at most
    /// 16 of them and 1 MB.
    static let qrCache = BoundedCache<QRKey, [UInt8]>(capacity: 16, maxTotalCost: 1 << 20)

    /// Drops the QR codes drawn as text (a host freeing memory).
    package static func purgeCaches() {
        qrCache.removeAll()
    }

    /// `count` copies of `byte` (none for a negative count), written with one fill and one copy:
    /// appending a repeated element goes a byte at a time.
    private static func append(_ byte: UInt8, count: Int, to out: inout [UInt8]) {
        guard count > 0 else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { run in
            run.initialize(repeating: byte)
            out.append(contentsOf: run)
        }
    }

    /// The UTF-8 of `text`, copied at once (appending a `String`'s UTF-8 view goes piece by piece).
    private static func appendUTF8(of text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// The QR as rows of `█ ▀ ▄` (two module rows a text row, quiet zone of 2, or 1 where 2 does
    /// not fit), centred; `[QR code]` where it does not fit at all.
    func appendQR(_ qr: QRBlock, columns: Int, to bytes: inout [UInt8]) {
        guard options.unicodeQR else {
            bytes.append(contentsOf: (centred("[QR code]", columns: columns) + "\n").utf8)
            return
        }
        let key = QRKey(payload: qr.payload, level: qr.errorCorrection, columns: columns)
        if let drawn = Self.qrCache.value(for: key) {
            bytes.append(contentsOf: drawn)
            return
        }
        var drawn: [UInt8] = []
        drawQR(qr, columns: columns, to: &drawn)
        Self.qrCache.insert(drawn, for: key, cost: drawn.count + qr.payload.utf8.count)
        bytes.append(contentsOf: drawn)
    }

    /// `appendQR` without the cache.
    func drawQR(_ qr: QRBlock, columns: Int, to bytes: inout [UInt8]) {
        let fallback = "[QR code]"
        guard let matrix = try? QREncoder.encode(qr.payload, errorCorrection: qr.errorCorrection) else {
            bytes.append(contentsOf: (centred(fallback, columns: columns) + "\n").utf8)
            return
        }
        let quiet = matrix.size + 4 <= columns ? 2 : 1
        let size = matrix.size + 2 * quiet
        guard size <= columns else {
            bytes.append(contentsOf: (centred(fallback, columns: columns) + "\n").utf8)
            return
        }
        let pad = (columns - size) / 2
        // Rows are built as UTF-8 bytes: a character at a time through String is ten times slower.
        let full: [UInt8] = [0xE2, 0x96, 0x88]
        let upper: [UInt8] = [0xE2, 0x96, 0x80]
        let lower: [UInt8] = [0xE2, 0x96, 0x84]
        bytes.reserveCapacity(bytes.count + (size / 2 + 1) * (pad + size * 3 + 1))
        var y = 0
        while y < size {
            var lastInk = bytes.count  // a row with no ink keeps no spaces
            bytes.append(contentsOf: repeatElement(0x20, count: pad))
            for x in 0..<size {
                let top = matrix[x - quiet, y - quiet]
                let bottom = y + 1 < size ? matrix[x - quiet, y + 1 - quiet] : false
                switch (top, bottom) {
                case (true, true): bytes.append(contentsOf: full)
                case (true, false): bytes.append(contentsOf: upper)
                case (false, true): bytes.append(contentsOf: lower)
                case (false, false): bytes.append(0x20)
                }
                if top || bottom { lastInk = bytes.count }
            }
            bytes.removeSubrange(lastInk...)
            bytes.append(0x0A)
            y += 2
        }
    }

    func centred(_ s: String, columns: Int) -> String {
        String(repeating: " ", count: max(0, (columns - DisplayWidth.of(s)) / 2)) + s
    }
}
