/// The modules of a QR code symbol, without a quiet zone.
///
/// `matrix[x, y]` is true for a dark module. Coordinates outside the symbol read as light, so a
/// renderer can draw the quiet zone by reading past the edges.
public struct QRMatrix: Sendable, Equatable {
    /// Modules per side (21 for version 1, plus 4 per version).
    public let size: Int
    /// `size × size` modules, row by row.
    @usableFromInline let modules: [Bool]

    /// A matrix over `size × size` modules stored row by row; nil when the count does not match.
    public init?(size: Int, modules: [Bool]) {
        guard size >= 0, size.multipliedReportingOverflow(by: size) == (modules.count, false) else { return nil }
        self.size = size
        self.modules = modules
    }

    /// Whether the module at column `x`, row `y` is dark; false outside the symbol. (Inlinable:
    /// back ends read every module.)
    @inlinable
    public subscript(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }

    /// The number of dark modules.
    public var darkCount: Int { modules.reduce(0) { $0 + ($1 ? 1 : 0) } }
}
