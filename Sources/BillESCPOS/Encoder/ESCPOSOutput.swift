import BillModel

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
