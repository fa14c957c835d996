import BillModel

/// Choices for laying a bill out.
public struct LayoutOptions: Sendable, Equatable {
    /// Columns of normal text; nil takes the profile's Font A columns. A count that matches one of
    /// the profile's fonts selects that font (64 on 80 mm is Font B).
    public var columns: Int?
    /// The width of one QR module in dots; nil picks 6 on paper of 500 dots or more, else 5.
    public var qrModuleSize: Int?
    /// QR error-correction level.
    public var qrErrorCorrection: QRErrorCorrection

    public init(columns: Int? = nil, qrModuleSize: Int? = nil, qrErrorCorrection: QRErrorCorrection = .medium) {
        self.columns = columns
        self.qrModuleSize = qrModuleSize
        self.qrErrorCorrection = qrErrorCorrection
    }

    /// The narrowest and widest grids accepted.
    public static let columnRange = 16...160
}

/// A layout and what laying out had to say.
public struct LayoutResult: Sendable {
    public var layout: Layout
    public var diagnostics: [Diagnostic]
}
