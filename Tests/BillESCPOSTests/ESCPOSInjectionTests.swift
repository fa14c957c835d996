import BillESCPOS
import BillLayout
import BillProfiles
import TestSupport
import Testing

/// Nothing from the bill becomes a command: ESC, GS, FS and DLE sequences in every text field
/// print as nothing more than their printable bytes.
struct ESCPOSInjectionTests {
    /// Drawer kick (ESC p, DLE DC4), cut (GS V), reset (ESC @), FS commands, a raw CR/LF and DEL.
    static let hostile =
        "A\u{1B}p\u{0}\u{19}\u{FA}\u{1D}VB\u{0}\u{1B}@\u{10}\u{14}\u{1}\u{0}\u{1}\u{1C}.\u{1C}p\u{1}\u{0}\r\n\u{7F}\u{85}Z"

    @Test func controlSequencesInEveryTextFieldNeverReachThePrinter() throws {
        let profile = PrinterProfile.generic80mm
        let h = Self.hostile
        let layout = Layout(
            grid: ESCPOSFixtures.grid(profile),
            blocks: [
                ESCPOSFixtures.text(h, .center, bold: true, w: 2, h: 2),
                ESCPOSFixtures.row(h, "£1.00" + h, columns: 48),
                ESCPOSFixtures.text(h, .right),
                .qrCode(QRBlock(payload: "https://x.y/" + h, moduleSize: 6, errorCorrection: .low, sourcePath: "u")),
                .cut,
            ])
        var noQR = profile
        noQR.capabilities.nativeQR = false
        for p in [profile, noQR] {
            let output = try ESCPOSEncoder.encode(
                layout, profile: p, options: ESCPOSOptions(), pictures: StubPictureRenderer())
            let decoded = ESCPOSDecoder.decode(output.bytes, profile: p)
            #expect(decoded.problems == [])
            #expect(decoded.drawerPulses == 0)
            #expect(decoded.cuts == 1)
            #expect(decoded.commands.filter { $0 == .initialize }.count == 1)
            if case .feedAndCut = decoded.commands.last {} else { Issue.record("does not end with the cut") }
            for case .qrStore(let payload) in decoded.commands {
                #expect(payload.allSatisfy { $0 >= 0x20 && $0 != 0x7F })
            }
        }
    }

    @Test func qrPayloadIsDataInsideItsLengthPrefixedCommand() throws {
        let profile = PrinterProfile.generic80mm
        let layout = Layout(
            grid: ESCPOSFixtures.grid(profile),
            blocks: [
                .qrCode(
                    QRBlock(
                        payload: "https://x.y/\u{1D}V\u{42}\u{0}", moduleSize: 6, errorCorrection: .low, sourcePath: "u"
                    )),
                .cut,
            ])
        let output = try ESCPOSEncoder.encode(layout, profile: profile, pictures: StubPictureRenderer())
        let decoded = ESCPOSDecoder.decode(output.bytes, profile: profile)
        #expect(decoded.problems == [])
        #expect(decoded.cuts == 1)
    }
}
