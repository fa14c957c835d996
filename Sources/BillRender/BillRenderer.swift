import BillESCPOS
import BillJSON
import BillLayout
import BillModel
import BillProfiles
import BillQR
import BillRaster
import BillStar
import BillText

/// The outputs billrender makes.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// The text preview.
    case text
    /// ESC/POS bytes.
    case escpos
    /// The ESC/POS stream as a readable listing, one command a line.
    case escposListing = "escpos-listing"
    /// The PNG preview.
    case png
    /// A PDF as wide as the paper: text as text, QR codes and pictures as vectors.
    case pdf
    /// An SVG of the bill, drawn as the PDF.
    case svg
    /// The bytes in the profile's own language (`PrinterProfile.language`).
    case printer
    /// A listing of the bytes in the profile's own language, one command a line.
    case listing
    /// Star Line mode bytes.
    case starline
    /// StarPRNT bytes.
    case starprnt
    /// Star Graphic (raster mode) bytes.
    case stargraphic

    /// The printer language the format names, with `profile` for the formats that take the
    /// profile's; nil for the previews.
    public func language(profile: PrinterProfile) -> PrinterLanguage? {
        switch self {
        case .text, .png, .pdf, .svg: nil
        case .escpos, .escposListing: .escpos
        case .printer, .listing: profile.language
        case .starline: .starline
        case .starprnt: .starprnt
        case .stargraphic: .stargraphic
        }
    }

    /// Whether the output is a listing rather than bytes for the printer.
    public var isListing: Bool { self == .escposListing || self == .listing }
}

/// Everything that steers a render.
public struct RenderOptions: Sendable {
    /// The printer: paper, fonts, code tables, capabilities.
    public var profile: PrinterProfile
    public var layout: LayoutOptions
    public var decoding: DecodingOptions
    public var text: TextRenderOptions
    /// ESC/POS choices: drawer, cut, text or raster mode, native or raster QR.
    public var escpos: ESCPOSOptions
    /// PNG and raster choices: 1-bit or gray, scale, dithering, picture sizes.
    public var raster: RasterOptions
    /// PDF and SVG page and metadata; the page width and resolution come from `profile` unless
    /// set, the title and creation date from the bill's merchant and order unless set.
    public var vector: VectorOptions
    /// Treat warnings as errors: a bill with any diagnostic is refused.
    public var strict: Bool

    public init(
        profile: PrinterProfile = .generic80mm, layout: LayoutOptions = LayoutOptions(),
        decoding: DecodingOptions = DecodingOptions(), text: TextRenderOptions = TextRenderOptions(),
        escpos: ESCPOSOptions = ESCPOSOptions(), raster: RasterOptions = RasterOptions(),
        vector: VectorOptions = VectorOptions(), strict: Bool = false
    ) {
        self.profile = profile
        self.layout = layout
        self.decoding = decoding
        self.text = text
        self.escpos = escpos
        self.raster = raster
        self.vector = vector
        self.strict = strict
    }
}

/// A finished output and the diagnostics met on the way.
public struct RenderedBill: Sendable {
    /// The output: UTF-8 text, ESC/POS bytes or PNG bytes.
    public var bytes: [UInt8]
    /// Every warning from decoding, layout and the back end.
    public var diagnostics: [Diagnostic]
}

/// Why a bill was not rendered.
public enum BillRenderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bill has errors (or, when strict, any diagnostic); all diagnostics are attached.
    case invalidBill([Diagnostic])
    /// The output format cannot be made by this build.
    case formatUnavailable(String)
    /// The bill could not be drawn (raster limits, bad options); the reason is attached.
    case renderFailed(String)
    /// The profile's printer does not take the language asked for (profile, language, the ones it
    /// takes): a usage error.
    case languageUnsupported(profile: String, language: String, languages: [String])

    public var description: String {
        switch self {
        case .invalidBill(let d):
            let errors = d.filter { $0.severity == .error }
            let first = (errors.first ?? d.first).map(\.description) ?? "invalid bill"
            return d.count > 1 ? "\(first) (and \(d.count - 1) more)" : first
        case .formatUnavailable(let f): return "the \(f) output is not available in this build"
        case .languageUnsupported(let profile, let language, let languages):
            return "profile \(profile) does not speak \(language) (it takes \(languages.joined(separator: ", ")))"
        case .renderFailed(let reason): return "the bill could not be drawn: \(reason)"
        }
    }
}

