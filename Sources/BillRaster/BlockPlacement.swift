import BillLayout
import BillModel
import BillQR
import BillSupport

/// Where and how big each block of a layout is drawn: the one set of placement rules behind the
/// raster painter (PNG, ESC/POS bands, bitmaps) and the vector painter (PDF, SVG), so the paper and
/// the digital bill show the same lines, pictures and QR codes in the same places.
///
/// Sizes are in output pixels: printer dots times `dotScale`.
struct BlockPlacement {
    let grid: LayoutGrid
    let options: RasterOptions
    /// Output pixels per printer dot.
    let dotScale: Int
    /// The output width in pixels.
    let width: Int

    init(grid: LayoutGrid, options: RasterOptions, dotScale: Int) throws(RasterError) {
        try options.validate()
        guard grid.dotsWidth > 0, grid.dotsWidth <= 4096, grid.cellWidth > 0, grid.cellWidth <= 255,
            grid.cellHeight > 0, grid.cellHeight <= 255, grid.columns > 0, grid.columns <= 1024
        else {
            throw .invalidOptions(
                "grid \(grid.columns) columns, \(grid.dotsWidth) dots, \(grid.cellWidth)×\(grid.cellHeight) cells")
        }
        self.grid = grid
        self.options = options
        self.dotScale = dotScale
        self.width = grid.dotsWidth * dotScale
    }

    /// The height of a feed of `lines` blank lines, in pixels (at most the tallest bill).
    func feedHeight(_ lines: Int) -> Int {
        max(0, min(lines, options.maxHeight)) * grid.cellHeight * dotScale
    }

    /// The text line a rule is printed as: `-` or `=` across every column.
    func ruleLine(_ kind: RuleKind) -> TextLine {
        TextLine(text: String(repeating: kind.character, count: grid.columns), cells: grid.columns)
    }

    /// The box a picture is fitted into, in pixels.
    func pictureBox(_ role: ImageRole) -> (width: Int, height: Int) {
        switch role {
        case .logo:
            (grid.dotsWidth * options.logoMaxWidthPercent / 100 * dotScale, options.logoMaxHeight * dotScale)
        case .image:
            (width, options.imageMaxHeight * dotScale)
        }
    }

    /// Sanitises a picture and draws it in isolation (the `billrender-svg` helper) within what is
    /// left of the render's picture time, fitted into its role's box; or adds to `diagnostics` why
    /// it is left out. A picture drawn without parts the sanitiser took out adds a warning too.
    /// The result's `vetted` document is what a vector back end may draw in process.
    func picture(_ image: ImageBlock, timeLeft: inout Duration, diagnostics: inout [Diagnostic])
        -> PictureDrawing.Drawn?
    {
        let drawn: PictureDrawing.Drawn
        do {
            drawn = try PictureDrawing.draw(
                image.svg, box: pictureBox(image.role), growToFit: image.role == .logo, limits: options.svgLimits,
                timeLeft: &timeLeft)
        } catch {
            diagnostics.append(Self.pictureDiagnostic(error, at: image.sourcePath))
            return nil
        }
        let changes = drawn.vetted.svg.changes
        if !changes.isEmpty { diagnostics.append(Self.changesDiagnostic(changes, at: image.sourcePath)) }
        return drawn
    }

    /// A picture for vector output: sanitised and drawn once in isolation (as ``picture(_:timeLeft:diagnostics:)``),
    /// then kept, so a restaurant's logo does not start the helper process for every PDF. The
    /// outcome for the same SVG, box and limits is the same, as for the raster ``PictureCache``.
    func vettedPicture(_ image: ImageBlock, timeLeft: inout Duration, diagnostics: inout [Diagnostic]) -> VettedSVG? {
        let box = pictureBox(image.role)
        let key = VettedKey(
            svg: image.svg, boxWidth: box.width, boxHeight: box.height, growToFit: image.role == .logo,
            limits: options.svgLimits)
        if let vetted = Self.vetted.value(for: key) {
            let changes = vetted.svg.changes
            if !changes.isEmpty { diagnostics.append(Self.changesDiagnostic(changes, at: image.sourcePath)) }
            return vetted
        }
        guard let drawn = picture(image, timeLeft: &timeLeft, diagnostics: &diagnostics) else { return nil }
        Self.vetted.insert(drawn.vetted, for: key, cost: drawn.vetted.svg.text.utf8.count)
        return drawn.vetted
    }

