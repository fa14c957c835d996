import BillRender
import Foundation
import PixelSupport
import TestSupport
import Testing

/// Bills an attacker would send, whole, in every format and on every built-in profile: each
/// renders (or fails cleanly), a hostile picture costs the bill only that picture with a warning
/// naming its JSON path, and pathological text stays bounded. Outcomes only, never times.
@Suite struct HostileInputTests {
    static let ns = #"xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink""#

    static func bill(logo svg: String, itemName: String = "Soup") -> [UInt8] {
        let line: [String: Any] = ["lineType": "Logo", "logo": ["svgImage": svg]]
        let object: [String: Any] = [
            "header": ["lines": [line]],
            "order": [
                "items": [
                    [
                        "name": itemName, "plu": "1", "quantity": 1,
                        "amountPerItem": ["value": 100, "currencyCode": "GBP"],
                    ]
                ],
                "totalAmount": ["value": 100, "currencyCode": "GBP"],
            ],
            "footer": ["lines": []],
        ]
        return Array((try? JSONSerialization.data(withJSONObject: object)) ?? Data())
    }

    static func svg(_ body: String, _ attributes: String = #"width="200" height="100""#) -> String {
        "<svg \(ns) \(attributes)>\(body)</svg>"
    }

    /// A PNG of zeros, `side` pixels square: a few KB compressed, `side²` decoded.
    static func zeroPNG(side: Int) -> String {
        let png = PixelPNG.encode(
            PixelImage(width: side, height: side, gray: [UInt8](repeating: 0, count: side * side)))
        return "data:image/png;base64," + Data(png).base64EncodedString()
    }

    /// Hostile pictures, each with what its warning must say.
    static let pictures: [(name: String, svg: String, says: String)] = [
        ("huge font size", svg(#"<text y="50" font-size="1e30">Dojo</text>"#), "font sizes over"),
        (
            "embedded PNG over the pixel budget", svg(#"<image width="9" height="9" href="\#(zeroPNG(side: 2100))"/>"#),
            "more than the limit of"
        ),
        (
            "filters",
            svg(
                #"<filter id="f"><feGaussianBlur stdDeviation="900"/></filter><rect filter="url(#f)" width="9" height="9"/>"#
            ),
            "filters"
        ),
        (
            "use amplification",
            svg(
                "<defs><g id=\"a0\"><rect width=\"1\" height=\"1\"/></g>"
                    + (1...6).map { level in
                        "<g id=\"a\(level)\">" + String(repeating: "<use href=\"#a\(level - 1)\"/>", count: 10) + "</g>"
                    }.joined() + "</defs><use href=\"#a6\"/>"), "once <use> and references are expanded"
        ),
        (
            "a million gradient stops",
            svg(
                "<linearGradient id=\"g\">" + String(repeating: "<stop offset=\"1\"/>", count: 5_000)
                    + "</linearGradient>"),
            "stops"
        ),
        (
            "pattern recursion",
            svg(
                #"<pattern id="p" width="1" height="1"><rect width="1" height="1" fill="url(#p)"/></pattern><rect width="9" height="9" fill="url(#p)"/>"#
            ),
            "patterns"
        ),
        (
            "xml:base and external image",
            svg(#"<g xml:base="file:///etc/"><image width="9" height="9" href="passwd"/></g>"#), "xml:base"
        ),
        (
            "XInclude",
            svg(#"<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>"#),
            "XInclude"
        ),
        (
            "style-sheet instruction",
            #"<?xml-stylesheet type="text/css" href="file:///etc/passwd"?>"# + svg("<rect width=\"9\" height=\"9\"/>"),
            "xml-stylesheet"
        ),
        (
            "CSS @import", svg(#"<style>@import url("file:///etc/passwd");</style><rect width="9" height="9"/>"#),
            "@import"
        ),
        (
            "font by path", svg(#"<text font-family="/usr/share/fonts/x.ttf" y="9">x</text>"#),
            "font families named by path"
        ),
        (
            "animation", svg(#"<rect width="9" height="9"><animate attributeName="width" to="1e9" dur="1s"/></rect>"#),
            "animation"
        ),
        ("malformed", "<svg \(ns)><g></svg>", "cannot be drawn"),
    ]

    @Test(arguments: pictures.map(\.name))
    func aHostilePictureCostsOnlyThatPicture(name: String) throws {
        let picture = try #require(Self.pictures.first { $0.name == name })
        let input = Self.bill(logo: picture.svg)
        let star: [(PrinterProfile, OutputFormat)] = [
            (.starTSP654II, .printer), (.starTSP143IV, .printer), (.starTSP100III, .printer),
        ]
        let escpos = [PrinterProfile.generic80mm, .generic58mm, .epsonTMT88, .raster80mm].flatMap { profile in
            [OutputFormat.escpos, .png].map { (profile, $0) }
        }
        for (profile, format) in escpos + star {
            do {
                let output = try BillRenderer.render(
                    json: input, format: format, options: RenderOptions(profile: profile))
                let warning = output.diagnostics.first { $0.path == "header.lines[0].logo.svgImage" }
                #expect(
                    warning?.message.contains(picture.says) == true, "\(format) \(profile.name): \(output.diagnostics)")
                #expect(!output.bytes.isEmpty)
            }
        }
    }

    @Test func combiningFloodsAreCutAndBounded() throws {
        let flood = "a" + String(repeating: "\u{301}\u{316}\u{334}", count: 1300)
        let input = Self.bill(logo: "", itemName: String(repeating: flood, count: 3))
        for format in OutputFormat.allCases {
            let output = try BillRenderer.render(
                json: input, format: format, options: RenderOptions(profile: .speaking(format, narrow: true)))
            #expect(output.diagnostics.contains { $0.code == .limitExceeded && $0.path == "order.items[0].name" })
            // 3 letters of at most 32 scalars each: the output stays small.
            #expect(output.bytes.count < 400_000, "\(format): \(output.bytes.count) bytes")
        }
    }

    @Test func thousandsOfDistinctUnprintableCharactersGiveFewWarnings() throws {
        let privateUse = String(String.UnicodeScalarView((0xE000..<0xE000 + 3000).compactMap(Unicode.Scalar.init)))
        let input = Self.bill(logo: "", itemName: privateUse)
        let output = try BillRenderer.render(json: input, format: .escpos)
        #expect(output.diagnostics.filter { $0.code == .unprintableCharacter }.count <= 34)
    }

    @Test func aBillOverTheLineBudgetIsRefusedCleanly() throws {
        let input = Self.bill(logo: "", itemName: String(repeating: "word ", count: 800))
        for format in OutputFormat.allCases {
            var options = RenderOptions(profile: .speaking(format))
            options.layout.maxLines = 20
            do {
                _ = try BillRenderer.render(json: input, format: format, options: options)
                Issue.record("\(format): rendered a bill over the line budget")
            } catch .invalidBill(let diagnostics) {
                #expect(diagnostics.contains { $0.code == .limitExceeded && $0.severity == .error })
            } catch {
                Issue.record("\(format): \(error)")
            }
        }
        // The default budget takes it.
        #expect(try BillRenderer.render(json: input, format: .text).bytes.count > 4000)
    }
}
