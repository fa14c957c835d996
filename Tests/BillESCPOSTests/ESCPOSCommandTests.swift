import BillESCPOS
import Testing

/// Every command's bytes, against the Epson ESC/POS reference, and back through the parser.
struct ESCPOSCommandTests {
    static let reference: [(ESCPOSCommand, [UInt8], String)] = [
        (.initialize, [0x1B, 0x40], "ESC @"),
        (.selectCodeTable(19), [0x1B, 0x74, 19], "ESC t 19"),
        (.justification(1), [0x1B, 0x61, 1], "ESC a 1"),
        (.emphasis(true), [0x1B, 0x45, 1], "ESC E 1"),
        (.emphasis(false), [0x1B, 0x45, 0], "ESC E 0"),
        (.font(1), [0x1B, 0x4D, 1], "ESC M 1"),
        (.characterSize(width: 2, height: 2), [0x1D, 0x21, 0x11], "GS ! 0x11"),
        (.characterSize(width: 1, height: 2), [0x1D, 0x21, 0x01], "GS ! 0x01"),
        (.characterSize(width: 8, height: 8), [0x1D, 0x21, 0x77], "GS ! 0x77"),
        (.text(Array("Dojo".utf8)), Array("Dojo".utf8), "TEXT \"Dojo\""),
        (.lineFeed, [0x0A], "LF"),
        (.feedLines(3), [0x1B, 0x64, 3], "ESC d 3"),
        (.lineSpacing(24), [0x1B, 0x33, 24], "ESC 3 24"),
        (.defaultLineSpacing, [0x1B, 0x32], "ESC 2"),
        (.drawerPulse(pin: 0, onTime: 25, offTime: 250), [0x1B, 0x70, 0, 25, 250], "ESC p 0 25 250"),
        (.feedAndCut(partial: true, feed: 0), [0x1D, 0x56, 66, 0], "GS V 66 0"),
        (.feedAndCut(partial: false, feed: 4), [0x1D, 0x56, 65, 4], "GS V 65 4"),
        (.cut(partial: false), [0x1D, 0x56, 0], "GS V 0"),
        (.qrModel(50), [0x1D, 0x28, 0x6B, 4, 0, 49, 65, 50, 0], "GS ( k QR model 50"),
        (.qrModuleSize(6), [0x1D, 0x28, 0x6B, 3, 0, 49, 67, 6], "GS ( k QR module 6"),
        (.qrErrorCorrection(49), [0x1D, 0x28, 0x6B, 3, 0, 49, 69, 49], "GS ( k QR ecc 49"),
        (
            .qrStore(Array("https://a.b".utf8)), [0x1D, 0x28, 0x6B, 14, 0, 49, 80, 48] + Array("https://a.b".utf8),
            "GS ( k QR \"https://a.b\""
        ),
        (.qrPrint, [0x1D, 0x28, 0x6B, 3, 0, 49, 81, 48], "GS ( k QR print"),
        (
            .rasterImage(widthBytes: 2, height: 1, data: [0xFF, 0x01]), [0x1D, 0x76, 0x30, 0, 2, 0, 1, 0, 0xFF, 0x01],
            "GS v 0 16x1 #"
        ),
        (
            .graphicsStore(widthDots: 9, height: 1, data: [0x80, 0x80]),
            [0x1D, 0x28, 0x4C, 12, 0, 48, 112, 48, 1, 1, 49, 9, 0, 1, 0, 0x80, 0x80], "GS ( L store 9x1 #"
        ),
        (.graphicsPrint, [0x1D, 0x28, 0x4C, 2, 0, 48, 50], "GS ( L print"),
        (.bitImageColumns(widthDots: 1, data: [1, 2, 3]), [0x1B, 0x2A, 33, 1, 0, 1, 2, 3], "ESC * 33 1x24 #"),
    ]

    @Test(arguments: 0..<reference.count)
    func bytesMatchTheReference(_ i: Int) {
        let (command, bytes, _) = Self.reference[i]
        #expect(command.bytes == bytes)
    }

