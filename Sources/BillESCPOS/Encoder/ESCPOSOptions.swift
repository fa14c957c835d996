/// Choices for one ESC/POS rendering that are not part of the layout or the printer profile.
public struct ESCPOSOptions: Sendable, Equatable {
    /// How the bill's text reaches the paper.
    public enum Mode: String, Sendable, Equatable, CaseIterable {
        /// Characters in the printer's fonts and code tables; pictures, raster QR codes and lines
        /// no code table holds go as raster bands.
        case text
        /// The whole bill drawn by the raster back end and sent as raster bands (what the PNG
        /// shows, dot for dot). A profile without text mode always prints this way.
        case raster
    }

    /// How QR codes print in text mode.
    public enum QRMode: String, Sendable, Equatable, CaseIterable {
        /// `GS ( k` where the profile has it, raster otherwise.
        case native
        /// Always as a raster picture (where the profile has a raster command).
        case raster
    }

    /// Pulse the cash drawer (`ESC p`, pin 2, 50 ms) at the start of the bill, so it opens while the
    /// bill prints, when the profile has a drawer port.
    public var openDrawer: Bool
    /// Cut the paper at the end (`GS V`), when the profile has a cutter.
    public var cut: Bool
    /// Text (default) or whole-bill raster.
    public var mode: Mode
    /// Native QR codes where the printer has them (default), or raster.
    public var qr: QRMode

    public init(openDrawer: Bool = false, cut: Bool = true, mode: Mode = .text, qr: QRMode = .native) {
        self.openDrawer = openDrawer
        self.cut = cut
        self.mode = mode
        self.qr = qr
    }
}
