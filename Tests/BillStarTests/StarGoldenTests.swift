import BillESCPOS
import BillLayout
import BillProfiles
import BillRaster
import BillRender
import BillStar
import BillText
import PixelSupport
import TestSupport
import Testing

/// Every bill of `golden/bills/` on one profile of each language at 80 mm (Epson TM-T20III in
/// ESC/POS, TSP654II in Star Line mode, TSP143IV in StarPRNT, TSP100III in Star Graphic) and on the
/// 58 mm SM-L200 (StarPRNT): the bytes and their listing are goldens, every stream passes its
/// decoder's checks, the decoded text is the text output's line for line, the pictures are the
/// PNG's, and the Star Graphic page is the 1-bit PNG dot for dot.
@Suite struct StarGoldenTests {
    static let bills = Repository.goldenBillNames

    @Test(arguments: bills)
    func printerGoldens(bill name: String) throws {
        let json = try Repository.goldenBill(name)
        for (label, profile) in PrinterProfile.languageGoldens {
            let context = "\(name) \(label)"
            let layout = try LayoutCheck.layout(json: json, profile: profile).layout
            let output = try BillRenderer.printerBytes(
                layout, language: profile.language, options: RenderOptions(profile: profile))
            let text = TextRenderer.render(layout, options: TextRenderOptions(unicodeQR: false))
            let png = try RasterRenderer.bitmap(layout).bitmap
            let listing: String
            switch profile.language {
            case .escpos:
                let decoded = ESCPOSDecoder.decode(output.bytes, profile: profile)
                #expect(decoded.problems == [], "\(context)")
                #expect(decoded.cuts == 1, "\(context)")
                #expect(
                    PrintedLines.differences(
                        decoded: decoded.lines, text: text, diagnostics: output.diagnostics, profile: profile, context)
                        == [])
                for picture in decoded.rasterImages {
                    #expect(png.firstRow(showing: picture) != nil, "\(context): a picture the PNG does not show")
                }
                listing = ESCPOSListing.listing(output.bytes, profile: profile)
            case .starline, .starprnt:
                let decoded = StarDecoder.decode(output.bytes, profile: profile)
                #expect(decoded.problems == [], "\(context)")
                #expect(decoded.cuts == (profile.capabilities.cutter ? 1 : 0), "\(context)")
                #expect(
                    PrintedLines.differences(
                        decoded: decoded.lines, text: text, diagnostics: output.diagnostics, profile: profile, context)
                        == [])
                for picture in decoded.rasterImages {
                    #expect(png.firstRow(showing: picture) != nil, "\(context): a picture the PNG does not show")
                }
                listing = StarListing.listing(output.bytes, profile: profile)
            case .stargraphic:
                let decoded = StarDecoder.decode(output.bytes, profile: profile)
                #expect(decoded.problems == [], "\(context)")
                #expect(decoded.cuts == 1, "\(context)")
                #expect(decoded.page == png, "\(context): the page is not the PNG dot for dot")
                listing = StarListing.listing(output.bytes, profile: profile)
            }
            #expect(!listing.contains("UNKNOWN"), "\(context)")
            #expect(Golden.mismatch(output.bytes, matches: "printers/\(name).\(label).bin") == nil)
            #expect(Golden.mismatch(listing, matches: "printers/\(name).\(label).listing") == nil)
        }
    }

    @Test(arguments: [16, 42])
    func everyBillAtOddColumnsOnEveryStarModelKeepsTheInvariants(columns: Int) throws {
        for name in Self.bills {
            for profile in PrinterProfile.builtIn where profile.language != .escpos {
                let layout = try LayoutCheck.layout(
                    json: try Repository.goldenBill(name), profile: profile, columns: columns
                ).layout
                var options = RenderOptions(profile: profile)
                options.escpos.openDrawer = true
                let output = try BillRenderer.printerBytes(layout, language: profile.language, options: options)
                let decoded = StarDecoder.decode(output.bytes, profile: profile)
                #expect(decoded.problems == [], "\(name) \(profile.name) \(columns) columns")
                #expect(decoded.cuts == (profile.capabilities.cutter ? 1 : 0))
                #expect(decoded.drawerPulses == (profile.capabilities.drawer ? 1 : 0))
                #expect(decoded.commands.contains(.font(1)) == (layout.grid.font == 1 && profile.capabilities.textMode))
            }
        }
    }
}
