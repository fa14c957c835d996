import ArgumentParser
import BillESCPOS
import BillPrinting
import BillProfiles
import BillRender

/// `billrender print BILL --to DEST`: renders the bill to ESC/POS and sends it to the printer (or
/// sends an ESC/POS file as it is with `--raw`), asking the printer's status first where it talks
/// back and, with `--confirm`, waiting for it to say it printed.
struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print a bill over raw TCP, to a device file, down a serial line or through CUPS.",
        discussion: """
            Before the bill, the printer is asked its status (DLE EOT 1-4) where it can answer (TCP, serial, \
            readable USB devices): paper end, an open cover or an error exits 75 and sends nothing. \
            With --confirm the printer is asked to report when the bill has printed (GS ( H process ID; \
            CUPS: the job's final state): exit 0 when it does, 74 when it does not within --timeout. \
            A bill is never sent twice: only a connection that has sent none of it is tried again.
            """)

    @OptionGroup var bill: BillOptions

    @OptionGroup var escpos: ESCPOSFlags

    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "The input is ESC/POS bytes already (from --format escpos): send them unchanged.")
    var raw = false

    @Flag(help: "Wait until the printer (or CUPS) confirms the bill printed: exit 74 when it does not.")
    var confirm = false

    @Option(help: "The job's identifier: four characters from ! to ~ (made up when left out).")
    var jobId: String?

    func validate() throws {
        try connection.check()
        if let jobId, PrintJobID(jobId) == nil {
            throw ValidationError("--job-id must be four characters from ! to ~ (no spaces)")
        }
    }

    func run() throws {
        try CLIIO.run {
            let profile = try bill.printer.resolvedProfile()
            let destination = try connection.destination(profile: profile)
            let input = try bill.readBill()
            // Status (DLE EOT) and confirmation (GS ( H) are ESC/POS: a Star printer is sent its bill
            // without them (CUPS confirms by the job's state whatever the language).
            let language = profile.language
            let isCUPS = if case .cups = destination { true } else { false }
            if language != .escpos && confirm && !isCUPS {
                throw CLIFailure(
                    .usage,
                    "--confirm asks the printer in ESC/POS; a \(language.rawValue) printer confirms only through cups:")
            }
            let bytes: [UInt8]
            if raw {
                bytes = input
            } else {
                var options = try bill.renderOptions()
                options.escpos = escpos.options
                // The bytes in the profile's language (ESC/POS, Star Line mode, StarPRNT or Star Graphic).
                let rendered = try BillRenderer.render(json: input, format: .printer, options: options)
                CLIIO.report(rendered.diagnostics)
                bytes = rendered.bytes
            }
            let job = PrintJob(bytes: bytes, id: jobId.flatMap(PrintJobID.init) ?? .make())
            var options = connection.options(profile: profile)
            options.confirm = confirm
            if language != .escpos { options.checkStatus = false }
            let outcome = PrinterConnection.print(job, to: destination, options: options)
            for warning in outcome.warnings { CLIIO.warn("warning: job \(job.id): \(warning)") }
            switch outcome {
            case .printed:
                CLIIO.warn("\(outcome)")
            case .sent(let receipt, .notRequested):
                if receipt.spoolerJob != nil { CLIIO.warn("\(outcome)") }
            case .sent:
                throw CLIFailure(.notConfirmed, "\(outcome)")
            case .notStarted(_, let error):
                throw CLIFailure(error.isNotReady ? .notReady : .unavailable, "\(outcome)")
            }
        }
    }
}

/// `--to`, `--timeout`, `--attempts`, `--no-status`: how to reach a printer.
struct ConnectionOptions: ParsableArguments {
    @Option(
        help: """
            tcp://HOST[:PORT] (9100 by default), a device path such as /dev/usb/lp0, \
            serial:/dev/ttyUSB0?baud=19200&flow=rtscts (or none, xonxoff; rfcomm devices too), \
            cups:QUEUE or cups://HOST:PORT/QUEUE.
            """)
    var to: String

    @Option(help: "Seconds to wait for the printer: to connect, to answer, to take more bytes, to confirm.")
    var timeout: Double = 5

    @Option(help: "Connection attempts (only a connection that has sent no byte of the bill is tried again).")
    var attempts: Int = 3

    @Flag(help: "Do not ask the printer's status first (for printers that never answer DLE EOT).")
    var noStatus = false

    func check() throws {
        guard timeout > 0, timeout <= 600 else {
            throw ValidationError("--timeout must be more than 0 and at most 600 seconds")
        }
        guard (1...20).contains(attempts) else { throw ValidationError("--attempts must be between 1 and 20") }
    }

    /// The destination; a serial line's speed and flow control come from the profile unless `--to` says.
    func destination(profile: PrinterProfile) throws -> PrinterDestination {
        let c = profile.communication
        let defaults = SerialSettings(
            baud: c.serialBaud, flowControl: SerialSettings.FlowControl(rawValue: c.serialFlowControl) ?? .rtscts)
        do {
            return try PrinterDestination(parsing: to, serialDefaults: defaults)
        } catch {
            throw CLIFailure(.usage, "--to: \(error)")
        }
    }

    /// What to ask the printer, as the profile says it answers.
    func options(profile: PrinterProfile) -> PrintOptions {
        PrintOptions(
            timeoutSeconds: timeout, connectAttempts: attempts,
            checkStatus: !noStatus && profile.communication.realTimeStatus,
            processIDResponse: profile.communication.processIDResponse)
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
