import BillESCPOS
import BillLayout
import BillModel
import BillProfiles
import TestSupport
import Testing

/// The encoder on hand-built layouts, every output walked by the test decoder.
struct ESCPOSEncoderTests {
    /// Encodes, decodes and checks the decoder's invariants.
    func render(
        _ layout: Layout, _ profile: PrinterProfile = .generic80mm,
        _ options: ESCPOSOptions = ESCPOSOptions()
    ) throws -> (ESCPOSOutput, ESCPOSDecoded) {
        let output = try ESCPOSEncoder.encode(
            layout, profile: profile, options: options, pictures: StubPictureRenderer())
        let decoded = ESCPOSDecoder.decode(output.bytes, profile: profile)
        #expect(decoded.problems == [])
        return (output, decoded)
    }

    @Test(arguments: [PrinterProfile.generic80mm, .generic58mm, .epsonTMT88])
    func docsExamplePrintsTheLayoutLineForLine(_ profile: PrinterProfile) throws {
        let layout = ESCPOSFixtures.docsExample(profile)
        let (output, decoded) = try render(layout, profile)
        #expect(ESCPOSDecoder.trimmed(decoded.lines) == ESCPOSDecoder.expectedLines(layout))
        #expect(decoded.qrPayloads == ["https://www.website.com"])
        #expect(decoded.cuts == 1)
        #expect(output.diagnostics == [])
        if case .feedAndCut(partial: true, _) = decoded.commands.last {
        } else {
            Issue.record("does not end with GS V 66: \(String(describing: decoded.commands.last))")
        }
    }

    @Test func poundSignIsSelectedExplicitlyBeforeTheFirstText() throws {
        let (output, decoded) = try render(ESCPOSFixtures.docsExample())
        #expect(Array(output.bytes.prefix(8)) == [0x1B, 0x40, 0x1B, 0x33, 24, 0x1B, 0x74, 0])
        #expect(decoded.tableSwitches == 1)
        #expect(output.bytes.contains(0x9C))  // £ in PC437
    }