/// The library's front door: decode, check, lay out and render a bill in a few lines.
///
///     let bytes = try BillRenderer.render(json: Array(data), format: .escpos)
///     let text = try BillRenderer.renderText(json: Array(data))
public enum BillRenderer {
    /// Reads and checks a bill.
    public static func decode(json: [UInt8], options: DecodingOptions = DecodingOptions()) -> BillDecoding {
        BillDecoder.decode(bytes: json, options: options)
    }

    /// Lays a bill out for `options.profile`.
    public static func layout(_ bill: OrderBill, options: RenderOptions = RenderOptions()) -> LayoutResult {
        LayoutEngine.layout(
            bill, profile: options.profile, options: options.layout,
            measure: ShapedTextMeasure(fonts: options.raster.fonts))
    }

    /// Decodes, checks and renders a bill from JSON.
    ///
    /// - Throws: `BillRenderError.invalidBill` when the bill has errors (or any diagnostic, when strict).
    public static func render(json: [UInt8], format: OutputFormat, options: RenderOptions = RenderOptions())
        throws(BillRenderError) -> RenderedBill
    {
        var decoded = decode(json: json, options: options.decoding)
        // Taken out, not copied: a copy would retain every string and array of the bill.
        guard let bill = decoded.bill.take(), !decoded.hasErrors else { throw .invalidBill(decoded.diagnostics) }
        if options.strict && !decoded.diagnostics.isEmpty { throw .invalidBill(decoded.diagnostics) }
        var out = try render(bill, format: format, options: options)
        // Most renders add nothing: the decoder's diagnostics are then kept as they are.
        out.diagnostics = out.diagnostics.isEmpty ? decoded.diagnostics : decoded.diagnostics + out.diagnostics
        return out
    }

    /// Renders a bill the host built in code (no decoding diagnostics).
    public static func render(_ bill: OrderBill, format: OutputFormat, options: RenderOptions = RenderOptions())
        throws(BillRenderError) -> RenderedBill
    {
        let laid = layout(bill, options: options)
        if laid.diagnostics.contains(where: { $0.severity == .error }) { throw .invalidBill(laid.diagnostics) }
        let rendered: RenderedBill
        if format == .pdf || format == .svg {
            // Only the documents carry a title and a date.
            var options = options
            options.vector.title = options.vector.title ?? documentTitle(bill)
            options.vector.creationDate = options.vector.creationDate ?? bill.order.createdAt
            rendered = try render(laid.layout, format: format, options: options)
        } else {
            rendered = try render(laid.layout, format: format, options: options)
        }
        let diagnostics =
            rendered.diagnostics.isEmpty ? laid.diagnostics : laid.diagnostics + rendered.diagnostics
        if options.strict && !diagnostics.isEmpty { throw .invalidBill(diagnostics) }
        return RenderedBill(bytes: rendered.bytes, diagnostics: diagnostics)
    }

    /// Renders a finished layout.
    public static func render(_ layout: Layout, format: OutputFormat, options: RenderOptions = RenderOptions())
        throws(BillRenderError) -> RenderedBill
    {
        switch format {
        case .text:
            return RenderedBill(bytes: TextRenderer.renderUTF8(layout, options: options.text), diagnostics: [])
        case .escpos, .escposListing, .printer, .listing, .starline, .starprnt, .stargraphic:
            let profile = options.profile
            guard let language = format.language(profile: profile), profile.languages.contains(language) else {
                throw .languageUnsupported(
                    profile: profile.name, language: format.language(profile: profile)?.rawValue ?? format.rawValue,
                    languages: profile.languages.map(\.rawValue))
            }
            let out: ESCPOSOutput
            do {
                out = try printerBytes(layout, language: language, options: options)
            } catch {
                throw .renderFailed("\(error)")
            }
            guard format.isListing else { return RenderedBill(bytes: out.bytes, diagnostics: out.diagnostics) }
            let listing =
                language == .escpos
                ? ESCPOSListing.listing(out.bytes, profile: profile) : StarListing.listing(out.bytes, profile: profile)
            return RenderedBill(bytes: Array(listing.utf8), diagnostics: out.diagnostics)
        case .png:
            do {
                let png = try RasterRenderer.png(layout, options: options.raster)
                return RenderedBill(bytes: png.bytes, diagnostics: png.diagnostics)
            } catch {
                throw .renderFailed("\(error)")
            }
        case .pdf, .svg:
            var vector = options.vector
            if vector.paperWidthMM == nil {
                vector.paperWidthMM = Double(options.profile.paperWidthMM)
                vector.dpi = options.profile.dpi
            }
            do {
                let document =
                    format == .pdf
                    ? try VectorRenderer.pdf(layout, vector: vector, options: options.raster)
                    : try VectorRenderer.svg(layout, vector: vector, options: options.raster)
                return RenderedBill(bytes: document.bytes, diagnostics: document.diagnostics)
            } catch {
                throw .renderFailed("\(error)")
            }
        }
    }

