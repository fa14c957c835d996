import BillLayout
import BillSupport

/// A picture drawn in gray, fitted to its box: `width × height` bytes, row by row, composited on
/// white (0 = black, 255 = white).
package struct GrayPicture: Sendable {
    package let width: Int
    package let height: Int
    package let luma: [UInt8]
}

/// An SVG that passed the sanitiser and then drew within its budget in the helper process, with
/// the size it was fitted to. Only ``PictureDrawing/draw(_:box:growToFit:limits:timeLeft:)`` makes
/// one, so a vector back end (PDF, SVG output) that draws a `VettedSVG` in process with librsvg
/// draws only documents that librsvg has already drawn, in isolation, at this size without
/// failing or overrunning.
package struct VettedSVG: Sendable {
    /// The sanitised document to draw.
    package let svg: SanitizedSVG
    /// The raster size it was drawn at, and the exact size its document was scaled to.
    package let width: Int
    package let height: Int
    package let exactWidth: Double
    package let exactHeight: Double
}

/// Draws untrusted SVG: sanitise, then draw with librsvg in the `billrender-svg` helper (or in
/// process when ``SVGLimits/sandbox`` says so), within the time left in the render's budget.
package enum PictureDrawing {
    /// The outcome of drawing one picture.
    package struct Drawn: Sendable {
        package let gray: GrayPicture
        package let vetted: VettedSVG
    }

    /// Failures already met, so that a hostile picture costs the process once, not every bill.
    struct FailureKey: Hashable, Sendable {
        var svg: String
        var boxWidth: Int
        var boxHeight: Int
        var growToFit: Bool
        var limits: SVGLimits
    }

    static let failures = BoundedCache<FailureKey, RasterError>(capacity: 64, maxTotalCost: 4 << 20)

    /// `svg` sanitised and drawn into a `boxWidth × boxHeight` box (see ``SVGRasterizer`` for
    /// `growToFit`). `timeLeft` is what remains of the render's picture budget; it is reduced by
    /// the time spent. Throws the sanitiser's refusals, `.pictureBudget` on an overrun and
    /// `.pictureHelper` when the helper is missing or fails.
    package static func draw(
        _ svg: String, box: (width: Int, height: Int), growToFit: Bool, limits: SVGLimits,
        timeLeft: inout Duration
    ) throws(RasterError) -> Drawn {
        let key = FailureKey(svg: svg, boxWidth: box.width, boxHeight: box.height, growToFit: growToFit, limits: limits)
        if let failure = failures.value(for: key) { throw failure }
        let hadFullBudget = timeLeft >= .milliseconds(limits.timeBudgetMilliseconds)
        do {
            return try drawUncached(svg, box: box, growToFit: growToFit, limits: limits, timeLeft: &timeLeft)
        } catch {
            // Kept: what fails on its own. Not kept: a missing helper (it may be installed), and an
            // overrun that had less than the whole budget (it may draw in a render of its own).
            let missingHelper: Bool
            if case .pictureHelper(let message) = error {
                missingHelper = message.hasPrefix(PictureHelper.notFound)
            } else {
                missingHelper = false
            }
            var partialBudget = false
            if case .pictureBudget = error { partialBudget = !hadFullBudget }
            if !missingHelper, !partialBudget { failures.insert(error, for: key, cost: svg.utf8.count) }
            throw error
        }
    }

    private static func drawUncached(
        _ svg: String, box: (width: Int, height: Int), growToFit: Bool, limits: SVGLimits,
        timeLeft: inout Duration
    ) throws(RasterError) -> Drawn {
        try limits.validate()
        let sanitized = try SVGSanitizer.sanitize(svg, limits: limits)
        let request = PictureRequest(
            boxWidth: box.width, boxHeight: box.height, growToFit: growToFit, svg: sanitized.text)
        switch limits.sandbox {
        case .inProcess:
            let result = try request.draw()
            return Drawn(gray: result.gray, vetted: VettedSVG(sanitized, result.size))
        case .helper(let path):
            guard timeLeft > .zero else {
                throw .pictureBudget("the render's \(limits.timeBudgetMilliseconds) ms for pictures is spent")
            }
            guard let helper = PictureHelper.locate(path) else {
                throw .pictureHelper(
                    PictureHelper.notFound
                        + " (set BILLRENDER_SVG_HELPER or SVGLimits.sandbox, or put billrender-svg beside the program)")
            }
            let clock = ContinuousClock()
            let start = clock.now
            defer { timeLeft -= clock.now - start }
            let answer = try PictureHelper.run(
                helper, request: request.encoded(), timeLimit: timeLeft, memoryBytes: limits.memoryBudgetBytes,
                maxAnswerBytes: 64 + box.width * box.height)
            let result = try PictureRequest.decodeAnswer(answer, box: box)
            return Drawn(gray: result.gray, vetted: VettedSVG(sanitized, result.size))
        }
    }
}

