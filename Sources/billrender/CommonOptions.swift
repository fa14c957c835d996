import ArgumentParser
import BillProfiles
import BillRender

/// Paper sizes by name.
enum Paper: String, ExpressibleByArgument, CaseIterable {
    case mm80 = "80mm"
    case mm58 = "58mm"
}

/// The printer to lay a bill out for, strictness and limits; shared by every command that renders.
struct PrinterOptions: ParsableArguments {
    @Option(help: "Paper width: 80mm (576 dots, 48 columns) or 58mm (384 dots, 32 columns).")
    var paper: Paper?

    @Option(help: "Columns of normal text (16-160); 64 on 80 mm selects Font B.")
    var columns: Int?

    @Option(help: "A printer profile: a built-in name (see 'billrender profiles') or a JSON file.")
    var profile: String?

    @Flag(help: "Treat every warning as an error.")
    var strict = false

    @Option(help: "Refuse inputs larger than this many bytes.")
    var maxInputBytes: Int = DecodingOptions().maxInputBytes

    @Option(help: "Refuse orders with more items than this.")
    var maxItems: Int = DecodingOptions().maxItems

    @Option(help: "Skip (with a warning) a Logo or Image whose SVG is larger than this many bytes.")
    var maxSvgBytes: Int = SVGLimits().maxBytes

    @Option(
        help: "Time for drawing one bill's pictures, in milliseconds; a picture still drawing is stopped and left out.")
    var pictureTimeMs: Int = SVGLimits().timeBudgetMilliseconds

    @Option(help: "Memory for the picture helper process, in MiB; a picture that needs more is left out.")
    var pictureMemoryMb: Int = SVGLimits().memoryBudgetBytes >> 20

    @Option(help: "The picture helper (default: $BILLRENDER_SVG_HELPER, else billrender-svg beside billrender).")
    var svgHelper: String?

    @Option(help: "Refuse a bill that lays out to more lines than this.")
    var maxLines: Int = LayoutOptions().maxLines

    @Option(help: "Refuse to draw (PNG, raster ESC/POS) a bill taller than this many dots.")
    var maxRasterHeight: Int = RasterOptions().maxHeight

    func validate() throws {
        if let columns, !LayoutOptions.columnRange.contains(columns) {
            throw ValidationError(
                "--columns must be between \(LayoutOptions.columnRange.lowerBound) and \(LayoutOptions.columnRange.upperBound)"
            )
        }
        if profile != nil && paper != nil {
            throw ValidationError("give --paper or --profile, not both")
        }
        if maxInputBytes < 1 { throw ValidationError("--max-input-bytes must be positive") }
        if maxItems < 0 { throw ValidationError("--max-items must not be negative") }
        if maxSvgBytes < 1 { throw ValidationError("--max-svg-bytes must be positive") }
        if maxLines < 1 { throw ValidationError("--max-lines must be positive") }
        if !(0...600_000).contains(pictureTimeMs) {
            throw ValidationError("--picture-time-ms must be between 0 and 600000")
        }
        if !(16...65536).contains(pictureMemoryMb) {
            throw ValidationError("--picture-memory-mb must be between 16 and 65536")
        }
        if !(1...10_000_000).contains(maxRasterHeight) {
            throw ValidationError("--max-raster-height must be between 1 and 10000000")
        }
    }

    /// The render options these flags describe; `defaultPaper` applies when neither --paper nor
    /// --profile is given.
    func renderOptions(defaultPaper: Paper = .mm80) throws -> RenderOptions {
        var options = RenderOptions(strict: strict)
        options.profile = try resolvedProfile(defaultPaper: defaultPaper)
        options.layout.columns = columns
        options.layout.maxLines = maxLines
        options.decoding.maxInputBytes = maxInputBytes
        options.decoding.maxItems = maxItems
        options.raster.svgLimits.maxBytes = maxSvgBytes
        options.raster.svgLimits.timeBudgetMilliseconds = pictureTimeMs
        options.raster.svgLimits.memoryBudgetBytes = pictureMemoryMb << 20
        if let svgHelper { options.raster.svgLimits.sandbox = .helper(path: svgHelper) }
        options.raster.maxHeight = maxRasterHeight
        return options
    }

    func resolvedProfile(defaultPaper: Paper = .mm80) throws -> PrinterProfile {
        if let profile {
            do {
                return try ProfileFiles.resolve(profile)
            } catch {
                throw CLIFailure(.usage, "--profile \(profile): \(error)")
            }
        }
        return (paper ?? defaultPaper) == .mm58 ? .generic58mm : .generic80mm
    }
}

/// The bill to read and the printer to lay it out for.
struct BillOptions: ParsableArguments {
    @Argument(help: "The bill: an OrderBill JSON file, or a JSON-RPC response; '-' reads standard input.")
    var bill: String

    @OptionGroup var printer: PrinterOptions

    var strict: Bool { printer.strict }

    /// The render options the flags describe.
    func renderOptions() throws -> RenderOptions { try printer.renderOptions() }

    /// Reads the bill's bytes (at most one byte more than the limit, so the limit is reported).
    func readBill() throws -> [UInt8] {
        try CLIIO.read(bill, limit: printer.maxInputBytes)
    }
}
