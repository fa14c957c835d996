import ArgumentParser
import BillJSON
import BillModel
import BillRender

/// `billrender validate BILL`: every diagnostic, and an exit code a script can use.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "List a bill's diagnostics; exit 0 when it has no error (under --strict, no warning either).")

    @OptionGroup var bill: BillOptions

    @Flag(help: "Print the diagnostics as a JSON array of {severity, code, path, message}.")
    var json = false

    func run() throws {
        try CLIIO.run {
            let options = try bill.renderOptions()
            let decoded = BillRenderer.decode(json: try bill.readBill(), options: options.decoding)
            var diagnostics = decoded.diagnostics
            if let b = decoded.bill { diagnostics += BillRenderer.layout(b, options: options).diagnostics }
            if json {
                let array = JSONValue.array(
                    diagnostics.map { d in
                        .object(
                            JSONObject([
                                ("severity", .string(d.severity.rawValue)), ("code", .string(d.code.rawValue)),
                                ("path", .string(d.path)), ("message", .string(d.message)),
                            ]))
                    })
                print(JSONWriter.write(array, pretty: true))
            } else {
                for d in diagnostics { print(d.description) }
                let errors = diagnostics.filter { $0.severity == .error }.count
                print(
                    "\(errors) error\(errors == 1 ? "" : "s"), \(diagnostics.count - errors) warning\(diagnostics.count - errors == 1 ? "" : "s")"
                )
            }
            let failed =
                decoded.bill == nil || diagnostics.contains { $0.severity == .error }
                || (bill.strict && !diagnostics.isEmpty)
            if failed { throw ExitCode(CLIFailure.Code.invalidBill.rawValue) }
        }
    }
}
