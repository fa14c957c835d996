import ArgumentParser
import BillESCPOS
import BillLayout

extension PrintCommand {
    /// The ESC/POS bytes for a bill JSON. The lead wires this to the facade (decode, layout,
    /// `ESCPOSEncoder.encode`, diagnostics to stderr) once the layout engine is on main.
    static func renderBill(_ json: [UInt8], profile: PrinterProfile, options: ESCPOSOptions) throws -> [UInt8] {
        throw ValidationError("rendering a bill needs the layout engine, not wired yet; "
            + "render with `billrender BILL --format escpos -o out.bin` and print with --raw")
    }
}
