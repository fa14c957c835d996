import ArgumentParser
import BillRender

extension RasterOptions.Style: ExpressibleByArgument {}
extension DitherMethod: ExpressibleByArgument {}

/// The PNG and raster choices.
struct RasterFlags: ParsableArguments {
    @Option(help: "PNG look: monochrome (1-bit, what the printer prints) or gray (anti-aliased preview).")
    var pngStyle: RasterOptions.Style = .monochrome

    @Option(help: "PNG pixels per printer dot (1-8).")
    var scale = 1

    @Option(help: "How logos and images become dots: atkinson (default), floydSteinberg or threshold.")
    var dither: DitherMethod = .atkinson

    func validate() throws {
        guard (1...8).contains(scale) else { throw ValidationError("--scale must be between 1 and 8") }
    }

    func apply(to options: RasterOptions) -> RasterOptions {
        var o = options
        o.style = pngStyle
        o.scale = scale
        o.dither = dither
        return o
    }
}