    struct VettedKey: Hashable, Sendable {
        var svg: String
        var boxWidth: Int
        var boxHeight: Int
        var growToFit: Bool
        var limits: SVGLimits
    }

    /// Pictures vector output has vetted: 16 documents, 8 MiB of sanitised SVG.
    static let vetted = BoundedCache<VettedKey, VettedSVG>(capacity: 16, maxTotalCost: 8 << 20)

    /// The warning for a picture left out: its JSON path and why.
    static func pictureDiagnostic(_ error: RasterError, at path: String) -> Diagnostic {
        let code: DiagnosticCode =
            switch error {
            case .svgEmpty: .emptySVG
            case .svgTooLarge, .svgRefused, .pictureBudget: .limitExceeded
            default: .invalidSVG
            }
        return Diagnostic(.warning, code, at: path, "\(error); the picture is left out")
    }

    /// The warning for a picture drawn without parts the sanitiser removed or changed.
    static func changesDiagnostic(_ changes: [String], at path: String) -> Diagnostic {
        Diagnostic(
            .warning, .invalidSVG, at: path,
            "the picture is drawn without what billrender does not draw: " + changes.joined(separator: ", "))
    }

    /// A QR code ready to draw: its modules, the module size and the symbol's side (quiet zone
    /// included) in pixels, and its left edge.
    struct PlacedQR {
        let matrix: QRMatrix
        let moduleSize: Int
        let quietZone: Int
        let side: Int
        let left: Int
    }

    /// Encodes a QR block and sizes it to the paper, or adds to `diagnostics` why it is left out.
    func qrCode(_ qr: QRBlock, diagnostics: inout [Diagnostic]) -> PlacedQR? {
        let matrix: QRMatrix
        do {
            matrix = try QREncoder.encode(qr.payload, errorCorrection: qr.errorCorrection)
        } catch {
            let (code, message): (DiagnosticCode, String) =
                switch error {
                case .tooLong(let bytes): (.qrTooLong, "the URL has \(bytes) bytes, too long for a QR code")
                case .empty: (.missingLinePayload, "the QR code has an empty URL")
                case .encoderFailed(let errno): (.limitExceeded, "libqrencode failed (errno \(errno))")
                }
            diagnostics.append(Diagnostic(.warning, code, at: qr.sourcePath, "\(message); the QR code is left out"))
            return nil
        }
        let zone = min(max(0, options.qrQuietZone), QRRaster.maxQuietZone)
        let module = min(
            QRRaster.moduleSize(
                preferred: min(max(1, qr.moduleSize), QRRaster.maxModuleSize) * dotScale, symbolSize: matrix.size,
                quietZone: zone, width: width), QRRaster.maxModuleSize)
        let side = (matrix.size + 2 * zone) * module
        guard side <= width else {
            diagnostics.append(
                Diagnostic(
                    .warning, .limitExceeded, at: qr.sourcePath,
                    "a \(matrix.size)-module QR code does not fit \(grid.dotsWidth) dots; it is left out"))
            return nil
        }
        return PlacedQR(
            matrix: matrix, moduleSize: module, quietZone: zone, side: side,
            left: Self.offset(of: side, in: width, alignment: qr.alignment))
    }

    /// Where a block `used` pixels wide starts in `width`, as a printer aligns it.
    static func offset(of used: Int, in width: Int, alignment: Alignment) -> Int {
        switch alignment {
        case .left: 0
        case .center: max(0, (width - used) / 2)
        case .right: max(0, width - used)
        }
    }
}