    @Test(arguments: 0..<reference.count)
    func parserReadsEachCommandBack(_ i: Int) {
        let (command, bytes, _) = Self.reference[i]
        #expect(ESCPOSParser.parse(bytes) == [.command(command)])
    }

    @Test(arguments: 0..<reference.count)
    func listingLine(_ i: Int) {
        let (_, bytes, line) = Self.reference[i]
        let listing = ESCPOSListing.listing(bytes)
        #expect(listing.hasPrefix(line) && listing.hasSuffix("\n") && listing.filter { $0 == "\n" }.count == 1)
    }

    @Test func qrStoreLengthCountsTheThreeHeaderBytes() {
        let payload = [UInt8](repeating: 0x41, count: 300)
        let bytes = ESCPOSCommand.qrStore(payload).bytes
        #expect(Array(bytes[3...4]) == [0x2F, 0x01])  // 303 = 0x012F
        #expect(bytes.count == 8 + 300)
    }

    @Test func textDropsEveryControlByte() {
        let hostile: [UInt8] = [
            0x41, 0x1B, 0x70, 0x00, 0x19, 0xFA, 0x1D, 0x56, 0x42, 0x00, 0x10, 0x14, 0x01,
            0x1C, 0x2E, 0x7F, 0x0A, 0x0D, 0x42,
        ]
        let bytes = ESCPOSCommand.text(hostile).bytes
        #expect(bytes.allSatisfy { $0 >= 0x20 && $0 != 0x7F })
        #expect(ESCPOSParser.commands(bytes)?.count == 1)
    }

    @Test func sizesAreClampedToWhatGSBangTakes() {
        #expect(ESCPOSCommand.characterSize(width: 0, height: 9).bytes == [0x1D, 0x21, 0x07])
    }

    @Test func truncatedAndUnknownBytesAreReported() {
        let tokens = ESCPOSParser.parse([0x1B, 0x40, 0x1D, 0x76, 0x30, 0, 10, 0, 10, 0, 1, 2, 0x1B, 0x99, 0x07])
        #expect(tokens.first == .command(.initialize))
        #expect(tokens.contains { if case .unknown(let offset, _) = $0 { return offset == 2 } else { return false } })
        #expect(ESCPOSParser.commands([0x07]) == nil)
    }

    @Test func listingEscapesQuotesAndUndecodableBytes() {
        let listing = ESCPOSListing.listing([0x1B, 0x40, 0x1B, 0x74, 16] + Array("a\"b\\".utf8) + [0x81, 0x80])
        #expect(listing == "ESC @\nESC t 16\nTEXT \"a\\\"b\\\\\\x81€\"\n")
    }
}

extension ESCPOSCommandTests {
    @Test func imageHeadersNeverPromiseMoreDataThanFollows() {
        let raster = ESCPOSCommand.rasterImage(widthBytes: 0xFFFF, height: 0xFFFF, data: [1, 2, 3]).bytes
        #expect(raster == [0x1D, 0x76, 0x30, 0, 0xFF, 0xFF, 0, 0])
        let short = ESCPOSCommand.rasterImage(widthBytes: 2, height: 3, data: [1, 2, 3, 4, 5]).bytes
        #expect(ESCPOSParser.parse(short) == [.command(.rasterImage(widthBytes: 2, height: 2, data: [1, 2, 3, 4]))])
        let graphics = ESCPOSCommand.graphicsStore(widthDots: 16, height: 9, data: [1, 2, 3]).bytes
        #expect(ESCPOSParser.parse(graphics) == [.command(.graphicsStore(widthDots: 16, height: 1, data: [1, 2]))])
        let columns = ESCPOSCommand.bitImageColumns(widthDots: 500, data: [1, 2, 3, 4]).bytes
        #expect(ESCPOSParser.parse(columns) == [.command(.bitImageColumns(widthDots: 1, data: [1, 2, 3]))])
    }
}
