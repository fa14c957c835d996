import BillESCPOS
import BillLayout
import BillModel
import BillProfiles
import BillSupport

/// Turns a `Layout` into the bytes of one of Star's command languages for one printer profile.
///
/// Line mode and StarPRNT read the same plan as ESC/POS (code pages chosen per character, native
/// QR codes where the profile has them, pictures, raster QR codes and lines no code page holds drawn
/// by the raster back end as the PNG draws them) and write it with Star's commands, styles only
/// where they change. Star Graphic draws the whole bill with the raster back end and sends it row by
/// row, so the paper is the 1-bit PNG dot for dot. Either way the bill starts with `ESC @` (in Line
/// mode and StarPRNT then `ESC 0`: a line feed of 3 mm, the 24 dots the layout gives a line, whatever
/// the printer's memory switch says) and ends with the feed and the cut, and no text of the layout can become a command: text bytes pass
/// through ``StarCommand/text(_:)``, which drops every control byte.
public struct StarEncoder: Sendable {
    /// The printer the bytes are for.
    public var profile: PrinterProfile
    /// Which of Star's languages to write.
    public var language: StarLanguage
    /// Drawer, cut, QR (ESC/POS's options).
    public var options: ESCPOSOptions
    /// Draws pictures, raster QR codes, raster text and (Star Graphic) the whole bill; nil for none.
    public var pictures: (any PictureRenderer)?

    /// Output is handed on in chunks of about this many bytes when streaming.
    static let chunkBytes = 1 << 16
    /// The drawer pulse: 200 ms on, 200 ms off (`ESC BEL 20 20`).
    static let drawerPulse: (on: UInt8, off: UInt8) = (20, 20)

    public init(
        profile: PrinterProfile, language: StarLanguage, options: ESCPOSOptions = ESCPOSOptions(),
        pictures: (any PictureRenderer)? = nil
    ) {
        self.profile = profile
        self.language = language
        self.options = options
        self.pictures = pictures
    }

    /// The bytes for `layout`, with what could not be printed as laid out.
    /// - Throws: what the picture renderer throws when a Star Graphic render fails.
    public func encode(_ layout: Layout) throws -> ESCPOSOutput {
        var bytes: [UInt8] = []
        let diagnostics = try encode(layout) { chunk in
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
        }
        return ESCPOSOutput(bytes: bytes, diagnostics: diagnostics)
    }

    /// Encodes `layout` and hands the bytes to `body` in order, in chunks, as they are made.
    /// - Returns: what could not be printed as laid out.
    /// - Throws: what the picture renderer throws (Star Graphic), or what `body` throws.
    public func encode(_ layout: Layout, to body: ([UInt8]) throws -> Void) throws -> [Diagnostic] {
        if language == .graphic {
            guard let pictures else {
                throw StarEncodingError.noPictureRenderer
            }
            return try encodeGraphic(layout, pictures: pictures, to: body)
        }
        var planner = ESCPOSPlanner(
            profile: profile, grid: layout.grid, options: options, pictures: pictures,
            maxQRModule: StarCommand.maxQRCellSize)
        let steps = planner.plan(layout.blocks)
        var writer = TextWriter<StarCommand>(tables: planner.tables, upcoming: planner.upcoming)
        var diagnostics = planner.diagnostics
        writer.begin(font: layout.grid.font, lineSpacing: .lineSpacing3mm)
        if let drawer = drawerCommands(&diagnostics) { for command in drawer { writer.emit(command) } }
        for step in steps {
            switch step {
            case .line(let text, let alignment, let style):
                writer.line(text, alignment: alignment, style: style)
            case .feed(let lines):
                writer.feed(lines)
            case .qr(let block, let moduleSize):
                let quietZone = UInt8(min(QRCapacity.quietZoneModules * moduleSize, 255))
                writer.emit(.feedDots(quietZone))
                writer.setAlignment(block.alignment)
                writer.emit(.qrModel(2))
                writer.emit(.qrErrorCorrection(UInt8(QRCapacity.index(of: block.errorCorrection))))
                writer.emit(.qrCellSize(UInt8(moduleSize)))
                writer.emit(.qrStore(Array(block.payload.utf8)))
                writer.emit(.qrPrint)
                writer.emit(.feedDots(quietZone))
            case .picture(let bitmap):
                writer.setAlignment(.left)
                for command in StarRaster.commands(for: bitmap, language: language, profile: profile) {
                    writer.emit(command)
                }
            case .cut:
                writer.feed(profile.capabilities.feedLinesBeforeCut)
                if options.cut && profile.capabilities.cutter { writer.emit(.cut(partial: true, feed: true)) }
            }
            if writer.bytes.count >= Self.chunkBytes { try body(writer.take()) }
        }
        try body(writer.finish())
        return diagnostics
    }

    /// Star Graphic: raster mode entered, the EOT mode (cut or not) and the drawer set before any
    /// row, the bill drawn band by band and sent a row at a time (runs of blank rows as one move),
    /// then `ESC * r B`, which prints the rest and performs the EOT mode.
    private func encodeGraphic(
        _ layout: Layout, pictures: any PictureRenderer, to body: ([UInt8]) throws -> Void
    ) throws -> [Diagnostic] {
        var out: [UInt8] = []
        var diagnostics: [Diagnostic] = []
        let cuts = options.cut && profile.capabilities.cutter && layout.blocks.contains(.cut)
        for command: StarCommand in [
            .initialize, .rasterInitialize, .rasterEnter, .rasterPageLength(0), .rasterEOTMode(cuts ? 13 : 1),
        ] {
            command.append(to: &out)
        }
        if drawerCommands(&diagnostics) != nil { StarCommand.rasterDrawer(1).append(to: &out) }
        var blank = 0
        let bandHeight = min(max(profile.capabilities.maxRasterBandHeight, 1), 255)
        diagnostics += try pictures.renderBands(layout, bandHeight: bandHeight) { band in
            for row in StarRaster.rows(of: band) {
                if row.isEmpty {
                    blank += 1
                    continue
                }
                if blank > 0 { StarCommand.rasterMoveDown(blank).append(to: &out) }
                blank = 0
                StarCommand.rasterRow(row).append(to: &out)
            }
            if out.count >= Self.chunkBytes {
                try body(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        if blank > 0 { StarCommand.rasterMoveDown(blank).append(to: &out) }
        StarCommand.rasterQuit.append(to: &out)
        try body(out)
        return diagnostics
    }

    /// `ESC BEL` and `BEL` when the drawer is asked for and the profile has a drawer port; nil (with
    /// a diagnostic when it was asked for) otherwise.
    private func drawerCommands(_ diagnostics: inout [Diagnostic]) -> [StarCommand]? {
        guard options.openDrawer else { return nil }
        guard profile.capabilities.drawer else {
            diagnostics.append(
                Diagnostic(
                    .warning, .unsupportedByPrinter, at: "",
                    "profile \(profile.name) has no cash drawer port; the drawer was not opened"))
            return nil
        }
        return [.drawerPulseWidth(onTime: Self.drawerPulse.on, offTime: Self.drawerPulse.off), .drawer]
    }
}

/// Why a bill cannot be encoded in a Star language.
public enum StarEncodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Star Graphic draws the whole bill, and no picture renderer was given.
    case noPictureRenderer

    public var description: String {
        switch self {
        case .noPictureRenderer: "Star Graphic prints the bill as a picture, and no picture renderer was given"
        }
    }
}
