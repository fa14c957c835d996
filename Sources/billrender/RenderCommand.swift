import ArgumentParser
import BillRender

extension OutputFormat: ExpressibleByArgument {}

/// `billrender [render] BILL --format …`: the main job.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Render a bill (the default command).")

    @OptionGroup var bill: BillOptions

    @OptionGroup var escpos: ESCPOSFlags

    @Option(
        help:
            "Output: text, png, pdf, svg, printer (the profile's language), listing (of it, one command a line), escpos, escpos-listing, starline, starprnt or stargraphic."
    )
    var format: OutputFormat = .text

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Text output: show QR codes as [QR code] instead of Unicode blocks.")
    var noTextQr = false

    @OptionGroup var raster: RasterFlags

    func run() throws {
        try CLIIO.run {
            if [.png, .pdf].contains(format) && (output == nil || output == "-") && CLIIO.stdoutIsTerminal {
                throw CLIFailure(
                    .usage,
                    "\(format.rawValue.uppercased()) output to a terminal: give -o FILE or redirect standard output")
            }
            var options = try bill.renderOptions()
            options.text.unicodeQR = !noTextQr
            options.escpos = escpos.options
            options.raster = raster.apply(to: options.raster)
            let rendered = try BillRenderer.render(json: try bill.readBill(), format: format, options: options)
            CLIIO.report(rendered.diagnostics)
            try CLIIO.write(rendered.bytes, to: output)
        }
    }
}
