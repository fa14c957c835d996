import BillLayout
import BillModel

/// Turns a ``Layout`` into ESC/POS bytes for one printer profile: text mode with explicit code
/// tables, styles only where they change, native QR where the printer has it, the cut at the end.
///
/// It reads the layout and the profile and nothing else, and no text of the layout can become a
/// command: text bytes pass through ``ESCPOSCommand/text(_:)``, which drops every control byte.
public struct ESCPOSEncoder: Sendable {
    /// The printer the bytes are for.
    public var profile: PrinterProfile
    /// Drawer, cut, ….
    public var options: ESCPOSOptions

    public init(profile: PrinterProfile, options: ESCPOSOptions = ESCPOSOptions()) {
        self.profile = profile
        self.options = options
    }

    /// The ESC/POS bytes for `layout` on `profile`, with what could not be printed as laid out.
    public static func encode(_ layout: Layout, profile: PrinterProfile,
                              options: ESCPOSOptions = ESCPOSOptions()) -> ESCPOSOutput {
        ESCPOSEncoder(profile: profile, options: options).encode(layout)
    }

    /// The ESC/POS bytes for `layout`.
    public func encode(_ layout: Layout) -> ESCPOSOutput {
        var planner = ESCPOSPlanner(profile: profile, grid: layout.grid)
        let steps = planner.plan(layout.blocks)
        var writer = ESCPOSWriter(tables: planner.tables, upcoming: planner.upcoming)
        var diagnostics = planner.diagnostics
        writer.begin(font: layout.grid.font)
        if options.openDrawer {
            if profile.capabilities.drawer {
                writer.emit(.drawerPulse(pin: 0, onTime: 25, offTime: 250))
            } else {
                diagnostics.append(Diagnostic(.warning, .unsupportedByPrinter, at: "",
                                              "profile \(profile.name) has no cash drawer port; the drawer was not opened"))
            }
        }
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
                commands.forEach { writer.emit($0) }
            case .cut:
                writer.feed(profile.capabilities.feedLinesBeforeCut)
                if options.cut && profile.capabilities.cutter {
                    writer.emit(.feedAndCut(partial: true, feed: 0))
                }
            }
        }
        return ESCPOSOutput(bytes: writer.bytes, diagnostics: diagnostics)
    }
}
