import BillESCPOS
import BillLayout
import BillProfiles
import Testing

@testable import BillStar

@Suite struct StarCommandTests {
    /// Every command the encoders emit reads back as itself with the one command table.
    @Test func everyCommandRoundTrips() {
        let commands: [StarCommand] = [
            .initialize, .lineSpacing3mm, .selectCodePage(32), .alignment(1), .emphasis(true), .emphasis(false),
            .font(1),
            .characterSize(width: 2, height: 3), .text(Array("Dojo £".utf8)), .lineFeed, .feedLines(3),
            .feedDots(16), .cut(partial: true, feed: true), .drawerPulseWidth(onTime: 20, offTime: 20), .drawer,
            .qrModel(2), .qrErrorCorrection(1), .qrCellSize(4), .qrStore(Array("https://dojo.tech".utf8)), .qrPrint,
            .rasterImage(widthBytes: 2, height: 2, data: [1, 2, 3, 4]),
            .bandImage(widthBytes: 1, data: [UInt8](repeating: 0x5A, count: 24)),
        ]
        for command in commands {
            #expect(StarParser.parse(command.bytes) == [.command(command)], "\(command)")
        }
        let raster: [StarCommand] = [
            .rasterInitialize, .rasterEnter, .rasterPageLength(0), .rasterEOTMode(13), .rasterDrawer(1),
            .rasterRow([0xFF, 0x01]), .rasterMoveDown(24), .rasterRow([]), .rasterQuit,
        ]
        let bytes = raster.flatMap(\.bytes)
        #expect(StarParser.parse(bytes) == raster.map { .command($0) })
    }

    /// Star's `ESC a n` takes 1–127 lines (STAR Line Mode Command Specifications), ESC/POS's
    /// `ESC d n` up to 255: the shared writer splits a long feed by the language's own limit, and a
    /// command built by hand is clamped.
    @Test func longFeedsStayWithinEachLanguagesRange() {
        var star = TextWriter<StarCommand>(tables: CodeTableSet(profile: .starTSP143IV), upcoming: [])
        star.feed(300)
        #expect(
            StarParser.parse(star.bytes) == [
                .command(.feedLines(127)), .command(.feedLines(127)), .command(.feedLines(46)),
            ])
        var escpos = TextWriter<ESCPOSCommand>(tables: CodeTableSet(profile: .generic80mm), upcoming: [])
        escpos.feed(300)
        #expect(escpos.bytes == [0x1B, 0x64, 255, 0x1B, 0x64, 45])
        #expect(StarCommand.feedLines(200).bytes == [0x1B, 0x61, 127])
        #expect(StarCommand.feedLines(0).bytes == [0x1B, 0x61, 1])
    }

    /// Text never carries a control byte: a bill's text cannot become a command.
    @Test func textDropsControlBytes() {
        let hostile: [UInt8] = [0x41, 0x07, 0x1B, 0x64, 0x03, 0x1B, 0x2A, 0x72, 0x42, 0x0A, 0x42]
        #expect(StarCommand.text(hostile).bytes == [0x41, 0x64, 0x2A, 0x72, 0x42, 0x42])
    }

    /// `ESC 0` (STAR Line Mode Command Specifications 3-20: the line feed amount, 3 mm) is 1B 30 and
    /// lists as itself.
    @Test func lineSpacingIsEscZero() {
        #expect(StarCommand.lineSpacing3mm.bytes == [0x1B, 0x30])
        #expect(StarListing.line(for: .lineSpacing3mm, table: nil) == "ESC 0")
    }

    /// The raster-mode settings carry their number in decimal digits ended by NUL.
    @Test func rasterSettingsAreDecimal() {
        #expect(StarCommand.rasterEOTMode(13).bytes == [0x1B, 0x2A, 0x72, 0x45, 0x31, 0x33, 0x00])
        #expect(StarCommand.rasterMoveDown(240).bytes == [0x1B, 0x2A, 0x72, 0x59, 0x32, 0x34, 0x30, 0x00])
    }
}
