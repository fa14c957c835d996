import BillModel
import BillSupport

/// Choices for laying a bill out.
public struct LayoutOptions: Sendable, Equatable {
    /// Columns of normal text; nil takes the profile's Font A columns. A count that matches one of
    /// the profile's fonts selects that font (64 on 80 mm is Font B).
    public var columns: Int?
    /// The width of one QR module in dots; nil picks 6 on paper of 500 dots or more, else 5.
    public var qrModuleSize: Int?
    /// QR error-correction level.
    public var qrErrorCorrection: QRErrorCorrection

    /// The most lines a bill may lay out to (default 10,000: 30 m of paper); a bill that needs
    /// more is refused with a `limitExceeded` error, so that no later stage works on it.
    public var maxLines: Int

    public init(
        columns: Int? = nil, qrModuleSize: Int? = nil, qrErrorCorrection: QRErrorCorrection = .medium,
        maxLines: Int = 10_000
    ) {
        self.columns = columns
        self.qrModuleSize = qrModuleSize
        self.qrErrorCorrection = qrErrorCorrection
        self.maxLines = maxLines
    }

    /// The narrowest and widest grids accepted.
    public static let columnRange = 16...160
}

/// A layout and what laying out had to say.
public struct LayoutResult: Sendable {
    public var layout: Layout
    public var diagnostics: [Diagnostic]
}