extension VettedSVG {
    init(_ svg: SanitizedSVG, _ size: PictureSize) {
        self.init(
            svg: svg, width: size.width, height: size.height, exactWidth: size.exactWidth,
            exactHeight: size.exactHeight)
    }
}

/// What the host asks the helper: draw this sanitised SVG into this box. On the wire: one line
/// `billrender-svg 1 WIDTH HEIGHT GROW\n` and the SVG's bytes; the answer is
/// `ok WIDTH HEIGHT EXACTWIDTH EXACTHEIGHT\n` and `WIDTH × HEIGHT` gray bytes, or `error MESSAGE\n`.
package struct PictureRequest {
    package var boxWidth: Int
    package var boxHeight: Int
    package var growToFit: Bool
    package var svg: String

    static let magic = "billrender-svg 1"

    func encoded() -> [UInt8] {
        Array("\(Self.magic) \(boxWidth) \(boxHeight) \(growToFit ? 1 : 0)\n".utf8) + Array(svg.utf8)
    }

    /// Reads a request; nil when it is malformed.
    package static func decode(_ bytes: [UInt8]) -> PictureRequest? {
        guard let newline = bytes.prefix(128).firstIndex(of: 0x0A) else { return nil }
        let fields = String(decoding: bytes[..<newline], as: UTF8.self).split(separator: " ")
        guard fields.count == 5, fields[0] + " " + fields[1] == magic, let width = Int(fields[2]),
            let height = Int(fields[3]), (1...SVGRasterizer.maxBoxSide).contains(width),
            (1...SVGRasterizer.maxBoxSide).contains(height)
        else { return nil }
        return PictureRequest(
            boxWidth: width, boxHeight: height, growToFit: fields[4] == "1",
            svg: String(decoding: bytes[(newline + 1)...], as: UTF8.self))
    }

    /// Draws the request here, with librsvg (in the helper, or in process when asked).
    package func draw() throws(RasterError) -> (gray: GrayPicture, size: PictureSize) {
        let document = try SVGDocument(svg: svg)
        let size = SVGRasterizer.fit(document, maxWidth: boxWidth, maxHeight: boxHeight, growToFit: growToFit)
        var luma: [UInt8] = []
        luma.reserveCapacity(size.width * size.height)
        do {
            try document.render(size, stripRows: CairoImageSurface.stripRows) { strip, _ in
                luma.append(contentsOf: strip)
            }
        } catch let error as RasterError {
            throw error
        } catch {
            throw .svgInvalid("\(error)")
        }
        return (GrayPicture(width: size.width, height: size.height, luma: luma), size)
    }

    /// The helper's answer to a request: the drawing, or the error as text.
    package func answer() -> [UInt8] {
        do {
            let (gray, size) = try draw()
            return Array("ok \(gray.width) \(gray.height) \(size.exactWidth) \(size.exactHeight)\n".utf8) + gray.luma
        } catch .svgEmpty {
            return Array("error empty\n".utf8)
        } catch .svgInvalid(let message) {
            return Array("error invalid \(message.filter { $0 != "\n" })\n".utf8)
        } catch {
            return Array("error invalid \(error.description.filter { $0 != "\n" })\n".utf8)
        }
    }

    /// Reads the helper's answer; throws its error, or `.pictureHelper` for a malformed one.
    static func decodeAnswer(_ bytes: [UInt8], box: (width: Int, height: Int)) throws(RasterError) -> (
        gray: GrayPicture, size: PictureSize
    ) {
        guard let newline = bytes.prefix(4096).firstIndex(of: 0x0A) else {
            throw .pictureHelper("no answer")
        }
        let line = String(decoding: bytes[..<newline], as: UTF8.self)
        if line == "error empty" { throw .svgEmpty }
        if line.hasPrefix("error invalid ") { throw .svgInvalid(String(line.dropFirst(14))) }
        let fields = line.split(separator: " ")
        guard fields.count == 5, fields[0] == "ok", let width = Int(fields[1]), let height = Int(fields[2]),
            let exactWidth = Double(fields[3]), let exactHeight = Double(fields[4]),
            (1...box.width).contains(width), (1...box.height).contains(height),
            bytes.count - newline - 1 == width * height
        else { throw .pictureHelper("a malformed answer") }
        return (
            GrayPicture(width: width, height: height, luma: Array(bytes[(newline + 1)...])),
            PictureSize(width: width, height: height, exactWidth: exactWidth, exactHeight: exactHeight)
        )
    }
}
