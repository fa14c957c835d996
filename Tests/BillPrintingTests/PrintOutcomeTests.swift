import BillESCPOS
import BillLayout
import BillPrinting
import Foundation
import TestSupport
import Testing

/// Printing against a printer double that answers as an Epson printer does, over loopback TCP.
struct PrintOutcomeTests {
    let bill: [UInt8]
    let id = PrintJobID("T001")!
    let requests = ESCPOSPrinterDouble.statusRequests
    /// GS ( H 6 0 48 48 "T001": the process-ID request after the bill.
    let confirmation: [UInt8] = [0x1D, 0x28, 0x48, 6, 0, 48, 48] + Array("T001".utf8)

    init() throws {
        bill = try ESCPOSEncoder.encode(ESCPOSFixtures.docsExample(), profile: .generic80mm).bytes
    }

    func destination(_ printer: ESCPOSPrinterDouble) -> PrinterDestination {
        .tcp(host: "127.0.0.1", port: printer.port)
    }

    @Test func aReadyPrinterGetsTheStatusQuestionsThenTheBill() throws {
        let printer = try ESCPOSPrinterDouble()
        let outcome = PrinterConnection.print(PrintJob(bytes: bill, id: id), to: destination(printer))
        guard case .sent(let receipt, .notRequested) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(receipt.statusBefore == PrinterStatus() && receipt.bytesSent == bill.count && receipt.warnings.isEmpty)
        #expect(printer.received() == [requests + bill])
    }

    @Test(arguments: [
        ("paper end", "paper end — load paper"), ("cover open", "cover open — close the cover"),
        ("cutter", "cutter error"), ("offline", "offline — check the printer"),
    ])
    func aPrinterThatIsNotReadyGetsNothingOfTheBill(_ name: String, _ cause: String) throws {
        var state = ESCPOSPrinterDouble.State()
        switch name {
        case "paper end": state.paperEnd = true
        case "cover open": state.coverOpen = true
        case "cutter": state.cutterError = true
        default: state.offline = true
        }
        let printer = try ESCPOSPrinterDouble(state: state)
        let outcome = PrinterConnection.print(PrintJob(bytes: bill, id: id), to: destination(printer))
        guard case .notStarted(let job, let error) = outcome, error.isNotReady else {
            Issue.record("\(name): \(outcome)")
            return
        }
        #expect(job == id)
        #expect("\(outcome)".hasPrefix("job T001 not printed, nothing was sent: the printer reports: \(cause)"))
        #expect(printer.received() == [requests])  // the four questions, not one byte of the bill
    }

    @Test func paperNearEndWarnsAndPrints() throws {
        var state = ESCPOSPrinterDouble.State()
        state.paperNearEnd = true
        let printer = try ESCPOSPrinterDouble(state: state)
        let outcome = PrinterConnection.print(PrintJob(bytes: bill, id: id), to: destination(printer))
        #expect(outcome.warnings == ["paper near end — replace the roll soon"])
        #expect(printer.received() == [requests + bill])
    }

    @Test func confirmedOnlyByTheProcessIDAnswer() throws {
        let printer = try ESCPOSPrinterDouble()
        let outcome = PrinterConnection.print(
            PrintJob(bytes: bill, id: id), to: destination(printer), options: PrintOptions(confirm: true))
        guard case .printed(let receipt) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(receipt.job == id && receipt.bytesSent == bill.count)
        #expect(printer.answered == [Array("T001".utf8)])
        #expect(printer.received() == [requests + bill + confirmation])
    }

    @Test func aPrinterWithoutProcessIDIsSentNotConfirmedAndNotResent() throws {
        let printer = try ESCPOSPrinterDouble(behaviour: .noProcessID, connections: 2)
        let outcome = PrinterConnection.print(
            PrintJob(bytes: bill, id: id), to: destination(printer),
            options: PrintOptions(timeoutSeconds: 0.2, connectAttempts: 3, confirm: true))
        guard case .sent(let receipt, .noAnswer(0.2, let status)) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(receipt.bytesSent == bill.count && status == PrinterStatus())
        #expect("\(outcome)".contains("job T001 sent to tcp://127.0.0.1:\(printer.port), not confirmed: no answer"))
        // One connection: the bill once, then the four questions asked after the wait.
        #expect(printer.connectionsSoFar == [requests + bill + confirmation + requests])
    }

