/// QR error-correction level: how much of a symbol may be lost and still read (L 7%, M 15%,
/// Q 25%, H 30%).
///
/// Shared by the layout (a `QRBlock` carries one) and the QR encoder, which do not depend on each
/// other; `BillLayout` re-exports it.
public enum QRErrorCorrection: String, Sendable, Equatable, Hashable, CaseIterable {
    case low = "L"
    case medium = "M"
    case quartile = "Q"
    case high = "H"
}
