import BillModel

/// Choices for one ESC/POS rendering that are not part of the layout or the printer profile.
public struct ESCPOSOptions: Sendable, Equatable {
    /// Pulse the cash drawer (`ESC p`) after the bill, when the profile has a drawer port.
    public var openDrawer: Bool
    /// Cut the paper at the end (`GS V`), when the profile has a cutter.
    public var cut: Bool

    public init(openDrawer: Bool = false, cut: Bool = true) {
        self.openDrawer = openDrawer
        self.cut = cut
    }
}

/// The bytes for a printer and what could not be printed as laid out.
public struct ESCPOSOutput: Sendable, Equatable {
    /// The ESC/POS stream, from `ESC @` to the cut.
    public var bytes: [UInt8]
    /// Characters that no code table holds, QR codes printed as text, pictures left out, ….
    public var diagnostics: [Diagnostic]

    public init(bytes: [UInt8], diagnostics: [Diagnostic]) {
        self.bytes = bytes
        self.diagnostics = diagnostics
    }
}
