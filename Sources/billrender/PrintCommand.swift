import ArgumentParser
import BillESCPOS
import BillPrinting
import BillRender

/// `billrender print BILL --to tcp://HOST:9100 | /dev/usb/lp0`: renders the bill to ESC/POS and
/// sends it to the printer (or sends an ESC/POS file as it is with `--raw`).
struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print a bill on an ESC/POS printer over raw TCP or a device file.")

    @OptionGroup var bill: BillOptions

    @OptionGroup var escpos: ESCPOSFlags

    @Option(help: "tcp://HOST[:PORT] (port 9100 by default) or a device path such as /dev/usb/lp0.")
    var to: String

    @Flag(help: "The input is ESC/POS bytes already (from --format escpos): send them unchanged.")
    var raw = false

    @Option(help: "Seconds to wait for the printer to answer and to take more bytes.")
    var timeout: Double = 5

    @Option(help: "Connection attempts over TCP (only connecting is retried, never a bill once started).")
    var attempts: Int = 3

    func validate() throws {
        guard timeout > 0, timeout <= 600 else {
            throw ValidationError("--timeout must be more than 0 and at most 600 seconds")
        }
        guard (1...20).contains(attempts) else { throw ValidationError("--attempts must be between 1 and 20") }
    }

    func run() throws {
        try CLIIO.run {
            let destination: PrinterDestination
            do {
                destination = try PrinterDestination(parsing: to)
            } catch {
                throw CLIFailure(.usage, "--to: \(error)")
            }
            let input = try bill.readBill()
            let bytes: [UInt8]
            if raw {
                bytes = input
            } else {
                var options = try bill.renderOptions()
                options.escpos = escpos.options
                let rendered = try BillRenderer.render(json: input, format: .escpos, options: options)
                CLIIO.report(rendered.diagnostics)
                bytes = rendered.bytes
            }
            do {
                try PrinterConnection.send(
                    bytes, to: destination,
                    options: PrintOptions(timeoutSeconds: timeout, connectAttempts: attempts))
            } catch {
                throw CLIFailure(.unavailable, "\(error)")
            }
        }
    }
}

extension ESCPOSOptions.Mode: ExpressibleByArgument {}
extension ESCPOSOptions.QRMode: ExpressibleByArgument {}

/// The ESC/POS choices shared by rendering and printing.
struct ESCPOSFlags: ParsableArguments {
    @Flag(help: "ESC/POS: pulse the cash drawer (when the profile has a drawer port).")
    var openDrawer = false

    @Flag(help: "ESC/POS: do not cut the paper at the end.")
    var noCut = false

    @Option(
        help:
            "ESC/POS: text (printer fonts; pictures as raster) or raster (the whole bill as raster bands, as the PNG shows it). A raster-only profile always prints raster."
    )
    var escposMode: ESCPOSOptions.Mode = .text

    @Option(help: "ESC/POS: QR codes as native (GS ( k, where the profile has it) or raster.")
    var qr: ESCPOSOptions.QRMode = .native

    var options: ESCPOSOptions { ESCPOSOptions(openDrawer: openDrawer, cut: !noCut, mode: escposMode, qr: qr) }
}