    @Test func aSilentPrinterPrintsWithAWarningAndCannotConfirm() throws {
        let printer = try ESCPOSPrinterDouble(behaviour: .silent)
        let outcome = PrinterConnection.print(
            PrintJob(bytes: bill, id: id), to: destination(printer),
            options: PrintOptions(timeoutSeconds: 0.2, confirm: true))
        guard case .sent(_, .noAnswer(_, nil)) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(outcome.warnings.first?.contains("did not answer a status request within 0.2 s") == true)
        // Asked once (the first question unanswered ends the asking), the bill, the confirmation request.
        #expect(printer.connectionsSoFar.first?.starts(with: [0x10, 4, 1] + bill + confirmation) == true)
    }

    @Test func aPrinterThatStopsMidBillHoldsItsAnswerUntilPutRight() throws {
        var state = ESCPOSPrinterDouble.State()
        state.paperRunsOutAfter = requests.count + 100
        let printer = try ESCPOSPrinterDouble(state: state)
        let outcome = LockedBox<PrintOutcome?>(nil)
        let finished = DispatchSemaphore(value: 0)
        let job = PrintJob(bytes: bill, id: id)
        let target = destination(printer)
        Thread {
            outcome.value = PrinterConnection.print(
                job, to: target, options: PrintOptions(timeoutSeconds: 60, confirm: true))
            finished.signal()
        }.start()
        #expect(printer.waitUntilHolding())  // paper out: the answer waits
        #expect(printer.answered.isEmpty)
        printer.set { $0.paperEnd = false }  // paper loaded: the rest prints, then the answer
        #expect(finished.wait(timeout: .now() + 60) == .success)
        guard case .printed = outcome.value else {
            Issue.record("\(String(describing: outcome.value))")
            return
        }
        #expect(printer.received() == [requests + bill + confirmation])
    }

    @Test func paperRunningOutIsNamedWhenTheAnswerNeverComes() throws {
        var state = ESCPOSPrinterDouble.State()
        state.paperRunsOutAfter = requests.count + 100
        let printer = try ESCPOSPrinterDouble(state: state)
        let outcome = PrinterConnection.print(
            PrintJob(bytes: bill, id: id), to: destination(printer),
            options: PrintOptions(timeoutSeconds: 0.2, confirm: true))
        guard case .sent(_, .noAnswer(_, let status?)) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(status.paperEnd)
        #expect("\(outcome)".contains("(the printer reports: paper end — load paper); not resent"))
    }

    @Test func automaticStatusInterleavesWithTheAnswer() throws {
        // The bill itself enables ASB (GS a 15): the double sends four status bytes at once, then the
        // process-ID answer; the reader reads past the one to find the other.
        let printer = try ESCPOSPrinterDouble()
        let withASB = [0x1D, 0x61, 0x0F] + bill
        let outcome = PrinterConnection.print(
            PrintJob(bytes: withASB, id: id), to: destination(printer), options: PrintOptions(confirm: true))
        guard case .printed = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(printer.received() == [requests + withASB + confirmation])
    }

    @Test func statusBytesInsideImageDataDoNotConfuseEitherSide() throws {
        // A raster band whose data holds DLE EOT 1: the double answers it (as a printer does) and
        // stays in step with the command lengths; billrender reads past the stray status byte.
        let band: [UInt8] = [0x1D, 0x76, 0x30, 0, 3, 0, 2, 0] + [0x10, 0x04, 0x01, 0xFF, 0x10, 0x04]
        let job = [0x1B, 0x40] + band + [0x0A, 0x1D, 0x56, 66, 0]
        let printer = try ESCPOSPrinterDouble()
        let outcome = PrinterConnection.print(
            PrintJob(bytes: job, id: id), to: destination(printer), options: PrintOptions(confirm: true))
        guard case .printed = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(printer.received() == [requests + job + confirmation])
    }

