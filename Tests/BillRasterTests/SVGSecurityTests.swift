import BillLayout
import Foundation
import PixelSupport
import TestSupport
import Testing

@testable import BillRaster

/// SVG is untrusted: nothing outside the document loads, and hostile documents fail cleanly.
@Suite("SVG security")
struct SVGSecurityTests {
    let rasterizer = SVGRasterizer(dither: .threshold)

    /// An 8 × 8 black PNG.
    static let blackPNG = PixelPNG.encode(PixelImage(width: 8, height: 8, gray: [UInt8](repeating: 0, count: 64)))

    static func imageSVG(href: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="16" height="8">
        <image href="\(href)" x="0" y="0" width="8" height="8"/>
        <image xlink:href="\(href)" x="8" y="0" width="8" height="8"/>
        </svg>
        """
    }

    @Test func embeddedDataURLImageIsDrawn() throws {
        // The control: the same picture inside the document does print, so the tests below can fail.
        let href = "data:image/png;base64," + Data(Self.blackPNG).base64EncodedString()
        let bitmap = try rasterizer.bitmap(Self.imageSVG(href: href), maxWidth: 16, maxHeight: 8)
        #expect(bitmap.blackCount == 128)
    }

    @Test func fileReferencesLoadNothing() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "billraster-black-\(UUID().uuidString).png")
        try Data(Self.blackPNG).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        for href in ["file://\(url.path)", url.path, url.lastPathComponent, "file:///etc/passwd"] {
            let bitmap = try rasterizer.bitmap(Self.imageSVG(href: href), maxWidth: 16, maxHeight: 8)
            #expect(bitmap.width == 16 && bitmap.height == 8)
            #expect(bitmap.blackCount == 0, "\(href) was loaded")
        }
    }

    @Test func httpReferencesConnectToNothing() throws {
        let listener = try #require(LocalListener())
        let svg =
            Self.imageSVG(href: "http://127.0.0.1:\(listener.port)/logo.png")
            + "<!-- \(listener.port) -->"
        let css = """
            <svg xmlns="http://www.w3.org/2000/svg" width="16" height="16">
            <style>@import url("http://127.0.0.1:\(listener.port)/a.css");</style>
            <rect width="16" height="16" fill="url(http://127.0.0.1:\(listener.port)/p.svg#g)"/>
            <use href="http://127.0.0.1:\(listener.port)/u.svg#x"/>
            </svg>
            """
        for document in [svg, css] {
            let bitmap = try rasterizer.bitmap(document, maxWidth: 16, maxHeight: 16)
            #expect(bitmap.blackCount == 0)
        }
        #expect(!listener.hasPendingConnection())
    }

    @Test func externalEntitiesAreNotRead() {
        let svg = """
            <?xml version="1.0"?>
            <!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <svg xmlns="http://www.w3.org/2000/svg" width="400" height="40"><text x="0" y="30">&secret;</text></svg>
            """
        // Either librsvg refuses the document or it draws no text: nothing of the file shows.
        if let bitmap = try? rasterizer.bitmap(svg, maxWidth: 400, maxHeight: 40) {
            #expect(bitmap.blackCount == 0)
        }
    }

    @Test func billionLaughsIsNotExpanded() throws {
        var entities = #"<!ENTITY lol0 "lollollollollollollollollollol">"#
        for level in 1...9 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let svg = """
            <?xml version="1.0"?><!DOCTYPE svg [\(entities)]>
            <svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><title>&lol9;</title>
            <rect width="20" height="20"/></svg>
            """
        // The DTD is never read: the entities are undefined, the title is empty, and the rest draws.
        let sanitized = try SVGSanitizer.sanitize(svg, limits: SVGLimits())
        #expect(sanitized.changes.contains("entities defined in a DTD"))
        #expect(sanitized.text.utf8.count < 300)
        let bitmap = try rasterizer.bitmap(svg, maxWidth: 20, maxHeight: 20)
        #expect(bitmap.blackCount == 400)
    }

    @Test func deeplyNestedGroupsAreRefused() {
        let depth = 20_000
        let svg =
            #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">"#
            + String(repeating: "<g>", count: depth) + #"<rect width="10" height="10"/>"#
            + String(repeating: "</g>", count: depth) + "</svg>"
        #expect(throws: RasterError.self) { try rasterizer.bitmap(svg, maxWidth: 10, maxHeight: 10) }
    }

    @Test func oversizedInputIsRefusedBeforeParsing() {
        let limited = SVGRasterizer(limits: SVGLimits(maxBytes: 1000))
        let svg =
            #"<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1">"# + String(repeating: " ", count: 1000)
            + "</svg>"
        #expect(throws: RasterError.svgTooLarge(bytes: svg.utf8.count, limit: 1000)) {
            try limited.bitmap(svg, maxWidth: 10, maxHeight: 10)
        }
    }

    @Test func hugeDimensionsAreClampedToTheBox() throws {
        let svg =
            #"<svg xmlns="http://www.w3.org/2000/svg" width="1000000000" height="2000000000" viewBox="0 0 1 2"><rect width="1" height="2"/></svg>"#
        let bitmap = try rasterizer.bitmap(svg, maxWidth: 576, maxHeight: 1024)
        #expect(bitmap.width == 512 && bitmap.height == 1024)
        #expect(bitmap.blackCount == 512 * 1024)
    }

    @Test func hugeViewBoxScalesDown() throws {
        let svg =
            #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1e9 1e9"><rect width="5e8" height="1e9"/></svg>"#
        let bitmap = try rasterizer.bitmap(svg, maxWidth: 100, maxHeight: 100)
        #expect(bitmap.width == 100 && bitmap.height == 100)
        #expect(bitmap.blackCount == 50 * 100)
    }

    @Test func oneByOneSVG() throws {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect width="1" height="1"/></svg>"#
        let natural = try rasterizer.bitmap(svg, maxWidth: 576, maxHeight: 1024, growToFit: false)
        #expect(natural.width == 1 && natural.height == 1 && natural.blackCount == 1)
        let grown = try rasterizer.bitmap(svg, maxWidth: 576, maxHeight: 1024)
        #expect(grown.width == 576 && grown.height == 576 && grown.blackCount == 576 * 576)
    }

    @Test(arguments: [
        "", "   \n", "<svg", "not svg at all", "<html><body/></html>",
        #"<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/>"#,
    ])
    func malformedOrEmptySVGThrows(svg: String) {
        #expect(throws: RasterError.self) { try rasterizer.bitmap(svg, maxWidth: 100, maxHeight: 100) }
    }

    @Test func svgWithoutAnySizeIsEmpty() {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg"/>"#
        #expect(throws: RasterError.svgEmpty) { try rasterizer.bitmap(svg, maxWidth: 100, maxHeight: 100) }
    }
}
