import BillRaster
import BillRender
import Foundation
import PixelSupport
import TestSupport
import Testing

/// PDF and SVG bills read back by independent readers: poppler-utils (pdftotext, pdfinfo, pdffonts,
/// pdfimages, pdftoppm), librsvg's rsvg-convert and zbarimg.
@Suite("PDF and SVG output")
struct VectorOutputTests {
    static let spec = "spec-rest-example"

    /// Renders a golden bill and writes it into `dir`.
    private static func render(
        _ json: [UInt8], _ format: OutputFormat, options: RenderOptions = RenderOptions(), in dir: ESCPOSTempDirectory,
        name: String
    ) throws -> String {
        let rendered = try BillRenderer.render(json: json, format: format, options: options)
        return try dir.write(name, rendered.bytes)
    }

    /// A `key: value` field of pdfinfo's report.
    private static func field(_ report: String, _ key: String) -> String? {
        report.split(separator: "\n").first { $0.hasPrefix(key + ":") }
            .map { $0.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    /// The page sizes pdfinfo reports, in points.
    private static func pageSizes(_ path: String, pages: Int) throws -> [(width: Double, height: Double)] {
        let report = try ExternalTool.run("pdfinfo", ["-f", "1", "-l", "\(pages)", path]).text
        return report.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }.compactMap {
            line in
            let words = line.split(separator: " ")
            guard let x = words.firstIndex(of: "x"), x > 0, x + 1 < words.count,
                let width = Double(words[x - 1]), let height = Double(words[x + 1])
            else { return nil }
            return (width, height)
        }
    }

    @Test func specExampleIsOnePageEightyMillimetresWideWithEmbeddedFontsAndNoImages() throws {
        let dir = try ESCPOSTempDirectory()
        let pdf = try Self.render(try Repository.goldenBill(Self.spec), .pdf, in: dir, name: "spec.pdf")
        let info = try ExternalTool.run("pdfinfo", [pdf])
        #expect(info.status == 0)
        #expect(Self.field(info.text, "Pages") == "1")
        let size = try #require(try Self.pageSizes(pdf, pages: 1).first)
        // 80 mm = 226.77 pt.
        #expect(abs(size.width - 80 * 72 / 25.4) < 0.01)
        #expect(size.height < 14_400)
        #expect(Self.field(info.text, "Title") == "Dojo, order Table 5")
        #expect(Self.field(info.text, "CreationDate")?.hasPrefix("Tue Mar 15 20:00:00 2022") == true)

        let fonts = try ExternalTool.run("pdffonts", [pdf]).text.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for font in fonts {
            // name type encoding emb sub uni object ID: every font embedded, subset, with a ToUnicode map.
            let columns = font.split(separator: " ").suffix(5)
            #expect(Array(columns.prefix(3)) == ["yes", "yes", "yes"], "\(font)")
        }
        let images = try ExternalTool.run("pdfimages", ["-list", pdf]).text.split(separator: "\n")
        #expect(images.count == 2, "raster images in the PDF: \(images.dropFirst(2))")
    }

    @Test func specExampleTextLayerHasEveryItemAmountTheTaxNumberAndTheURL() throws {
        let dir = try ESCPOSTempDirectory()
        let json = try Repository.goldenBill(Self.spec)
        let pdf = try Self.render(json, .pdf, in: dir, name: "spec.pdf")
        let text = try ExternalTool.run("pdftotext", ["-layout", pdf, "-"]).text
        for expected in [
            "2 x Pizza Pepperoni", "£24.70", "2 x Lager", "£10.20", "1 x Water Still", "£0.50", "2 x Coca Cola",
            "£4.98", "1 x Burger", "£10.90", "+ No Lettuce", "+ Extra Cheese", "+ Bacon", "£62.18", "-£6.21",
            "£62.95", "VAT No. 342 6287 32", "https://www.website.com", "Dojo", "Brunel Building",
        ] {
            #expect(text.contains(expected), "\(expected) missing from the text layer")
        }
        // Reading order: the header before the items before the totals before the footer.
        let order = ["Brunel Building", "Pizza Pepperoni", "Subtotal", "TOTAL", "https://www.website.com", "VAT No."]
        let positions = order.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted())
        let mismatch = Golden.mismatch(text, matches: "pdf/\(Self.spec).80mm.txt")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func qrCodeScansFromTheRasterisedPDFAndSVG() throws {
        let dir = try ESCPOSTempDirectory()
        let json = try Repository.goldenBill(Self.spec)
        let pdf = try Self.render(json, .pdf, in: dir, name: "spec.pdf")
        let svg = try Self.render(json, .svg, in: dir, name: "spec.svg")
        #expect(
            try ExternalTool.run("pdftoppm", ["-r", "203", "-png", "-singlefile", pdf, dir.path + "/pdf"]).status == 0)
        #expect(
            try ExternalTool.run(
                "rsvg-convert", ["-b", "white", "-d", "203", "-p", "203", svg, "-o", dir.path + "/svg.png"]
            )
            .status == 0)
        for png in ["pdf.png", "svg.png"] {
            let found = try ExternalTool.run("zbarimg", ["--raw", "-q", dir.path + "/" + png]).text
            #expect(found.split(separator: "\n") == ["https://www.website.com"], "\(png)")
        }
        // The SVG is the PDF's page: the same size when both are drawn at 203 dpi (IHDR's width and height).
        let fromPDF = try dir.read("pdf.png")[16..<24]
        let fromSVG = try dir.read("svg.png")[16..<24]
        #expect(fromPDF.elementsEqual(fromSVG))
    }

    /// The PDF drawn at the printer's 203 dpi against the 1-bit PNG of the same layout: the same
    /// ink in the same places. The PDF is antialiased and its glyphs unhinted, so edges differ by a
    /// pixel; the tolerance is that at most 2 % of either image's dark pixels have no dark pixel of
    /// the other within one pixel (the spec example measures 0.56 % and 0.05 %). A line moved by a
    /// row, a missing word or a missing QR code is far over it.
    @Test(arguments: ["spec-rest-example", "all-lines", "cjk-names"])
    func pdfAt203DPIMatchesTheOneBitPNG(bill: String) throws {
        let dir = try ESCPOSTempDirectory()
        let json = try Repository.goldenBill(bill)
        let pdf = try Self.render(json, .pdf, in: dir, name: "bill.pdf")
        let png = try PixelPNG.decode(try BillRenderer.render(json: json, format: .png).bytes)
        #expect(
            try ExternalTool.run("pdftoppm", ["-r", "203", "-gray", "-singlefile", pdf, dir.path + "/page"]).status == 0
        )
        let page = try Self.readPGM(try dir.read("page.pgm"))
        // 4 mm margins top and bottom, (80 mm − 576 dots) / 2 at the sides: 32 pixels at 203 dpi.
        #expect(page.height == png.height + 64 && page.width == 640)
        func pdfDark(_ x: Int, _ y: Int) -> Bool { page[x + 32, y + 32] < 128 }
        func pngDark(_ x: Int, _ y: Int) -> Bool { png[x, y] < 128 }
        func near(_ x: Int, _ y: Int, _ dark: (Int, Int) -> Bool) -> Bool {
            for dy in -1...1 {
                for dx in -1...1 where dark(x + dx, y + dy) { return true }
            }
            return false
        }
        var pngDarkCount = 0
        var pdfDarkCount = 0
        var pngAlone = 0
        var pdfAlone = 0
        for y in 0..<png.height {
            for x in 0..<png.width {
                if pngDark(x, y) {
                    pngDarkCount += 1
                    if !near(x, y, pdfDark) { pngAlone += 1 }
                }
                if pdfDark(x, y) {
                    pdfDarkCount += 1
                    if !near(x, y, pngDark) { pdfAlone += 1 }
                }
            }
        }
        #expect(pngDarkCount > 1000 && pdfDarkCount > 1000)
        #expect(Double(pngAlone) <= 0.02 * Double(pngDarkCount), "\(pngAlone) of \(pngDarkCount) PNG dots unmatched")
        #expect(Double(pdfAlone) <= 0.02 * Double(pdfDarkCount), "\(pdfAlone) of \(pdfDarkCount) PDF pixels unmatched")
    }

    @Test func svgRendersWithRsvgConvert() throws {
        let dir = try ESCPOSTempDirectory()
        let svg = try Self.render(try Repository.goldenBill(Self.spec), .svg, in: dir, name: "spec.svg")
        let out = try ExternalTool.run("rsvg-convert", ["--format", "png", svg])
        #expect(out.status == 0 && out.bytes.count > 24)
        // 80 mm at 96 px per inch (IHDR's width).
        let width = out.bytes.dropFirst(16).prefix(4).reduce(0) { $0 << 8 | Int($1) }
        #expect(abs(width - 302) <= 1)
    }

    /// Shaped scripts go into the PDF as text too (Pango shows glyphs with their clusters), every
    /// font embedded.
    @Test func shapedScriptsAreTextInThePDF() throws {
        let dir = try ESCPOSTempDirectory()
        let pdf = try Self.render(try Repository.goldenBill("mixed-scripts"), .pdf, in: dir, name: "mixed.pdf")
        let text = try ExternalTool.run("pdftotext", ["-layout", pdf, "-"]).text
        for expected in ["حمص", "שקשוקה", "पनीर", "ผัดไทย", "北京烤鸭", "Hummus", "Pad Thai", "£24.80"] {
            #expect(text.contains(expected), "\(expected) missing from the text layer")
        }
        let fonts = try ExternalTool.run("pdffonts", [pdf]).text.split(separator: "\n").dropFirst(2)
        #expect(fonts.contains { $0.contains("NotoSansArabic") } && fonts.contains { $0.contains("NotoSansThai") })
        for font in fonts { #expect(Array(font.split(separator: " ").suffix(5).prefix(2)) == ["yes", "yes"]) }
    }

    @Test func narrowPaperGivesAFiftyEightMillimetrePage() throws {
        let dir = try ESCPOSTempDirectory()
        let options = RenderOptions(profile: .generic58mm)
        let pdf = try Self.render(try Repository.goldenBill(Self.spec), .pdf, options: options, in: dir, name: "58.pdf")
        let size = try #require(try Self.pageSizes(pdf, pages: 1).first)
        #expect(abs(size.width - 58 * 72 / 25.4) < 0.01)
        let text = try ExternalTool.run("pdftotext", ["-layout", pdf, "-"]).text
        #expect(text.contains("VAT No. 342 6287 32") && text.contains("2 x Pizza Pepperoni"))
    }

    /// A bill of `count` items named `Item 0001 …`, each one line with its amount.
    static func bill(items count: Int) -> [UInt8] {
        let items = (1...count).map { i in
            #"{"name": "Item \#(String(format: "%04d", i)) soup", "plu": "\#(i)", "quantity": 1, "amountPerItem": {"value": \#(100 + i), "currencyCode": "GBP"}}"#
        }
        let json = """
            {"header": {"lines": [{"lineType": "MerchantName", "merchantName": {"name": "Long Bistro"}}]},
             "order": {"id": "long", "items": [\(items.joined(separator: ","))]},
             "footer": {"lines": [{"lineType": "URL", "url": {"url": "https://example.com/bill", "showQR": true, "showURL": true}},
               {"lineType": "TaxNumber", "taxNumber": {"name": "VAT", "number": "123 4567 89"}}]}}
            """
        return Array(json.utf8)
    }

    @Test func threeThousandItemsSplitIntoPagesUnderTwoHundredInchesWithNoLineCut() throws {
        let dir = try ESCPOSTempDirectory()
        let pdf = try Self.render(Self.bill(items: 3000), .pdf, in: dir, name: "long.pdf")
        let pages = try #require(Int(Self.field(try ExternalTool.run("pdfinfo", [pdf]).text, "Pages") ?? ""))
        #expect(pages > 1)
        let sizes = try Self.pageSizes(pdf, pages: pages)
        #expect(sizes.count == pages)
        for size in sizes {
            #expect(size.height <= 14_400 && size.height > 100)
            #expect(abs(size.width - 80 * 72 / 25.4) < 0.01)
        }
        // Every item on exactly one line of one page, with its amount: no line is cut in half.
        var seen = Set<Int>()
        for page in 1...pages {
            let text = try ExternalTool.run("pdftotext", ["-layout", "-f", "\(page)", "-l", "\(page)", pdf, "-"]).text
            for line in text.split(separator: "\n") where line.contains("Item ") {
                let words = line.split(separator: " ")
                let number = try #require(words.firstIndex(of: "Item").flatMap { Int(words[$0 + 1]) }, "\(line)")
                #expect(seen.insert(number).inserted, "item \(number) twice")
                #expect(line.hasSuffix("£\(String(format: "%.2f", Double(100 + number) / 100))"), "\(line)")
            }
        }
        #expect(seen == Set(1...3000))
        #expect(
            try ExternalTool.run("pdftotext", ["-f", "\(pages)", "-l", "\(pages)", pdf, "-"]).text.contains(
                "123 4567 89"))
    }

    @Test func pagesBreakBetweenLinesAtTheLimitAsked() throws {
        let layout = BillRenderer.layout(
            try #require(BillRenderer.decode(json: Self.bill(items: 40)).bill)
        ).layout
        let document = try VectorRenderer.pdf(layout, vector: VectorOptions(maxPageHeight: 200))
        // 200 pt less two 4 mm margins is 177 pt, 499 dots: 20 lines of 24 dots a page.
        let lines = layout.blocks.filter { if case .text = $0 { true } else { false } }.count
        #expect(document.pages >= lines / 20)
        let dir = try ESCPOSTempDirectory()
        let pdf = try dir.write("short-pages.pdf", document.bytes)
        for size in try Self.pageSizes(pdf, pages: document.pages) { #expect(size.height <= 200) }
        let text = try ExternalTool.run("pdftotext", ["-layout", pdf, "-"]).text
        for i in 1...40 { #expect(text.contains("Item \(String(format: "%04d", i)) soup"), "item \(i)") }
    }

    @Test func anUnreadablePictureIsLeftOutWithADiagnosticAndThePDFStillMade() throws {
        var bill = try #require(BillRenderer.decode(json: Self.bill(items: 2)).bill)
        bill.header.lines.insert(.logo(svg: "<svg><unclosed"), at: 0)
        bill.header.lines.append(
            .image(
                svg:
                    "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><image href='file:///etc/passwd' width='10' height='10'/></svg>",
                align: .center))
        let rendered = try BillRenderer.render(bill, format: .pdf)
        #expect(rendered.diagnostics.contains { $0.code == .invalidSVG })
        let dir = try ESCPOSTempDirectory()
        let pdf = try dir.write("bad-logo.pdf", rendered.bytes)
        let text = try ExternalTool.run("pdftotext", [pdf, "-"]).text
        #expect(text.contains("Item 0001 soup") && !text.contains("root:"))
        let images = try ExternalTool.run("pdfimages", ["-list", pdf]).text.split(separator: "\n")
        #expect(images.count == 2)
    }

    /// Cairo dates a PDF now unless told otherwise, so a date it is not given shows as today's.
    @Test func aCreationDateNotInISOFormIsNotPassedOn() throws {
        let layout = BillRenderer.layout(try #require(BillRenderer.decode(json: Self.bill(items: 1)).bill)).layout
        let dir = try ESCPOSTempDirectory()
        for (date, expected) in [
            ("2024-05-01T12:30:00Z", true), ("yesterday", false), ("2024-05-01T12:30:00.123+02:00", true),
            ("2024-05-01T12:30:00 and more", false),
        ] {
            let document = try VectorRenderer.pdf(layout, vector: VectorOptions(title: "Bill (1)", creationDate: date))
            let pdf = try dir.write("dated.pdf", document.bytes)
            let info = try ExternalTool.run("pdfinfo", [pdf]).text
            #expect((Self.field(info, "CreationDate")?.contains("May  1 1") == true) == expected, "\(date)")
            #expect(Self.field(info, "Title") == "Bill (1)")
        }
    }

    @Test(arguments: ["pdf", "svg"])
    func theCommandLineWritesPDFAndSVG(format: String) throws {
        let dir = try ESCPOSTempDirectory()
        let out = dir.path + "/bill." + format
        let run = try CLIRunner.run(["golden/bills/\(Self.spec).json", "--format", format, "-o", out])
        #expect(run.status == 0)
        if format == "pdf" {
            #expect(try ExternalTool.run("pdftotext", [out, "-"]).text.contains("VAT No. 342 6287 32"))
        } else {
            #expect(try ExternalTool.run("rsvg-convert", [out]).status == 0)
        }
    }

    /// A binary PGM (P5, 8-bit), as pdftoppm -gray writes it.
    static func readPGM(_ bytes: [UInt8]) throws -> PixelImage {
        var fields: [Int] = []
        var index = 2
        guard bytes.starts(with: Array("P5".utf8)) else { throw PGMError.notPGM }
        while fields.count < 3 {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A { index += 1 }
            var value = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            fields.append(value)
        }
        index += 1
        let (width, height) = (fields[0], fields[1])
        guard fields[2] == 255, bytes.count - index == width * height else { throw PGMError.notPGM }
        return PixelImage(width: width, height: height, gray: Array(bytes[index...]))
    }

    enum PGMError: Error { case notPGM }
}
