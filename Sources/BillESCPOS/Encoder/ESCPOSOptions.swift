/// Choices for one ESC/POS rendering that are not part of the layout or the printer profile.
public struct ESCPOSOptions: Sendable, Equatable {
    /// Pulse the cash drawer (`ESC p`, pin 2, 50 ms) at the start of the bill, so it opens while the
    /// bill prints, when the profile has a drawer port.
    public var openDrawer: Bool
    /// Cut the paper at the end (`GS V`), when the profile has a cutter.
    public var cut: Bool

    public init(openDrawer: Bool = false, cut: Bool = true) {
        self.openDrawer = openDrawer
        self.cut = cut
    }
}
