import BillPrinting
import Testing

/// Status bytes decoded as Epson's reference gives them (dle_eot.html, gs_a.html, gs_lparen_ch_fn48.html).
struct PrinterStatusTests {
    @Test func aReadyPrinterAnswersOnlyTheFixedBits() {
        // Bits 1 and 4 on, 0 and 7 off, nothing else: 0x12 for every n.
        let s = PrinterStatus(realTime: 0x12, offlineCause: 0x12, errorCause: 0x12, paperSensor: 0x12)
        #expect(s == PrinterStatus())
        #expect(s.isReady && s.problems.isEmpty && s.summary == "ready")
    }

    @Test func paperEndFromTheRollSensorAndTheOfflineCause() {
        // DLE EOT 1: offline (bit 3); 2: stopped by paper end (bit 5); 4: near end (bits 2-3) and end (5-6).
        let s = PrinterStatus(realTime: 0x1A, offlineCause: 0x32, errorCause: 0x12, paperSensor: 0x7E)
        #expect(!s.online && s.paperEnd && s.paperNearEnd && !s.coverOpen && !s.isReady)
        #expect(s.summary == "the printer reports: paper end — load paper")
        #expect(s.warnings.isEmpty)  // near end says nothing more once the paper has ended
    }

    @Test func coverOpenAndErrors() {
        // DLE EOT 2 bit 2: cover open; bit 6: error. DLE EOT 3 bit 3: auto-cutter, bit 5 unrecoverable.
        let cover = PrinterStatus(realTime: 0x1A, offlineCause: 0x16, errorCause: 0x12, paperSensor: 0x12)
        #expect(cover.coverOpen && !cover.isReady)
        #expect(cover.summary == "the printer reports: cover open — close the cover")
        let cutter = PrinterStatus(realTime: 0x1A, offlineCause: 0x52, errorCause: 0x1A, paperSensor: 0x12)
        #expect(cutter.cutterError && cutter.error && !cutter.isReady)
        #expect(cutter.problems == ["cutter error — open the cover, clear the paper jam and close it"])
        let dead = PrinterStatus(realTime: 0x1A, offlineCause: 0x52, errorCause: 0x32, paperSensor: 0x12)
        #expect(dead.unrecoverableError && dead.problems.first?.hasPrefix("unrecoverable error") == true)
        let hot = PrinterStatus(realTime: 0x1A, offlineCause: 0x52, errorCause: 0x52, paperSensor: 0x12)
        #expect(hot.autoRecoverableError && hot.problems == ["print head too hot — wait for it to cool down"])
    }

    @Test func nearEndIsAWarningNotAStop() {
        let s = PrinterStatus(realTime: 0x12, offlineCause: 0x12, errorCause: 0x12, paperSensor: 0x1E)
        #expect(s.isReady && s.paperNearEnd)
        #expect(s.summary == "ready; paper near end — replace the roll soon")
    }

    @Test func drawerPinAndFeedButton() {
        let s = PrinterStatus(realTime: 0x16 | 0x40 | 0x08, offlineCause: 0x1A, errorCause: 0x12, paperSensor: 0x12)
        #expect(s.drawerPin3High && s.feedButtonPressed && !s.online)
        #expect(s.problems == ["feeding paper — release the FEED button"])
    }

    @Test func automaticStatusBlocks() {
        // First byte 0xx1xx00: bit 3 offline, bit 5 cover open; third byte bits 2-3 paper end.
        let s = PrinterStatus(automatic: [0x38, 0x00, 0x0C, 0x00])
        #expect(s.coverOpen && s.paperEnd && !s.online)
        let cutter = PrinterStatus(automatic: [0x18, 0x08, 0x00, 0x00])
        #expect(cutter.cutterError && !cutter.isReady)
        #expect(PrinterStatus(automatic: [0x10, 0, 0x03, 0]).paperNearEnd)
    }

    @Test func jsonHasTheDocumentedKeys() {
        let json = PrinterStatus(coverOpen: true).json
        for key in [
            "\"online\": true", "\"coverOpen\": true", "\"paperEnd\": false", "\"paperNearEnd\": false",
            "\"error\": false", "\"ready\": false", "\"messages\": [\"cover open — close the cover\"]",
        ] {
            #expect(json.contains(key), "\(key) in \(json)")
        }
    }
}

/// What comes back from a printer, split into responses however it arrives.
struct PrinterResponseParserTests {
    @Test func statusASBAndProcessIDInterleave() {
        // A real-time answer, an ASB block (cover open), a process-ID answer "0042", another real-time answer.
        let wire: [UInt8] = [0x12, 0x30, 0x00, 0x00, 0x00, 0x37, 0x22, 0x30, 0x30, 0x34, 0x32, 0x00, 0x1A]
        var whole = PrinterResponseParser()
        let expected: [PrinterResponse] = [
            .realTimeStatus(0x12), .automaticStatus([0x30, 0, 0, 0]), .processID(Array("0042".utf8)),
            .realTimeStatus(0x1A),
        ]
        #expect(whole.feed(wire) == expected)
        var bytewise = PrinterResponseParser()
        var got: [PrinterResponse] = []
        for b in wire { got += bytewise.feed([b]) }
        #expect(got == expected)
    }

    @Test func flowControlAndStrangersAreNamed() {
        var p = PrinterResponseParser()
        #expect(p.feed([0x11, 0x13, 0xFF]) == [.flowControl(0x11), .flowControl(0x13), .unknown(0xFF)])
        // An ASB block cut short by a byte that cannot be in it.
        #expect(p.feed([0x10, 0x00, 0x12]) == [.unknown(0x10), .unknown(0x00), .realTimeStatus(0x12)])
    }

    @Test func otherBlocksAndOverlongOnes() {
        var p = PrinterResponseParser()
        #expect(p.feed([0x5F, 0x41, 0x42, 0x00]) == [.block(header: 0x5F, data: [0x41, 0x42])])
        #expect(p.feed([0x37, 0x21, 0x00]) == [.block(header: 0x37, data: [0x21])])
        // A "block" that never ends is dropped after 1 KB, and parsing goes on.
        let endless = [UInt8](repeating: 0x41, count: 2000)
        #expect(p.feed([0x37] + endless).count < 1000)
    }

    @Test func jobIDs() {
        #expect(PrintJobID("0042")?.bytes == Array("0042".utf8))
        #expect(PrintJobID("12345") == nil && PrintJobID("ab c") == nil && PrintJobID("") == nil)
        let made = PrintJobID.make()
        #expect(made.text.utf8.count == 4 && PrintJobID(made.text) == made)
    }
}
