import ArgumentParser
import BillPrinting

/// `billrender status --to DEST [--json]`: asks the printer its real-time status (DLE EOT 1-4) and
/// exits 0 only when it is ready to print.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Ask a printer its state (online, cover, paper, errors); exit 0 only when it is ready.")

    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Print the state as JSON (online, coverOpen, paperEnd, paperNearEnd, error, …).")
    var json = false

    func validate() throws { try connection.check() }

    func run() throws {
        try CLIIO.run {
            let destination = try connection.destination()
            var options = connection.options
            options.checkStatus = true
            let status: PrinterStatus
            do {
                status = try PrinterConnection.status(of: destination, options: options)
            } catch {
                throw CLIFailure(.unavailable, "\(error)")
            }
            CLIIO.writeLine(json ? status.json : "\(destination): \(status.summary)")
            if !status.isReady { throw ExitCode(CLIFailure.Code.notReady.rawValue) }
        }
    }
}
