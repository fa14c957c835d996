import ArgumentParser
import BillJSON
import BillModel
import BillRender
import BillTemplates
import Foundation

/// `billrender build --template NAME|FILE --order ORDER.json --merchant MERCHANT.json`: builds the
/// GetOrderBillById response from a template, and optionally renders it in the same go (a preview).
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a spec-valid bill (GetOrderBillById response) from a template, an order and merchant data.",
        discussion: """
            Built-in templates: \(BuiltInTemplates.names.joined(separator: ", ")); or give a template file.
            ORDER is a Dojo Order (a GetOrderById response, bare or in a JSON-RPC envelope); MERCHANT is a
            JSON object with at least "name". Template lines whose data is missing are left out.

            Examples:
              billrender build --template restaurant --order order.json --merchant merchant.json -o bill.json
              billrender build --template cafe --order order.json --merchant merchant.json --format text
              billrender build --template narrow-58mm --order order.json --merchant merchant.json --format png -o bill.png
              billrender build --template my-design.json --order - --merchant merchant.json --jsonrpc-id 42
            """)

    /// What `build` writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text, escpos
        case escposListing = "escpos-listing"
        case png, pdf, svg, printer, listing, starline, starprnt, stargraphic

        var outputFormat: OutputFormat? {
            switch self {
            case .json: return nil
            case .text: return .text
            case .escpos: return .escpos
            case .escposListing: return .escposListing
            case .png: return .png
            case .pdf: return .pdf
            case .svg: return .svg
            case .printer: return .printer
            case .listing: return .listing
            case .starline: return .starline
            case .starprnt: return .starprnt
            case .stargraphic: return .stargraphic
            }
        }
    }

    @Option(help: "A built-in template name or a template file.")
    var template: String

    @Option(help: "The order: a Dojo Order JSON file (bare or a JSON-RPC response); '-' reads standard input.")
    var order: String

    @Option(help: "The merchant's data: a JSON object with at least \"name\".")
    var merchant: String

    @Option(
        help:
            "Output: json (the bill, default), or a preview as text, png, pdf, svg, printer, listing, escpos, escpos-listing, starline, starprnt or stargraphic."
    )
    var format: Format = .json

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    @Option(
        name: .customLong("jsonrpc-id"), help: "JSON output: wrap the bill in a JSON-RPC response with this request id."
    )
    var jsonRPCId: String?

    @Option(help: "An IANA time zone for the bill's times, overriding the merchant's \"timeZone\".")
    var timeZone: String?

    @Option(help: "A locale for dates (for example en_GB), overriding the merchant's \"locale\".")
    var locale: String?

    @Option(help: "The build time (ISO 8601) that now.* shows; default: the current time.")
    var now: String?

    /// Preview printer, strictness and limits (the paper defaults to the template's paperWidth).
    @OptionGroup var printer: PrinterOptions

    var strict: Bool { printer.strict }
    var maxInputBytes: Int { printer.maxInputBytes }

    func validate() throws {
        if jsonRPCId != nil && format != .json { throw ValidationError("--jsonrpc-id applies to --format json only") }
        if let now, ISO8601DateFormatter().date(from: now) == nil {
            throw ValidationError("--now \(now): expected an ISO 8601 date-time such as 2026-06-12T20:15:00Z")
        }
    }

    func run() throws {
        try CLIIO.run {
            if format == .png && (output == nil || output == "-") && CLIIO.stdoutIsTerminal {
                throw CLIFailure(.usage, "PNG output to a terminal: give -o FILE or redirect standard output")
            }
            let (result, warnings) = try buildBill()
            if strict && warnings > 0 {
                throw CLIFailure(
                    .invalidBill,
                    "the bill was not built: \(warnings) warning\(warnings == 1 ? "" : "s") under --strict")
            }
            guard let preview = format.outputFormat else {
                let value =
                    jsonRPCId.map { BillBuilder.jsonRPCResponse(result.bill, id: .string($0)) } ?? result.bill.jsonValue
                try CLIIO.write(Array((JSONWriter.write(value, pretty: true) + "\n").utf8), to: output)
                return
            }
            let templatePaper: Paper = try loadedTemplate.paperWidth == "58mm" ? .mm58 : .mm80
            let options = try printer.renderOptions(defaultPaper: templatePaper)
            let rendered = try BillRenderer.render(result.bill, format: preview, options: options)
            CLIIO.report(rendered.diagnostics)
            try CLIIO.write(rendered.bytes, to: output)
        }
    }

    private var loadedTemplate: BillTemplate {
        get throws {
            do {
                return try BillTemplate.load(template)
            } catch {
                if case .unknownTemplate = error { throw CLIFailure(.noInput, "--template: \(error)") }
                throw CLIFailure(.invalidBill, "\(error)")
            }
        }
    }

    /// The bill, and how many warnings reading the order and building met (already printed).
    private func buildBill() throws -> (BillBuildResult, Int) {
        let template = try loadedTemplate
        let orderJSON: JSONValue
        do {
            orderJSON = try JSONParser.parse(try readInput(order), maxDepth: DecodingOptions().maxDepth)
        } catch let error as JSONParser.SyntaxError {
            throw CLIFailure(.invalidBill, "\(order): not valid JSON: \(error)")
        }
        let decoded = BillDecoder.decodeOrder(json: orderJSON, options: DecodingOptions(maxInputBytes: maxInputBytes))
        for d in decoded.diagnostics { CLIIO.warn("\(order): \(d)") }
        guard let decodedOrder = decoded.order else {
            throw CLIFailure(.invalidBill, "\(order): not a usable Order (see the errors above)")
        }
        let merchantData: MerchantData
        do {
            merchantData = try MerchantData(bytes: try readInput(merchant))
        } catch let error as BillTemplateError {
            throw CLIFailure(.invalidBill, "\(merchant): \(error)")
        }
        var options = BillBuildOptions(timeZone: timeZone, locale: locale)
        if let now, let date = ISO8601DateFormatter().date(from: now) { options.now = date }
        let result: BillBuildResult
        do {
            result = try BillBuilder.build(
                template: template, order: decodedOrder, merchant: merchantData, options: options)
        } catch {
            throw CLIFailure(.invalidBill, "\(order): \(error)")
        }
        CLIIO.report(result.diagnostics)
        return (result, decoded.diagnostics.count + result.diagnostics.count)
    }

    private func readInput(_ path: String) throws -> [UInt8] {
        let bytes = try CLIIO.read(path, limit: maxInputBytes)
        if bytes.count > maxInputBytes {
            throw CLIFailure(.invalidBill, "\(path): larger than \(maxInputBytes) bytes (--max-input-bytes)")
        }
        return bytes
    }
}
