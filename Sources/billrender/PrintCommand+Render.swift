import BillESCPOS
import BillRender

extension PrintCommand {
    /// Decodes, checks, lays out and encodes a bill to ESC/POS. (Once the facade renders
    /// `.escpos` with ``ESCPOSOptions``, this becomes one call to `BillRenderer.render`.)
    static func renderESCPOS(json: [UInt8], options: RenderOptions, escpos: ESCPOSOptions) throws(BillRenderError) -> (bytes: [UInt8], diagnostics: [Diagnostic]) {
        let decoded = BillRenderer.decode(json: json, options: options.decoding)
        guard let parsed = decoded.bill, !decoded.hasErrors else { throw .invalidBill(decoded.diagnostics) }
        let laid = BillRenderer.layout(parsed, options: options)
        let output = ESCPOSEncoder.encode(laid.layout, profile: options.profile, options: escpos)
        let diagnostics = decoded.diagnostics + laid.diagnostics + output.diagnostics
        if options.strict && !diagnostics.isEmpty { throw .invalidBill(diagnostics) }
        return (output.bytes, diagnostics)
    }
}
