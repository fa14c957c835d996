import BillESCPOS
import BillProfiles
import BillRaster
import BillRender
import BillText
import TestSupport
import Testing

/// Every bill of `golden/bills/` at 80 and 58 mm through the real layout engine: the ESC/POS
/// bytes and their listing are goldens, every stream passes the decoder's checks, and the decoded
/// text is the text output's, line for line.
@Suite struct ESCPOSGoldenTests {
    static let bills = Repository.goldenBillNames

    @Test(arguments: bills)
    func escposGoldens(bill name: String) throws {
        let json = try Repository.goldenBill(name)
        for (paper, profile) in LayoutCheck.papers {
            let layout = try LayoutCheck.layout(json: json, profile: profile).layout
            let output = try ESCPOSEncoder.encode(layout, profile: profile, pictures: RasterPictureRenderer())
            let decoded = ESCPOSDecoder.decode(output.bytes, profile: profile)
            #expect(decoded.problems == [], "\(name) \(paper)")
            #expect(decoded.cuts == 1, "\(name) \(paper)")
            let text = TextRenderer.render(layout, options: TextRenderOptions(unicodeQR: false))
            #expect(
                PrintedLines.differences(
                    decoded: decoded.lines, text: text, diagnostics: output.diagnostics, profile: profile,
                    "\(name) \(paper)") == [])
            #expect(Golden.mismatch(output.bytes, matches: "escpos/\(name).\(paper).bin") == nil)
            #expect(
                Golden.mismatch(
                    ESCPOSListing.listing(output.bytes, profile: profile), matches: "escpos/\(name).\(paper).listing")
                    == nil)
        }
    }

    @Test(arguments: [16, 37, 42, 64])
    func everyBillAtOddColumnsKeepsTheInvariants(columns: Int) throws {
        for name in Self.bills {
            for profile in PrinterProfile.builtIn where profile.language == .escpos {
                let layout = try LayoutCheck.layout(
                    json: try Repository.goldenBill(name), profile: profile, columns: columns
                ).layout
                let output = try ESCPOSEncoder.encode(
                    layout, profile: profile, options: ESCPOSOptions(openDrawer: true),
                    pictures: RasterPictureRenderer())
                let decoded = ESCPOSDecoder.decode(output.bytes, profile: profile)
                #expect(decoded.problems == [], "\(name) \(profile.name) \(columns) columns")
                #expect(decoded.cuts == (profile.capabilities.cutter ? 1 : 0))
                #expect(decoded.drawerPulses == (profile.capabilities.drawer ? 1 : 0))
                let rasterOnly = !profile.capabilities.textMode
                #expect(decoded.commands.contains(.font(1)) == (layout.grid.font == 1 && !rasterOnly))
            }
        }
    }

    @Test func specExampleQRIsNativeAndPoundIsInTheSelectedTable() throws {
        let layout = try LayoutCheck.layout(json: try Repository.goldenBill("spec-rest-example")).layout
        let output = try ESCPOSEncoder.encode(layout, profile: .generic80mm, pictures: RasterPictureRenderer())
        let decoded = ESCPOSDecoder.decode(output.bytes, profile: .generic80mm)
        #expect(decoded.problems == [])
        #expect(decoded.qrPayloads == ["https://www.website.com"])
        #expect(decoded.lines.contains { $0.contains("£") })
        // The logo and the image line print as raster, with nothing to report.
        #expect(output.diagnostics == [])
        #expect(decoded.rasterImages.count == 2)
    }

    @Test func docsExampleIsSmallerThanPythonEscpos() throws {
        // python-escpos 3.1 via ../shared/peers/pyescpos_bill.py --qr native: 1559 bytes for this bill.
        let layout = try LayoutCheck.layout(json: try Repository.goldenBill("docs-example")).layout
        let output = try ESCPOSEncoder.encode(layout, profile: .generic80mm, pictures: RasterPictureRenderer())
        #expect(output.bytes.count <= 1559)
    }
}