    /// A PDF title from the bill: the merchant's name and the order's name or reference
    /// (`Dojo Cafe, order 1234`), or nil when the bill has neither.
    static func documentTitle(_ bill: OrderBill) -> String? {
        let merchant = bill.header.lines.lazy.compactMap { line -> String? in
            if case .merchantName(let name) = line, !name.isEmpty { return name }
            return nil
        }.first
        let order = [bill.order.displayName, bill.order.reference, bill.order.id].lazy.compactMap { $0 }
            .first { !$0.isEmpty }
        switch (merchant, order) {
        case (let merchant?, let order?): return "\(merchant), order \(order)"
        case (let merchant?, nil): return merchant
        case (nil, let order?): return "Order \(order)"
        case (nil, nil): return nil
        }
    }

    /// The bytes of `layout` in `language` for `options.profile`, pictures drawn by the raster back end.
    /// - Throws: what the raster back end throws when a whole-bill raster render fails.
    public static func printerBytes(_ layout: Layout, language: PrinterLanguage, options: RenderOptions) throws
        -> ESCPOSOutput
    {
        let pictures = RasterPictureRenderer(options: options.raster)
        switch language {
        case .escpos:
            return try ESCPOSEncoder.encode(
                layout, profile: options.profile, options: options.escpos, pictures: pictures)
        case .starline, .starprnt, .stargraphic:
            let star: StarLanguage = language == .starline ? .line : language == .starprnt ? .prnt : .graphic
            return try StarEncoder(
                profile: options.profile, language: star, options: options.escpos, pictures: pictures
            )
            .encode(layout)
        }
    }

    /// Reads an `Order` (a GetOrderById response, bare or in a JSON-RPC envelope), for
    /// `BillBuilder`.
    public static func decodeOrder(json: [UInt8], options: DecodingOptions = DecodingOptions())
        -> (order: Order?, diagnostics: [Diagnostic])
    {
        guard json.count <= options.maxInputBytes else {
            return (
                nil,
                [
                    Diagnostic(
                        .error, .limitExceeded, at: "",
                        "the order has \(json.count) bytes, more than the limit of \(options.maxInputBytes)")
                ]
            )
        }
        guard let value = try? JSONParser.parse(json, maxDepth: options.maxDepth) else {
            return (nil, [Diagnostic(.error, .malformedJSON, at: "", "the order is not valid JSON")])
        }
        return BillDecoder.decodeOrder(json: value, options: options)
    }

    /// Frees the process-wide caches: QR matrices, QR codes drawn as text, pictures drawn from
    /// SVG, glyph atlases and font faces. They make the second and later bills of a restaurant
    /// cheap (the same logo and feedback URL on every bill) and are bounded (a few megabytes);
    /// a host short of memory may call this at any time, from any task. Renders under way are not
    /// disturbed; the next renders fill the caches again.
    public static func purgeCaches() {
        QREncoder.purgeCache()
        TextRenderer.purgeCaches()
        RasterRenderer.purgeCaches()
    }

    /// Decodes, checks and renders a bill as text.
    public static func renderText(json: [UInt8], options: RenderOptions = RenderOptions()) throws(BillRenderError)
        -> String
    {
        String(decoding: try render(json: json, format: .text, options: options).bytes, as: UTF8.self)
    }
}
