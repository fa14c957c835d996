import BillESCPOS
import BillLayout
import BillModel
import BillProfiles
import BillRaster
import BillStar
import TestSupport
import Testing

/// The guarantees of the Star encoders, language by language.
@Suite struct StarEncoderTests {
    static let languages: [(StarLanguage, PrinterProfile)] = [
        (.line, .starTSP654II), (.prnt, .starTSP143IV), (.prnt, .starSML200), (.graphic, .starTSP100III),
    ]

    func encode(
        _ layout: Layout, _ language: StarLanguage, _ profile: PrinterProfile, options: ESCPOSOptions = ESCPOSOptions()
    ) throws -> (ESCPOSOutput, StarDecoded) {
        let output = try StarEncoder(
            profile: profile, language: language, options: options, pictures: RasterPictureRenderer()
        ).encode(layout)
        return (output, StarDecoder.decode(output.bytes, profile: profile))
    }

    /// Drawer kick (BEL, ESC BEL, ESC * r D), cut (ESC d), reset (ESC @), raster mode (ESC * r A/B),
    /// a Star QR print, ESC/POS's own kicks, a raw CR/LF and DEL in every text field.
    static let hostile =
        "A\u{07}\u{1B}\u{07}\u{14}\u{14}\u{1B}d\u{3}\u{1B}@\u{1B}*rA\u{1B}*rD1\u{0}\u{1B}*rB\u{1B}\u{1D}yP\u{1B}p\u{0}\u{19}\u{FA}\u{1D}VB\u{0}\u{1C}\u{1A}\u{19}\r\n\u{7F}\u{85}Z"

    @Test(arguments: languages.map { $0.0 }.indices)
    func controlSequencesInEveryTextFieldNeverReachThePrinter(index: Int) throws {
        let (language, profile) = Self.languages[index]
        let h = Self.hostile
        let grid = ESCPOSFixtures.grid(profile)
        let layout = Layout(
            grid: grid,
            blocks: [
                ESCPOSFixtures.text(h, .center, bold: true, w: 2, h: 2),
                ESCPOSFixtures.row(h, "£1.00" + h, columns: grid.columns),
                ESCPOSFixtures.text(h, .right),
                .qrCode(QRBlock(payload: "https://x.y/" + h, moduleSize: 6, errorCorrection: .low, sourcePath: "u")),
                .cut,
            ])
        let (_, decoded) = try encode(layout, language, profile)
        #expect(decoded.problems == [])
        #expect(decoded.drawerPulses == 0)
        #expect(decoded.cuts == (profile.capabilities.cutter ? 1 : 0))
        #expect(decoded.commands.filter { $0 == .initialize }.count == 1)
        #expect(decoded.commands.filter { $0 == .rasterEnter }.count == (language == .graphic ? 1 : 0))
        for case .qrStore(let payload) in decoded.commands {
            #expect(payload.allSatisfy { $0 >= 0x20 && $0 != 0x7F })
        }
        if language != .graphic {
            // Every control byte of the bill was dropped; its printable bytes print as text.
            #expect(decoded.lines.contains { $0.hasPrefix("A") && $0.hasSuffix("Z") })
        }
    }

    /// A native QR code has its quiet zone (four modules) fed above and below it, as the PNG draws it.
    @Test func nativeQRHasItsQuietZoneOnPaper() throws {
        for (language, profile) in Self.languages where language != .graphic {
            let (_, decoded) = try encode(ESCPOSFixtures.docsExample(profile), language, profile)
            #expect(decoded.qrPayloads == ["https://www.website.com"])
            guard let store = decoded.commands.firstIndex(where: { if case .qrStore = $0 { true } else { false } })
            else { continue }
            let cells = decoded.commands.compactMap { c -> Int? in
                if case .qrCellSize(let n) = c { Int(n) } else { nil }
            }
            let zone = 4 * (cells.first ?? 0)
            #expect(decoded.commands[store - 4] == .feedDots(UInt8(zone)))
            #expect(decoded.commands[store + 2] == .feedDots(UInt8(zone)))
        }
    }

    /// £ and € in one bill: each character gets a code page that holds it (PC858 has both, so one
    /// page serves), and the decoded text is the bill's.
    @Test func poundAndEuroInOneBill() throws {
        for (language, profile) in Self.languages where language != .graphic {
            let (output, decoded) = try encode(ESCPOSFixtures.twoCurrencies(profile), language, profile)
            #expect(decoded.problems == [])
            #expect(output.diagnostics.isEmpty)
            #expect(decoded.lines.contains { $0.contains("£") })
            #expect(decoded.lines.contains { $0.contains("€") })
        }
    }

    /// The drawer opens on request, once, where the printer has a drawer port.
    @Test func drawerOnRequest() throws {
        for (language, profile) in Self.languages {
            let layout = ESCPOSFixtures.docsExample(profile)
            #expect(try encode(layout, language, profile).1.drawerPulses == 0)
            let (output, opened) = try encode(layout, language, profile, options: ESCPOSOptions(openDrawer: true))
            #expect(opened.drawerPulses == (profile.capabilities.drawer ? 1 : 0))
            #expect(output.diagnostics.contains { $0.code == .unsupportedByPrinter } == !profile.capabilities.drawer)
        }
    }

    /// Styles are sent only when they change, and the stream starts with ESC @.
    @Test func stylesOnlyOnChange() throws {
        for (language, profile) in Self.languages where language != .graphic {
            let (_, decoded) = try encode(ESCPOSFixtures.docsExample(profile), language, profile)
            #expect(decoded.problems == [])
            #expect(decoded.commands.first == .initialize)
        }
    }

    /// Line mode and StarPRNT set the line feed amount to 3 mm (`ESC 0`, 24 dots, the layout's
    /// line) right after `ESC @`, before any line is fed: the printer's memory switch may say 4 mm.
    /// Star Graphic feeds no lines (its rows are dots) and sends no `ESC 0`.
    @Test func lineFeedIsThreeMillimetres() throws {
        for (language, profile) in Self.languages {
            let (_, decoded) = try encode(ESCPOSFixtures.docsExample(profile), language, profile)
            #expect(decoded.problems == [])
            let spacing = decoded.commands.filter { $0 == .lineSpacing3mm }.count
            if language == .graphic {
                #expect(spacing == 0)
            } else {
                #expect(Array(decoded.commands.prefix(2)) == [.initialize, .lineSpacing3mm])
                #expect(spacing == 1)
                #expect(ESCPOSFixtures.docsExample(profile).grid.cellHeight == 24)
            }
        }
    }

    /// Star Graphic without a picture renderer cannot print at all, and says so.
    @Test func starGraphicNeedsThePictureRenderer() throws {
        let profile = PrinterProfile.starTSP100III
        #expect(throws: StarEncodingError.noPictureRenderer) {
            try StarEncoder(profile: profile, language: .graphic).encode(ESCPOSFixtures.docsExample(profile))
        }
    }
}
