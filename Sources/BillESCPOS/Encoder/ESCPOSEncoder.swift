import BillLayout
import BillModel
import BillProfiles
import BillRaster

/// Turns a ``Layout`` into ESC/POS bytes for one printer profile.
///
/// In text mode: explicit code tables, styles only where they change, native QR where the printer
/// has it, and raster bands (drawn by the raster back end, placed as the PNG places them) for the
/// logo, image lines, raster QR codes and lines no code table holds. In raster mode (and on a
/// profile without text mode) the whole bill is drawn by the raster back end and streamed out band
/// by band. Either way the feed and the cut end the bill.
///
/// It reads the layout and the profile and nothing else, and no text of the layout can become a
/// command: text bytes pass through ``ESCPOSCommand/text(_:)``, which drops every control byte.
public struct ESCPOSEncoder: Sendable {
    /// The printer the bytes are for.
    public var profile: PrinterProfile
    /// Drawer, cut, mode, QR.
    public var options: ESCPOSOptions
    /// How pictures, raster QR codes and raster text are drawn (dither, fonts, picture sizes);
    /// `style` and `scale` are ignored: bands are always the printer's dots.
    public var raster: RasterOptions

    /// Output is handed on in chunks of about this many bytes when streaming.
    static let chunkBytes = 1 << 16

    public init(
        profile: PrinterProfile, options: ESCPOSOptions = ESCPOSOptions(),
        raster: RasterOptions = RasterOptions()
    ) {
        self.profile = profile
        self.options = options
        self.raster = raster
    }

    /// The ESC/POS bytes for `layout` on `profile`, with what could not be printed as laid out.
    /// - Throws: `RasterError` when a whole-bill raster render fails (a missing font, a bill over
    ///   `raster.maxHeight`); in text mode a picture that cannot be drawn is a diagnostic instead.
    public static func encode(
        _ layout: Layout, profile: PrinterProfile, options: ESCPOSOptions = ESCPOSOptions(),
        raster: RasterOptions = RasterOptions()
    ) throws(RasterError) -> ESCPOSOutput {
        try ESCPOSEncoder(profile: profile, options: options, raster: raster).encode(layout)
    }

    /// The ESC/POS bytes for `layout`.
    public func encode(_ layout: Layout) throws(RasterError) -> ESCPOSOutput {
        var bytes: [UInt8] = []
        do {
            // The bytes of a bill in text mode come in one chunk: taken as they are, not copied.
            let diagnostics = try encode(layout) { chunk in
                if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            }
            return ESCPOSOutput(bytes: bytes, diagnostics: diagnostics)
        } catch let error as RasterError {
            throw error
        } catch {
            throw .invalidOptions("\(error)")  // unreachable: the body above does not throw
        }
    }

    /// Encodes `layout` and hands the bytes to `body` in order, in chunks, as they are made, so a
    /// whole-bill raster render never holds more than a band and a chunk.
    /// - Returns: what could not be printed as laid out.
    /// - Throws: `RasterError`, or what `body` throws.
    public func encode(_ layout: Layout, to body: ([UInt8]) throws -> Void) throws -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let wantsRaster = options.mode == .raster || !profile.capabilities.textMode
        if wantsRaster && profile.capabilities.rasterCommands.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .warning, .unsupportedByPrinter, at: "",
                    "profile \(profile.name) has no raster image command; the bill is printed as text"))
        }
        if wantsRaster && !profile.capabilities.rasterCommands.isEmpty {
            return try diagnostics + encodeRaster(layout, to: body)
        }
        var planner = ESCPOSPlanner(profile: profile, grid: layout.grid, options: options, raster: raster)
        let steps = planner.plan(layout.blocks)
        var writer = ESCPOSWriter(tables: planner.tables, upcoming: planner.upcoming)
        diagnostics += planner.diagnostics
        writer.begin(font: layout.grid.font)
        openDrawer(&writer, &diagnostics)
        for step in steps {
            switch step {
            case .line(let units, let alignment, let style):
                writer.line(units, alignment: alignment, style: style)
            case .feed(let lines):
                writer.feed(lines)
            case .qr(let block, let moduleSize):
                writer.setAlignment(block.alignment)
                writer.emit(.qrModel(50))
                writer.emit(.qrModuleSize(UInt8(moduleSize)))
                writer.emit(.qrErrorCorrection(48 + UInt8(QRCapacity.index(of: block.errorCorrection))))
                writer.emit(.qrStore(Array(block.payload.utf8)))
                writer.emit(.qrPrint)
            case .raster(let commands):
                writer.setAlignment(.left)
                for command in commands { writer.emit(command) }
            case .cut:
                cut(&writer)
            }
            if writer.bytes.count >= Self.chunkBytes { try body(writer.take()) }
        }
        try body(writer.finish())
        return diagnostics
    }

    /// The whole bill drawn by the raster back end and sent band by band, then the feed and cut.
    private func encodeRaster(_ layout: Layout, to body: ([UInt8]) throws -> Void) throws -> [Diagnostic] {
        var writer = ESCPOSWriter(tables: CodeTableSet(profile: profile), upcoming: [])
        var diagnostics: [Diagnostic] = []
        writer.emit(.initialize)
        openDrawer(&writer, &diagnostics)
        let bandHeight = ESCPOSRaster.wholeBillBandHeight(profile)
        diagnostics += try RasterRenderer.renderBands(layout, bandHeight: bandHeight, options: raster) { band in
            for command in ESCPOSRaster.commands(for: band, profile: profile) ?? [] { writer.emit(command) }
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
