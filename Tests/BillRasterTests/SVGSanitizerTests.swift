import BillLayout
import CZlib
import Foundation
import Testing

@testable import BillRaster

/// The sanitiser, one attack class at a time: each hostile construct is refused, removed or
/// clamped (asserted on the rewritten document and its list of changes), and an ordinary logo
/// passes through with no change noted.
@Suite("SVG sanitiser")
struct SVGSanitizerTests {
    static let ns = #"xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink""#
    let limits = SVGLimits()

    static func svg(_ body: String, _ attributes: String = #"width="200" height="100""#) -> String {
        "<svg \(ns) \(attributes)>\(body)</svg>"
    }

    func sanitize(_ svg: String) throws -> SanitizedSVG { try SVGSanitizer.sanitize(svg, limits: limits) }

    @Test func anOrdinaryLogoPassesUnchangedInMeaning() throws {
        let logo = Self.svg(
            #"""
            <defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#000"/><stop offset="100%" stop-color="#fff"/></linearGradient>
            <clipPath id="c"><rect width="100" height="100" rx="8"/></clipPath></defs>
            <style>.a { fill: #123456; stroke-width: 2 } </style>
            <g clip-path="url(#c)" transform="translate(10 10) scale(2)"><path class="a" d="M0 0L10 10h5v-5z"/></g>
            <circle cx="150" cy="50" r="40" fill="url(#g)" style="opacity:0.5"/>
            <text x="10" y="90" font-family="DejaVu Sans, sans-serif" font-size="14" font-weight="bold">Dojo</text>
            <use xlink:href="#c"/>
            """#)
        let sanitized = try sanitize(logo)
        #expect(sanitized.changes.isEmpty)
        for kept in [
            "linearGradient", "clipPath", "url(#c)", "translate(10 10) scale(2)", "M0 0L10 10h5v-5z", ".a{fill:#123456",
            "font-size=\"14\"", ">Dojo</text>", "xlink:href=\"#c\"", "opacity:0.5",
        ] {
            #expect(sanitized.text.contains(kept), "\(kept) was lost")
        }
        // Sanitising is idempotent: its output is already in the subset.
        #expect(try sanitize(sanitized.text).text == sanitized.text)
    }

    @Test(arguments: ["1e30", "9e9px", "100000pt", "3.4e38"])
    func hugeFontSizesAreClamped(size: String) throws {
        let sanitized = try sanitize(Self.svg(#"<text y="50" font-size="\#(size)">Dojo</text>"#))
        #expect(sanitized.text.contains(#"font-size="2048px""#))
        #expect(sanitized.changes.contains("font sizes over 2048"))
        let css = try sanitize(Self.svg(#"<text y="50" style="font-size:\#(size)">Dojo</text>"#))
        #expect(css.text.contains("font-size:2048px"))
    }

    @Test func relativeFontSizesThatGrowAreDropped() throws {
        let nested = Self.svg(
            #"<text font-size="10em"><tspan font-size="larger"><tspan font-size="900%">x</tspan></tspan></text>"#)
        let sanitized = try sanitize(nested)
        #expect(!sanitized.text.contains("font-size"))
        #expect(sanitized.changes.contains("relative or malformed font sizes"))
        #expect(try sanitize(Self.svg(#"<text font-size="0.8em">x</text>"#)).text.contains("0.8em"))
    }

    @Test func hugeStrokeWidthsSpacingAndCoordinatesAreClamped() throws {
        let sanitized = try sanitize(
            Self.svg(
                #"<path d="M0 0L1e300 1e999Z" stroke="black" stroke-width="1e300" letter-spacing="-1e20" transform="scale(1e400)"/>"#
            ))
        #expect(sanitized.text.contains(#"stroke-width="2048""#))
        #expect(sanitized.text.contains(#"letter-spacing="-2048""#))
        #expect(sanitized.text.contains("M0 0L10000000000 10000000000Z"))
        #expect(sanitized.text.contains("scale(10000000000)"))
        #expect(!sanitized.text.contains("e300"))
    }

    @Test func fineDashPatternsAreDropped() throws {
        let sanitized = try sanitize(
            Self.svg(##"<path d="M0 0H100" stroke="#000" stroke-dasharray="0.0001 0.0001"/>"##))
        #expect(!sanitized.text.contains("dasharray"))
        #expect(try sanitize(Self.svg(#"<path d="M0 0H100" stroke-dasharray="4 2"/>"#)).text.contains("4 2"))
    }

    @Test func useAmplificationIsRefused() {
        var defs = ##"<g id="a0"><path d="M0 0L9 9"/></g>"##
        for level in 1...6 {
            defs += "<g id=\"a\(level)\">" + String(repeating: "<use href=\"#a\(level - 1)\"/>", count: 10) + "</g>"
        }
        #expect(throws: RasterError.svgRefused("draws more than 20000 elements once <use> and references are expanded"))
        {
            try sanitize(Self.svg("<defs>\(defs)</defs><use href=\"#a6\"/>"))
        }
    }

    @Test func referenceCyclesAreRefused() {
        let cycle = Self.svg(##"<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>"##)
        #expect(throws: RasterError.self) { try sanitize(cycle) }
        let gradients = Self.svg(
            ##"<linearGradient id="p" href="#q"/><linearGradient id="q" xlink:href="#p"/><rect width="9" height="9" fill="url(#p)"/>"##
        )
        #expect(throws: RasterError.self) { try sanitize(gradients) }
    }

    @Test func patternsAndFiltersAreLeftOut() throws {
        let sanitized = try sanitize(
            Self.svg(
                ##"<defs><pattern id="p" width="0.001" height="0.001"><rect width="1" height="1" fill="url(#p)"/></pattern><filter id="f"><feGaussianBlur stdDeviation="900"/></filter></defs><rect width="200" height="100" fill="url(#p)" filter="url(#f)"/>"##
            ))
        #expect(!sanitized.text.contains("pattern") && !sanitized.text.contains("filter"))
        #expect(!sanitized.text.contains("feGaussianBlur"))
        #expect(sanitized.changes.contains("patterns") && sanitized.changes.contains("filters"))
    }

    @Test func aMillionGradientStopsAreRefused() {
        let stops = String(repeating: #"<stop offset="0.5"/>"#, count: 257)
        #expect(throws: RasterError.svgRefused("a gradient with more than 256 stops")) {
            try sanitize(Self.svg("<linearGradient id=\"g\">\(stops)</linearGradient>"))
        }
    }

    @Test func xmlBaseXIncludeStylesheetsAndImportsAreDropped() throws {
        let sanitized = try sanitize(
            #"<?xml version="1.0"?><?xml-stylesheet type="text/css" href="file:///etc/passwd"?>"#
                + Self.svg(
                    #"""
                    <g xml:base="file:///etc/"><image width="10" height="10" href="passwd"/></g>
                    <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>
                    <style>@import url("file:///etc/passwd"); @font-face { font-family: x; src: url("/usr/share/fonts/a.ttf") } rect { fill: url(/etc/passwd) }</style>
                    <text font-family="/etc/passwd" y="9">x</text>
                    """#))
        for gone in ["xml:base", "passwd", "include", "@import", "font-face", "/usr/share", "stylesheet"] {
            #expect(!sanitized.text.contains(gone), "\(gone) survived")
        }
        for change in [
            "xml:base", "XInclude", "the <?xml-stylesheet?> instruction", "CSS at-rules (@import, @font-face)",
            "font families named by path", "references outside the document",
        ] {
            #expect(sanitized.changes.contains(change), "\(change) not reported")
        }
    }

    @Test func scriptsEventsAnimationAndForeignObjectsAreDropped() throws {
        let sanitized = try sanitize(
            Self.svg(
                #"""
                <script>alert(1)</script><rect width="10" height="10" onload="alert(1)">
                <animate attributeName="width" to="1e9" dur="1s" repeatCount="indefinite"/><set attributeName="fill" to="red"/></rect>
                <foreignObject width="9" height="9"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
                """#))
        for gone in ["script", "alert", "animate", "<set", "foreignObject", "onload"] {
            #expect(!sanitized.text.contains(gone), "\(gone) survived")
        }
        #expect(sanitized.changes.contains("animation") && sanitized.changes.contains("scripts"))
        #expect(sanitized.changes.contains("event handlers"))
    }

    @Test func entitiesAndDoctypesAreNeverExpanded() throws {
        let svg =
            #"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>"#
            + Self.svg("<text y=\"9\">&b;&b;&lt;&#65;&#x42;</text>")
        let sanitized = try sanitize(svg)
        #expect(sanitized.text.contains(">&lt;AB</text>"))
        #expect(sanitized.changes.contains("entities defined in a DTD"))
    }

    @Test func tooMuchTextIsRefused() {
        #expect(throws: RasterError.svgRefused("more than 4096 characters of text")) {
            try sanitize(Self.svg("<text>" + String(repeating: "W", count: 4097) + "</text>"))
        }
    }

    @Test func tooManyElementsOrTooDeepIsRefused() {
        #expect(throws: RasterError.self) {
            try sanitize(Self.svg(String(repeating: "<rect/>", count: 10_001)))
        }
        #expect(throws: RasterError.self) {
            try sanitize(Self.svg(String(repeating: "<g>", count: 300) + String(repeating: "</g>", count: 300)))
        }
    }

    @Test(arguments: [
        "", "<svg", "<html/>", "<svg><g></svg>", "<svg a='1' a='2'/>", "<svg>&bogus</svg>", "<svg/><svg/>",
        "<svg x=1/>", "<svg><![CDATA[x]]></svg>trailing",
    ])
    func malformedDocumentsAreRefused(svg: String) {
        #expect(throws: RasterError.self) { try sanitize(svg) }
    }

    // MARK: Embedded images

    static func png(width: UInt32, height: UInt32) -> [UInt8] {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        bytes += Array("IHDR".utf8)
        for value in [width, height] { bytes += [24, 16, 8, 0].map { UInt8((value >> $0) & 0xFF) } }
        bytes += [8, 0, 0, 0, 0, 0, 0, 0, 0]
        return bytes
    }

    static func image(_ mime: String, _ bytes: [UInt8]) -> String {
        svg(#"<image width="10" height="10" href="data:\#(mime);base64,\#(Data(bytes).base64EncodedString())"/>"#)
    }

    @Test func embeddedRastersOverThePixelBudgetAreLeftOut() throws {
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 17, 8, 0xFD, 0xE8, 0xFD, 0xE8, 3]
        let gif = Array("GIF89a".utf8) + [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0x3B]
        let webp =
            Array("RIFF".utf8) + [30, 0, 0, 0] + Array("WEBPVP8X".utf8) + [10, 0, 0, 0, 0, 0, 0, 0]
            + [0xFF, 0x3F, 0, 0xFF, 0x3F, 0]
        for (name, mime, bytes) in [
            ("PNG", "image/png", Self.png(width: 16000, height: 16000)), ("JPEG", "image/jpeg", jpeg),
            ("GIF", "image/gif", gif), ("WebP", "image/webp", webp),
            // The declared type is not trusted: a PNG called a GIF is read as a PNG.
            ("PNG as GIF", "image/gif", Self.png(width: 3000, height: 3000)),
        ] {
            let sanitized = try sanitize(Self.image(mime, bytes))
            #expect(!sanitized.text.contains("<image"), "\(name) kept")
            #expect(sanitized.changes.contains { $0.contains("more than the limit of 4194304") }, "\(name)")
        }
        let small = try sanitize(Self.image("image/gif", Self.png(width: 64, height: 64)))
        #expect(small.text.contains("data:image/png;base64,"))
        #expect(small.changes.isEmpty)
    }

    @Test func unknownFormatsAndExternalImagesAreLeftOut() throws {
        let bmp = try sanitize(Self.image("image/bmp", Array("BM".utf8) + [UInt8](repeating: 0, count: 60)))
        #expect(!bmp.text.contains("<image"))
        let file = try sanitize(Self.svg(#"<image width="9" height="9" href="file:///etc/passwd"/>"#))
        #expect(!file.text.contains("<image") && file.changes.contains("references outside the document"))
    }

    @Test func nestedSVGIsSanitisedAndMeasured() throws {
        let huge = Self.svg(#"<rect width="9" height="9"/>"#, #"width="100000" height="100000""#)
        #expect(!(try sanitize(Self.image("image/svg+xml", Array(huge.utf8)))).text.contains("<image"))
        let hostile = Self.svg(#"<script>x</script><rect width="9" height="9"/>"#, #"width="50" height="50""#)
        let kept = try sanitize(Self.image("image/svg+xml", Array(hostile.utf8)))
        #expect(kept.text.contains("data:image/svg+xml;base64,"))
        let inner = try #require(kept.text.split(separator: ",").last?.split(separator: "\"").first)
        let decoded = String(decoding: Data(base64Encoded: String(inner)) ?? Data(), as: UTF8.self)
        #expect(decoded.contains("<rect") && !decoded.contains("script"))
        // Two levels of nesting are refused.
        let twice = Self.image("image/svg+xml", Array(kept.text.utf8))
        #expect(try sanitize(twice).changes.contains { $0.contains("SVG nested more than one level deep") })
    }

    @Test func gzipBombsStopAtTheByteLimit() throws {
        let body = "<svg \(Self.ns) width='9' height='9'>" + String(repeating: "<rect/>", count: 400_000) + "</svg>"
        let compressed = try #require(Self.gzip(Array(body.utf8)))
        #expect(compressed.count < 100_000)
        let sanitized = try sanitize(Self.image("image/svg+xml", compressed))
        #expect(!sanitized.text.contains("<image"))
        #expect(sanitized.changes.contains { $0.contains("inflates past") })
        let small = "<svg \(Self.ns) width='9' height='9'><rect width='9' height='9'/></svg>"
        let svgz = try sanitize(Self.image("image/svg+xml", try #require(Self.gzip(Array(small.utf8)))))
        #expect(svgz.text.contains("data:image/svg+xml;base64,") && svgz.changes.isEmpty)
    }

    static func gzip(_ bytes: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard
            deflateInit2_(
                &stream, 9, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
                == Z_OK
        else { return nil }
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 64)
        var input = bytes
        let produced: Int? = input.withUnsafeMutableBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return deflate(&stream, Z_FINISH) == Z_STREAM_END ? target.count - Int(stream.avail_out) : nil
            }
        }
        return produced.map { Array(out[..<$0]) }
    }
}
