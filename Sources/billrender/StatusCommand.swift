import ArgumentParser
import BillPrinting
import BillProfiles

/// `billrender status --to DEST [--json]`: asks the printer its real-time status (DLE EOT 1-4) and
/// exits 0 only when it is ready to print.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Ask a printer its state (online, cover, paper, errors); exit 0 only when it is ready.")

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "A printer profile (a built-in name or a JSON file): its serial settings apply.")
    var profile: String?

    @Flag(help: "Print the state as JSON (online, coverOpen, paperEnd, paperNearEnd, error, …).")
    var json = false

    func validate() throws { try connection.check() }

    func run() throws {
        try CLIIO.run {
            var resolved = PrinterProfile.generic80mm
            if let profile {
                do {
                    resolved = try ProfileFiles.resolve(profile)
                } catch {
                    throw CLIFailure(.usage, "--profile \(profile): \(error)")
                }
            }
            let destination = try connection.destination(profile: resolved)
            let options = connection.options(profile: resolved)
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