    @Test func onlyAConnectionThatSentNoByteOfTheBillIsRetried() throws {
        // The first connection closes after one status question (no byte of the bill yet): tried again.
        let printer = try ESCPOSPrinterDouble(behaviours: [.dropAfter(bytes: 3), .normal])
        let outcome = PrinterConnection.print(
            PrintJob(bytes: bill, id: id), to: destination(printer),
            options: PrintOptions(connectAttempts: 2, retryDelayMilliseconds: 0, confirm: true))
        guard case .printed = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(printer.received() == [[0x10, 4, 1], requests + bill + confirmation])
    }

    @Test func aConnectionDroppedMidBillIsReportedNeverResent() throws {
        let big = bill + [UInt8](repeating: 0x41, count: 4_000_000)
        let printer = try ESCPOSPrinterDouble(behaviours: [.dropAfter(bytes: requests.count + 500), .normal])
        let outcome = PrinterConnection.print(
            PrintJob(bytes: big, id: id), to: destination(printer),
            options: PrintOptions(connectAttempts: 3, retryDelayMilliseconds: 0, confirm: true))
        switch outcome {
        case .sent(let receipt, .interrupted), .sent(let receipt, .connectionClosed):
            #expect(receipt.bytesSent > 0)
        default: Issue.record("\(outcome)")
        }
        #expect("\(outcome)".contains("job T001"))
        #expect(printer.connectionsSoFar == [requests + Array(big.prefix(500))])  // one connection, never a second
    }
}

/// Star printers: their automatic status, asked with ESC ACK SOH.
struct StarStatusTests {
    @Test func starBlocksAreSplitByTheirHeaderLength() {
        // Header 1 0Fh: 7 bytes; 23h: 9 bytes (bits 1-3 and 5).
        var p = PrinterResponseParser()
        let seven: [UInt8] = [0x0F, 0x04, 0x28, 0, 0, 0x08, 0]
        let nine: [UInt8] = [0x23, 0x06, 0, 0, 0, 0x04, 0, 0, 0]
        #expect(
            p.feed(seven + [0x12] + nine) == [
                .starAutomaticStatus(seven), .realTimeStatus(0x12), .starAutomaticStatus(nine),
            ])
        let coverAndPaper = PrinterStatus(starAutomatic: seven)
        #expect(coverAndPaper.coverOpen && !coverAndPaper.online && coverAndPaper.paperEnd)
        #expect(PrinterStatus(starAutomatic: nine) == PrinterStatus(paperNearEnd: true))
    }

    @Test func aStarPrinterOutOfPaperGetsNothing() throws {
        var state = ESCPOSPrinterDouble.State()
        state.paperEnd = true
        let printer = try ESCPOSPrinterDouble(state: state)
        let outcome = PrinterConnection.print(
            PrintJob(bytes: [0x1B, 0x40, 0x41, 0x0A]), to: .tcp(host: "127.0.0.1", port: printer.port),
            options: PrintOptions(statusDialect: .star))
        guard case .notStarted(_, .notReady(_, let status)) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(status.paperEnd && status.summary == "the printer reports: paper end — load paper")
        #expect(printer.received() == [[0x1B, 0x06, 0x01]])
    }

    @Test func aReadyStarPrinterPrintsAndIsNotAskedToConfirm() throws {
        let printer = try ESCPOSPrinterDouble()
        let bill: [UInt8] = [0x1B, 0x40, 0x41, 0x0A]
        let outcome = PrinterConnection.print(
            PrintJob(bytes: bill), to: .tcp(host: "127.0.0.1", port: printer.port),
            options: PrintOptions(confirm: true, statusDialect: .star))
        guard case .sent(_, .unsupported(let why)) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(why.hasPrefix("Star printers are not asked to confirm"))
        #expect(printer.received() == [[0x1B, 0x06, 0x01] + bill])
    }
}

/// A value shared with a thread, behind a lock.
final class LockedBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    var value: T {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
