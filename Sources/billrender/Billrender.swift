import ArgumentParser
import BillRender

@main
struct Billrender: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "billrender",
        abstract: "Render Dojo printable bills (GetOrderBillById) to ESC/POS, PNG or text.",
        discussion: """
            Examples:
              billrender bill.json                               # text at 48 columns
              billrender bill.json --format escpos -o bill.bin  # bytes for an 80 mm printer
              billrender bill.json --format png -o bill.png --paper 58mm
              billrender - --format text < bill.json            # read standard input
              billrender validate bill.json --strict --json
              billrender layout bill.json --columns 42
              billrender print bill.json --to tcp://192.168.1.50:9100 --confirm
              billrender status --to tcp://192.168.1.50:9100 --json
              billrender profiles

            Exit codes:
              0   done (warnings, if any, on standard error)
              1   the bill has errors, or warnings under --strict
              64  a usage error (unknown flag, bad value)
              66  the input cannot be read (missing file, a directory)
              69  the printer did not answer
              73  the output cannot be written
              74  the bill was sent (or part of it) but not confirmed; it is never resent
              75  the printer reports it cannot print (paper end, cover open, …); nothing was sent
            """,
        version: "0.1.0",
        subcommands: [
            RenderCommand.self, ValidateCommand.self, LayoutCommand.self, BuildCommand.self, PrintCommand.self,
            StatusCommand.self, ProfilesCommand.self, BenchCommand.self,
        ],
        defaultSubcommand: RenderCommand.self)
}
