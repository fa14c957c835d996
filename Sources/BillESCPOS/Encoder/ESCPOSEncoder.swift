import BillLayout
import BillModel
import BillProfiles
import BillSupport

/// Turns a `Layout` into ESC/POS bytes for one printer profile.
///
/// Every bill starts with `ESC @` and `ESC 3 n`: `n` makes one line feed advance the layout's line
/// height (the profile's vertical motion units, two to a dot on a 180-dpi Epson), where Epson's
/// default of about 1/6 inch would make every line taller than the PNG draws it.
///
/// In text mode: explicit code tables, styles only where they change, native QR where the printer
/// has it, and raster bands (drawn by the `PictureRenderer`, placed as the PNG places them) for
/// the logo, image lines, raster QR codes and lines no code table holds. In raster mode (and on a
/// profile without text mode) the whole bill is drawn by the picture renderer and streamed out
/// band by band. Either way the feed and the cut end the bill.
///
/// The encoder is pure Swift: pictures come from the renderer it is given (the `BillRender` facade
/// gives it the raster back end). Without one, pictures are left out, raster QR codes and lines no
/// code table holds print as text, and raster mode falls back to text, each with a diagnostic.
///
/// It reads the layout and the profile and nothing else, and no text of the layout can become a
/// command: text bytes pass through ``ESCPOSCommand/text(_:)``, which drops every control byte.
public struct ESCPOSEncoder: Sendable {
    /// The printer the bytes are for.
    public var profile: PrinterProfile
    /// Drawer, cut, mode, QR.
    public var options: ESCPOSOptions
    /// Draws pictures, raster QR codes, raster text and whole raster bills; nil for none.
    public var pictures: (any PictureRenderer)?

    /// Output is handed on in chunks of about this many bytes when streaming.
    static let chunkBytes = 1 << 16

    public init(
        profile: PrinterProfile, options: ESCPOSOptions = ESCPOSOptions(),
        pictures: (any PictureRenderer)? = nil
    ) {
        self.profile = profile
        self.options = options
        self.pictures = pictures
    }

    /// The ESC/POS bytes for `layout` on `profile`, with what could not be printed as laid out.
    /// - Throws: what the picture renderer throws when a whole-bill raster render fails (a missing
    ///   font, a bill over its height limit); in text mode a picture that cannot be drawn is a
    ///   diagnostic instead.
    public static func encode(
        _ layout: Layout, profile: PrinterProfile, options: ESCPOSOptions = ESCPOSOptions(),
        pictures: (any PictureRenderer)? = nil
    ) throws -> ESCPOSOutput {
        try ESCPOSEncoder(profile: profile, options: options, pictures: pictures).encode(layout)
    }

    /// The ESC/POS bytes for `layout`.
    /// - Throws: what the picture renderer throws when a whole-bill raster render fails.
    public func encode(_ layout: Layout) throws -> ESCPOSOutput {
        var bytes: [UInt8] = []
        // The bytes of a bill in text mode come in one chunk: taken as they are, not copied.
        let diagnostics = try encode(layout) { chunk in
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
        }
        return ESCPOSOutput(bytes: bytes, diagnostics: diagnostics)
    }