    @Test func poundsAndEurosBothPrintBySwitchingTables() throws {
        let layout = ESCPOSFixtures.twoCurrencies()
        let (output, decoded) = try render(layout)
        #expect(ESCPOSDecoder.trimmed(decoded.lines) == ESCPOSDecoder.expectedLines(layout))
        #expect(output.diagnostics == [])
        // é, ë, £ and € are all in PC858: one table for the whole bill.
        #expect(
            decoded.commands.filter { if case .selectCodeTable = $0 { true } else { false } } == [.selectCodeTable(19)])
    }

    @Test func tablesSwitchOnlyWhereACharacterNeedsIt() throws {
        let profile = PrinterProfile.generic80mm
        let layout = Layout(
            grid: ESCPOSFixtures.grid(profile),
            blocks: [
                ESCPOSFixtures.text("£1 £2 £3"), ESCPOSFixtures.text("Привет €5"), ESCPOSFixtures.text("£4"), .cut,
            ])
        let (output, decoded) = try render(layout, profile)
        #expect(ESCPOSDecoder.trimmed(decoded.lines) == ESCPOSDecoder.expectedLines(layout))
        #expect(output.diagnostics == [])
        let switches = decoded.commands.compactMap { if case .selectCodeTable(let n) = $0 { n } else { nil } }
        #expect(switches == [0, 17, 19])
    }

    @Test func typographicPunctuationPrintsFromWPC1252() throws {
        let profile = PrinterProfile.generic80mm
        let layout = Layout(
            grid: ESCPOSFixtures.grid(profile), blocks: [ESCPOSFixtures.text("Chef’s “special” – 5…"), .cut])
        let (output, decoded) = try render(layout, profile)
        #expect(decoded.lines.first == "Chef’s “special” – 5…")
        #expect(output.diagnostics == [])
    }

    @Test func withoutRasterCharactersNoTableHoldsAreTransliteratedOrQuestionMarked() throws {
        var profile = PrinterProfile.generic80mm
        profile.codeTables = [
            CodeTableEntry(number: 0, encoding: "cp437"), CodeTableEntry(number: 18, encoding: "cp852"),
        ]
        profile.capabilities.rasterCommands = []
        let layout = Layout(
            grid: ESCPOSFixtures.grid(profile),
            blocks: [
                ESCPOSFixtures.text("Chef’s “special” – Łódź… ’"), ESCPOSFixtures.text("寿司 ok"), .cut,
            ])
        let (output, decoded) = try render(layout, profile)
        #expect(ESCPOSDecoder.trimmed(decoded.lines) == ["Chef's \"special\" - Łódź... '", "???? ok"])
        #expect(output.diagnostics.map(\.code) == Array(repeating: .unprintableCharacter, count: 7))
        #expect(output.diagnostics.first?.message.contains("U+2019") == true)
        #expect(output.diagnostics.first?.message.contains("2 times") == true)
        #expect(output.diagnostics.last?.message.contains("line 2") == true)
    }

    @Test func withoutRasterCombiningAccentsFallBackToTheBaseLetter() throws {
        var profile = PrinterProfile.generic80mm
        profile.capabilities.rasterCommands = []
        let layout = Layout(grid: ESCPOSFixtures.grid(profile), blocks: [ESCPOSFixtures.text("Cafe\u{301}"), .cut])
        let (output, decoded) = try render(layout, profile)
        #expect(decoded.lines.first == "Cafe")
        #expect(output.diagnostics.map(\.code) == [.unprintableCharacter])
    }

    @Test func styleCommandsAreSentExactlyWhereTheStyleChanges() throws {
        // The decoder reports any ESC a / ESC E / GS ! that changes nothing; here the count of
        // changes must also equal the changes between consecutive printed lines of the layout.
        let layout = ESCPOSFixtures.docsExample()
        let (_, decoded) = try render(layout)
        var expected = 0
        var state: (Alignment, Bool, Int, Int) = (.left, false, 1, 1)
        for block in layout.blocks {
            let next: (Alignment, Bool, Int, Int)
            switch block {
            case .text(let t) where !t.text.isEmpty:
                next = (t.alignment, t.style.bold, t.style.widthScale, t.style.heightScale)
            case .rule: next = (state.0, false, 1, 1)
            case .qrCode(let q): next = (q.alignment, state.1, state.2, state.3)
            default: continue
            }
            expected +=
                (next.0 != state.0 ? 1 : 0) + (next.1 != state.1 ? 1 : 0)
                + ((next.2, next.3) != (state.2, state.3) ? 1 : 0)
            state = next
        }
        let styles = decoded.commands.filter {
            switch $0 {
            case .justification, .emphasis, .characterSize: return true
            default: return false
            }
        }
        #expect(styles.count == expected)
    }

    @Test func fontBIsSelectedOnceForAFontBGrid() throws {
        var layout = ESCPOSFixtures.docsExample()
        layout.grid.font = 1
        let (_, decoded) = try render(layout)
        #expect(decoded.commands.filter { $0 == .font(1) }.count == 1)
    }

    @Test func rulesSpanTheColumnsAtNormalSize() throws {
        let profile = PrinterProfile.generic58mm
        let layout = Layout(
            grid: ESCPOSFixtures.grid(profile),
            blocks: [
                ESCPOSFixtures.text("BIG", w: 2, h: 2), .rule(.double), .cut,
            ])
        let (_, decoded) = try render(layout, profile)
        #expect(decoded.lines[1] == String(repeating: "=", count: 32))
        #expect(decoded.commands.contains(.characterSize(width: 1, height: 1)))
    }

    @Test func withoutNativeQROrRasterTheURLPrintsAsText() throws {
        var profile = PrinterProfile.generic80mm
        profile.capabilities.nativeQR = false
        profile.capabilities.rasterCommands = []
        let (output, decoded) = try render(ESCPOSFixtures.docsExample(profile), profile)
        #expect(!output.bytes.containsSequence([0x1D, 0x28, 0x6B]))
        #expect(!output.bytes.containsSequence([0x1D, 0x76, 0x30]))
        #expect(output.diagnostics.map(\.code) == [.unsupportedByPrinter])
        #expect(decoded.lines.filter { $0 == "https://www.website.com" }.count == 2)
    }

    @Test func withoutACutterThereIsNoGSV() throws {
        var profile = PrinterProfile.generic80mm
        profile.capabilities.cutter = false
        let (output, decoded) = try render(ESCPOSFixtures.docsExample(profile), profile)
        #expect(!output.bytes.containsSequence([0x1D, 0x56]))
        #expect(decoded.cuts == 0)
    }

    @Test func noCutOptionLeavesTheCutOut() throws {
        let (_, decoded) = try render(ESCPOSFixtures.docsExample(), .generic80mm, ESCPOSOptions(cut: false))
        #expect(decoded.cuts == 0)
    }

    @Test func feedBeforeTheCutComesFromTheProfile() throws {
        var profile = PrinterProfile.generic80mm
        profile.capabilities.feedLinesBeforeCut = 3
        let (_, decoded) = try render(ESCPOSFixtures.docsExample(profile), profile)
        #expect(Array(decoded.commands.suffix(2)) == [.feedLines(3), .feedAndCut(partial: true, feed: 0)])
    }

    @Test func drawerOpensOnlyWhenAskedAndPresent() throws {
        let layout = ESCPOSFixtures.docsExample()
        #expect(try render(layout).1.drawerPulses == 0)
        let (_, opened) = try render(layout, .generic80mm, ESCPOSOptions(openDrawer: true))
        #expect(opened.drawerPulses == 1)
        #expect(opened.commands.contains(.drawerPulse(pin: 0, onTime: 25, offTime: 250)))
        var noDrawer = PrinterProfile.generic80mm
        noDrawer.capabilities.drawer = false
        let (output, closed) = try render(layout, noDrawer, ESCPOSOptions(openDrawer: true))
        #expect(closed.drawerPulses == 0)
        #expect(output.diagnostics.map(\.code) == [.unsupportedByPrinter])
    }

    @Test func qrUsesTheBlocksModuleSizeAndErrorCorrection() throws {
        let (_, decoded) = try render(ESCPOSFixtures.docsExample())
        let qr = decoded.commands.filter {
            switch $0 {
            case .qrModel, .qrModuleSize, .qrErrorCorrection, .qrStore, .qrPrint: return true
            default: return false
            }
        }
        #expect(
            qr == [
                .qrModel(50), .qrModuleSize(6), .qrErrorCorrection(49),
                .qrStore(Array("https://www.website.com".utf8)), .qrPrint,
            ])
    }

    @Test func aPayloadTooLongForAQRCodePrintsAsText() throws {
        let profile = PrinterProfile.generic80mm
        let payload = "https://example.com/" + String(repeating: "a", count: 2400)
        let layout = Layout(
            grid: ESCPOSFixtures.grid(profile),
            blocks: [
                .qrCode(
                    QRBlock(
                        payload: payload, moduleSize: 4, errorCorrection: .medium, sourcePath: "footer.lines[0].url.url"
                    )),
                .cut,
            ])
        let (output, decoded) = try render(layout, profile)
        #expect(decoded.qrPayloads == [])
        #expect(decoded.lines.joined() == payload)
        #expect(output.diagnostics.map(\.code) == [.qrTooLong])
        #expect(output.diagnostics.first?.path == "footer.lines[0].url.url")
    }

    @Test func aQRCodeTooWideForThePaperGetsSmallerModules() throws {
        let profile = PrinterProfile.generic58mm
        let payload = "https://example.com/" + String(repeating: "a", count: 200)  // version 10 at M: 57 modules
        let layout = Layout(
            grid: ESCPOSFixtures.grid(profile),
            blocks: [
                .qrCode(QRBlock(payload: payload, moduleSize: 8, errorCorrection: .medium, sourcePath: "p")), .cut,
            ])
        let (output, decoded) = try render(layout, profile)
        #expect(decoded.commands.contains(.qrModuleSize(6)))  // 384 / 57 = 6
        #expect(output.diagnostics.map(\.code) == [.limitExceeded])
    }

    @Test func withoutRasterALineNoTableHoldsPrintsAsText() throws {
        var profile = PrinterProfile.generic80mm
        profile.capabilities.rasterCommands = []
        let layout = Layout(grid: ESCPOSFixtures.grid(profile), blocks: [ESCPOSFixtures.text("寿司 ok"), .cut])
        let (output, decoded) = try render(layout, profile)
        #expect(decoded.lines.first == "???? ok")
        #expect(decoded.rasterImages.isEmpty)
        #expect(output.diagnostics.allSatisfy { $0.message.contains("printed as \"?\"") })
    }

    @Test func emptyLinesAreBareLineFeeds() throws {
        let profile = PrinterProfile.generic80mm
        let layout = Layout(
            grid: ESCPOSFixtures.grid(profile),
            blocks: [
                ESCPOSFixtures.text("", .center, bold: true, w: 2, h: 2), ESCPOSFixtures.text("x"), .cut,
            ])
        let (output, _) = try render(layout, profile)
        #expect(Array(output.bytes[8...10]) == [0x0A, 0x78, 0x0A])
    }

    /// A rule is sent left-aligned unless its columns fill the printable dots: 42 columns of 12 dots
    /// are 504 of a TM-T88VI's 512, and sent while the alignment is still right (or centre) the
    /// printer would put it 8 (or 4) dots right of where the PNG draws it. On 576 dots (48 columns)
    /// every alignment prints it in the same place, so no `ESC a 0` is spent on it.
    @Test func ruleIsLeftAlignedUnlessItFillsTheLine() throws {
        func commands(_ profile: PrinterProfile) throws -> [ESCPOSCommand] {
            let layout = Layout(
                grid: ESCPOSFixtures.grid(profile),
                blocks: [ESCPOSFixtures.text("Transaction:6328", .right), .rule(.single), .cut])
            return try render(layout, profile).1.commands.filter {
                if case .justification = $0 { return true }
                if case .text = $0 { return true }
                return false
            }
        }
        let t88 = try commands(.epsonTMT88VI)
        #expect(
            t88 == [
                .justification(2), .text(Array("Transaction:6328".utf8)), .justification(0),
                .text(Array(repeating: UInt8(ascii: "-"), count: 42)),
            ])
        let generic = try commands(.generic80mm)
        #expect(
            generic == [
                .justification(2), .text(Array("Transaction:6328".utf8)),
                .text(Array(repeating: UInt8(ascii: "-"), count: 48)),
            ])
    }

    /// The QR code's quiet zone (four modules above and below, as the PNG draws it) is fed with
    /// `ESC J` in the profile's motion units: `ESC J 24` for 24 dots at 203 dpi, `ESC J 48` on a
    /// TM-T88VI, whose unit is half a dot; the decoder reads both back as 24 dots.
    @Test(arguments: [PrinterProfile.generic80mm, .epsonTMT88VI, .bixolonSRP350plusV])
    func quietZoneFeedIsInMotionUnits(_ profile: PrinterProfile) throws {
        let layout = ESCPOSFixtures.docsExample(profile)
        guard case .qrCode(let qr)? = layout.blocks.first(where: { if case .qrCode = $0 { true } else { false } })
        else {
            Issue.record("docs example has no QR code")
            return
        }
        let (_, decoded) = try render(layout, profile)
        let module = try #require(
            decoded.commands.lazy.compactMap { if case .qrModuleSize(let n) = $0 { Int(n) } else { nil } }.first)
        let dots = 4 * module
        #expect(decoded.dotFeeds == [dots, dots], "\(qr.payload)")
        let sent = decoded.commands.compactMap { if case .feedDots(let n) = $0 { Int(n) } else { nil } }
        #expect(sent == [dots, dots].map { $0 * profile.verticalUnitsPerDot })
    }

    /// `ESC 3 n` right after `ESC @` makes one line feed the layout's line height, in the
    /// profile's vertical motion units: 24 on a 203-dpi model, 48 (1/360 in units, `GS P` default
    /// y = 360) on the 180-dpi Epson TM-T88 family and the Bixolon SRP-350plusV, 17 for Font B's
    /// 9×17 grid; in raster mode too (the feed before the cut counts lines).
    @Test func lineSpacingIsTheLayoutsLineHeightInMotionUnits() throws {
        let cases: [(PrinterProfile, Int, UInt8)] = [
            (.generic80mm, 0, 24), (.epsonTMT20III, 0, 24), (.epsonTMT88, 0, 48), (.epsonTMT88VI, 0, 48),
            (.epsonTMT82III, 0, 48), (.bixolonSRP350plusV, 0, 48), (.epsonTMT20III, 1, 17), (.epsonTMT88VI, 1, 34),
        ]
        for (profile, font, n) in cases {
            var grid = ESCPOSFixtures.grid(profile)
            grid.font = font
            grid.cellHeight = profile.fonts[font].cellHeight
            let layout = Layout(grid: grid, blocks: [ESCPOSFixtures.text("x"), .cut])
            let (output, decoded) = try render(layout, profile)
            #expect(Array(decoded.commands.prefix(2)) == [.initialize, .lineSpacing(n)], "\(profile.name)")
            #expect(decoded.commands.filter { $0 == .lineSpacing(n) }.count == 1)
            #expect(Array(output.bytes.prefix(5)) == [0x1B, 0x40, 0x1B, 0x33, n])
            var raster = ESCPOSOptions()
            raster.mode = .raster
            let (_, whole) = try render(layout, profile, raster)
            #expect(Array(whole.commands.prefix(2)) == [.initialize, .lineSpacing(n)], "\(profile.name) raster")
        }
    }

    @Test func docsExampleIsNoLargerThanPythonEscpos() throws {
        // python-escpos 3.1 (../shared/peers/pyescpos_bill.py, --qr native) renders the same content of
        // docs-example.json in 1559 bytes.
        let (output, _) = try render(ESCPOSFixtures.docsExample())
        #expect(output.bytes.count < 1559)
    }

    @Test func listingOfTheDocsExampleReadsAsCommands() throws {
        let output = try ESCPOSEncoder.encode(
            ESCPOSFixtures.docsExample(), profile: .generic80mm, pictures: StubPictureRenderer())
        let listing = ESCPOSListing.listing(output.bytes)
        let lines = listing.split(separator: "\n").map(String.init)
        #expect(
            Array(lines.prefix(7)) == [
                "ESC @", "ESC 3 24", "ESC t 0", "ESC a 1", "ESC E 1", "GS ! 0x11", "TEXT \"Dojo\"",
            ])
        #expect(lines.contains("GS ( k QR \"https://www.website.com\""))
        #expect(lines.contains("TEXT \"2 x Pizza Pepperoni                       £24.70\""))
        #expect(lines.last == "GS V 66 0")
        #expect(!listing.contains("UNKNOWN"))
    }

    // MARK: The picture seam (no Cairo here: a stub draws black boxes)

    static func pictureLayout(_ profile: PrinterProfile) -> Layout {
        Layout(
            grid: ESCPOSFixtures.grid(profile),
            blocks: [
                ESCPOSFixtures.text("Before"),
                .image(ImageBlock(svg: "<svg/>", role: .logo, alignment: .center, sourcePath: "header.lines[0]")),
                ESCPOSFixtures.text("After"), .cut,
            ])
    }

    @Test func picturesComeFromTheRendererAndPrintInPlace() throws {
        let stub = StubPictureRenderer()
        let profile = PrinterProfile.generic80mm
        let output = try ESCPOSEncoder.encode(Self.pictureLayout(profile), profile: profile, pictures: stub)
        let decoded = ESCPOSDecoder.decode(output.bytes, profile: profile)
        #expect(decoded.problems == [] && output.diagnostics == [])
        #expect(stub.drawn.count == 1)
        #expect(ESCPOSDecoder.trimmed(decoded.lines) == ["Before", "After"])
        let printed = try #require(decoded.rasterImages.first)
        #expect(printed.height == 32 && printed.blackCount == 32 * profile.printableDots)
    }

    @Test func withoutARendererPicturesAreLeftOutAndRasterModePrintsText() throws {
        let profile = PrinterProfile.generic80mm
        let text = try ESCPOSEncoder.encode(Self.pictureLayout(profile), profile: profile)
        #expect(ESCPOSDecoder.decode(text.bytes, profile: profile).rasterImages.isEmpty)
        #expect(text.diagnostics.map(\.code) == [.unsupportedByPrinter])
        #expect(text.diagnostics.map(\.path) == ["header.lines[0]"])

        let raster = try ESCPOSEncoder.encode(
            Self.pictureLayout(profile), profile: profile, options: ESCPOSOptions(mode: .raster))
        let decoded = ESCPOSDecoder.decode(raster.bytes, profile: profile)
        #expect(ESCPOSDecoder.trimmed(decoded.lines) == ["Before", "After"])
        #expect(raster.diagnostics.map(\.code) == [.unsupportedByPrinter, .unsupportedByPrinter])
    }

    @Test func rasterModeSendsTheRenderersBands() throws {
        let profile = PrinterProfile.raster80mm
        let output = try ESCPOSEncoder.encode(
            Self.pictureLayout(profile), profile: profile, pictures: StubPictureRenderer())
        let decoded = ESCPOSDecoder.decode(output.bytes, profile: profile)
        #expect(decoded.problems == [] && decoded.lines.allSatisfy { $0.isEmpty })
        // Two text lines and the picture, as the stub draws them, and the cut.
        let rows = decoded.rasterImages.map(\.height).reduce(0, +)
        #expect(rows == 2 * ESCPOSFixtures.grid(profile).cellHeight + 32)
        #expect(decoded.cuts == 1)
    }
}
