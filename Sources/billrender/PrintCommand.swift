import ArgumentParser
import BillESCPOS
import BillLayout
import Foundation

/// `billrender print BILL --to tcp://HOST:9100 | /dev/usb/lp0`: renders the bill to ESC/POS and
/// sends it to the printer (or sends an ESC/POS file as it is with `--raw`).
struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print a bill on an ESC/POS printer over raw TCP or a device file.")

    @Argument(help: "The bill JSON (or, with --raw, an ESC/POS file); - for standard input.")
    var input: String

    @Option(name: .long, help: "tcp://HOST[:PORT] (port 9100 by default) or a device path such as /dev/usb/lp0.")
    var to: String

    @Option(name: .long, help: "A built-in printer profile name or a profile JSON file.")
    var profile: String = "generic-80mm"

    @Flag(name: .long, help: "Pulse the cash drawer.")
    var openDrawer = false

    @Flag(name: .long, help: "Do not cut the paper.")
    var noCut = false

    @Flag(name: .long, help: "The input is ESC/POS bytes already: send them unchanged.")
    var raw = false

    @Option(name: .long, help: "Seconds to wait for the printer to answer and to take bytes.")
    var timeout: Double = 5

    @Option(name: .long, help: "Connection attempts over TCP (only connecting is retried, never a started bill).")
    var attempts: Int = 3

    /// The exit status when the bytes did not reach the printer.
    static let printerNotReached: Int32 = 3

    func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be in (0, 600] seconds") }
        guard (1...20).contains(attempts) else { throw ValidationError("--attempts must be 1...20") }
    }

    func run() throws {
        let destination: PrinterDestination
        let printerProfile: PrinterProfile
        do {
            destination = try PrinterDestination(parsing: to)
            printerProfile = try PrinterProfile.resolve(profile)
        } catch let error as PrintError {
            throw ValidationError(error.description)
        } catch let error as ProfileError {
            throw ValidationError(error.description)
        }
        let data = input == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                                : try Data(contentsOf: URL(fileURLWithPath: input))
        let bytes = raw ? Array(data)
            : try Self.renderBill(Array(data), profile: printerProfile,
                                  options: ESCPOSOptions(openDrawer: openDrawer, cut: !noCut))
        do {
            try PrinterConnection.send(bytes, to: destination,
                                       options: PrintOptions(timeoutSeconds: timeout, connectAttempts: attempts))
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(Self.printerNotReached)
        }
        FileHandle.standardError.write(Data("sent \(bytes.count) bytes to \(destination)\n".utf8))
    }
}