    /// Encodes `layout` and hands the bytes to `body` in order, in chunks, as they are made, so a
    /// whole-bill raster render never holds more than a band and a chunk.
    /// - Returns: what could not be printed as laid out.
    /// - Throws: what the picture renderer throws, or what `body` throws.
    public func encode(_ layout: Layout, to body: ([UInt8]) throws -> Void) throws -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let wantsRaster = options.mode == .raster || !profile.capabilities.textMode
        if wantsRaster && profile.capabilities.rasterCommands.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .warning, .unsupportedByPrinter, at: "",
                    "profile \(profile.name) has no raster image command; the bill is printed as text"))
        } else if wantsRaster && pictures == nil {
            diagnostics.append(
                Diagnostic(
                    .warning, .unsupportedByPrinter, at: "",
                    "no picture renderer was given to draw the bill as raster; the bill is printed as text"))
        }
        if wantsRaster && !profile.capabilities.rasterCommands.isEmpty, let pictures {
            return try diagnostics + encodeRaster(layout, pictures: pictures, to: body)
        }
        var planner = ESCPOSPlanner(profile: profile, grid: layout.grid, options: options, pictures: pictures)
        let steps = planner.plan(layout.blocks)
        var writer = ESCPOSWriter(tables: planner.tables, upcoming: planner.upcoming)
        diagnostics += planner.diagnostics
        let lineSpacing = ESCPOSMotion.lineSpacing(layout.grid, profile)
        writer.begin(font: layout.grid.font, lineSpacing: .lineSpacing(lineSpacing))
        openDrawer(&writer, &diagnostics)
        for step in steps {
            switch step {
            case .line(let units, let alignment, let style):
                writer.line(units, alignment: alignment, style: style)
            case .feed(let lines):
                writer.feed(lines)
            case .qr(let block, let moduleSize):
                // Epson leaves the quiet zone to the host: four modules fed above and below, as
                // the PNG draws them (in motion units: ESC J 48 for 24 dots on a TM-T88).
                let quietZone = ESCPOSMotion.feed(QRCapacity.quietZoneModules * moduleSize, profile)
                for command in quietZone { writer.emit(command) }
                writer.setAlignment(block.alignment)
                writer.emit(.qrModel(50))
                writer.emit(.qrModuleSize(UInt8(moduleSize)))
                writer.emit(.qrErrorCorrection(48 + UInt8(QRCapacity.index(of: block.errorCorrection))))
                writer.emit(.qrStore(Array(block.payload.utf8)))
                writer.emit(.qrPrint)
                for command in quietZone { writer.emit(command) }
            case .picture(let bitmap):
                writer.setAlignment(.left)
                for command in ESCPOSRaster.commands(for: bitmap, profile: profile, lineSpacing: lineSpacing)
                    ?? []
                {
                    writer.emit(command)
                }
            case .cut:
                cut(&writer)
            }
            if writer.bytes.count >= Self.chunkBytes { try body(writer.take()) }
        }
        try body(writer.finish())
        return diagnostics
    }

    /// The whole bill drawn by `pictures` and sent band by band, then the feed and cut.
    private func encodeRaster(
        _ layout: Layout, pictures: any PictureRenderer, to body: ([UInt8]) throws -> Void
    ) throws -> [Diagnostic] {
        var writer = ESCPOSWriter(tables: CodeTableSet(profile: profile), upcoming: [])
        var diagnostics: [Diagnostic] = []
        let lineSpacing = ESCPOSMotion.lineSpacing(layout.grid, profile)
        writer.emit(.initialize)
        writer.emit(.lineSpacing(lineSpacing))
        openDrawer(&writer, &diagnostics)
        let bandHeight = ESCPOSRaster.wholeBillBandHeight(profile)
        diagnostics += try pictures.renderBands(layout, bandHeight: bandHeight) { band in
            for command in ESCPOSRaster.commands(for: band, profile: profile, lineSpacing: lineSpacing) ?? [] {
                writer.emit(command)
            }
            if writer.bytes.count >= Self.chunkBytes { try body(writer.take()) }
        }
        if layout.blocks.contains(.cut) { cut(&writer) }
        try body(writer.finish())
        return diagnostics
    }

    /// `ESC p` when asked for and the profile has a drawer port.
    private func openDrawer(_ writer: inout ESCPOSWriter, _ diagnostics: inout [Diagnostic]) {
        guard options.openDrawer else { return }
        if profile.capabilities.drawer {
            writer.emit(.drawerPulse(pin: 0, onTime: 25, offTime: 250))
        } else {
            diagnostics.append(
                Diagnostic(
                    .warning, .unsupportedByPrinter, at: "",
                    "profile \(profile.name) has no cash drawer port; the drawer was not opened"))
        }
    }

    /// The profile's feed lines, then `GS V 66 0` when cutting and the profile has a cutter.
    private func cut(_ writer: inout ESCPOSWriter) {
        writer.feed(profile.capabilities.feedLinesBeforeCut)
        if options.cut && profile.capabilities.cutter {
            writer.emit(.feedAndCut(partial: true, feed: 0))
        }
    }
}
