import BillESCPOS
import BillPrinting
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A bill through a real cupsd's raw queue, whose device is a loopback TCP listener.
@Suite(.enabled(if: CUPSServer.unavailable == nil, "\(CUPSServer.unavailable ?? "")"), .serialized)
struct CUPSTests {
    let bill: [UInt8]

    init() throws {
        bill = try ESCPOSEncoder.encode(ESCPOSFixtures.docsExample(), profile: .generic80mm).bytes
    }

    @Test func aRawJobArrivesByteForByteAndConfirmsCompleted() throws {
        let cups = try CUPSServer()
        let printer = try ESCPOSLoopbackPrinter()
        try cups.addRawQueue("bar", device: "socket://127.0.0.1:\(printer.port)")
        let job = PrintJob(bytes: bill, id: PrintJobID("U001")!)
        let outcome = PrinterConnection.print(
            job, to: try PrinterDestination(parsing: "cups://\(cups.address)/bar"),
            options: PrintOptions(timeoutSeconds: 60, confirm: true))
        guard case .printed(let receipt) = outcome else {
            Issue.record("\(outcome)\n\(cups.log.suffix(3000))")
            return
        }
        #expect((receipt.spoolerJob ?? 0) > 0)
        #expect("\(outcome)".hasPrefix("job U001 printed at cups://\(cups.address)/bar (CUPS job "))
        #expect(printer.captured() == [bill])
    }

    @Test func anUnknownQueueIsNotStarted() throws {
        let cups = try CUPSServer()
        let outcome = PrinterConnection.print(
            PrintJob(bytes: bill), to: .cups(queue: "nowhere", server: cups.address), options: PrintOptions())
        guard case .notStarted(_, .spoolerFailed(queue: "nowhere", _)) = outcome else {
            Issue.record("\(outcome)")
            return
        }
    }

    @Test func theCLIReportsTheCUPSJob() throws {
        let cups = try CUPSServer()
        let printer = try ESCPOSLoopbackPrinter()
        try cups.addRawQueue("till", device: "socket://127.0.0.1:\(printer.port)")
        let golden = try Repository.bytes("golden/escpos/docs-example.80mm.bin")
        let r = try CLIRunner.run([
            "print", "golden/bills/docs-example.json", "--to", "cups://\(cups.address)/till", "--job-id", "U002",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("job U002 sent to cups://\(cups.address)/till as CUPS job "))
        #expect(printer.captured() == [golden])
    }
}

/// Serial lines, on a pseudo-terminal pair: billrender opens the slave side as a serial port (termios
/// raw, 8N1); the printer double answers on the master side.
struct SerialTests {
    let bill: [UInt8]

    init() throws {
        bill = try ESCPOSEncoder.encode(ESCPOSFixtures.docsExample(), profile: .generic58mm).bytes
    }

    /// A pseudo-terminal: its master (served by a double) and the slave's path, held open by `hold`
    /// until the test closes it, so the master does not see a hang-up before billrender opens it.
    func pty(state: ESCPOSPrinterDouble.State = .init()) throws -> (ESCPOSPrinterDouble, String, Int32) {
        // posix_openpt, unlockpt and ptsname by hand (Swift's Glibc module leaves them out): open the
        // multiplexer, unlock the slave (TIOCSPTLCK) and ask its number (TIOCGPTN); the numbers are
        // Linux's _IOW('T', 0x31, int) and _IOR('T', 0x30, unsigned int).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            throw POSIXError(.ENOTTY)
        }
        let path = "/dev/pts/\(number)"
        let hold = open(path, O_RDWR | O_NOCTTY)
        return (ESCPOSPrinterDouble(serving: master, state: state), path, hold)
    }

    @Test func aBillGoesDownASerialLineByteForByteAndIsConfirmed() throws {
        let (printer, path, hold) = try pty()
        let destination = try PrinterDestination(parsing: "serial:\(path)?baud=19200&flow=none")
        #expect(destination == .serial(path: path, settings: SerialSettings(baud: 19200, flowControl: .none)))
        let outcome = PrinterConnection.print(
            PrintJob(bytes: bill, id: PrintJobID("S001")!), to: destination, options: PrintOptions(confirm: true))
        close(hold)
        guard case .printed = outcome else {
            Issue.record("\(outcome)")
            return
        }
        let confirmation: [UInt8] = [0x1D, 0x28, 0x48, 6, 0, 48, 48] + Array("S001".utf8)
        #expect(printer.received() == [ESCPOSPrinterDouble.statusRequests + bill + confirmation])
    }

    @Test func aSerialPrinterOutOfPaperGetsNothing() throws {
        var state = ESCPOSPrinterDouble.State()
        state.paperEnd = true
        let (printer, path, hold) = try pty(state: state)
        let outcome = PrinterConnection.print(
            PrintJob(bytes: bill), to: .serial(path: path, settings: SerialSettings(baud: 9600, flowControl: .rtscts)))
        close(hold)
        guard case .notStarted(_, let error) = outcome, error.isNotReady else {
            Issue.record("\(outcome)")
            return
        }
        #expect(printer.received() == [ESCPOSPrinterDouble.statusRequests])
    }

    @Test func statusOverSerialFromTheCLI() throws {
        var state = ESCPOSPrinterDouble.State()
        state.paperNearEnd = true
        let (_, path, hold) = try pty(state: state)
        defer { close(hold) }
        let r = try CLIRunner.run(["status", "--to", "serial:\(path)?baud=115200&flow=xonxoff", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdoutText.contains("\"paperNearEnd\": true"))
    }

    @Test func aReadableCharacterDeviceIsAskedItsStatusToo() throws {
        // A device path (as /dev/usb/lp0 is) that opens for reading: the status is asked first.
        var state = ESCPOSPrinterDouble.State()
        state.coverOpen = true
        let (printer, path, hold) = try pty(state: state)
        let outcome = PrinterConnection.print(PrintJob(bytes: bill), to: try PrinterDestination(parsing: path))
        close(hold)
        guard case .notStarted(_, .notReady(destination: path, let status)) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(status.coverOpen)
        #expect(printer.received() == [ESCPOSPrinterDouble.statusRequests])
    }

    @Test func aFileIsNotASerialLine() throws {
        let dir = try ESCPOSTempDirectory()
        let path = try dir.write("not-a-tty", [UInt8]())
        let outcome = PrinterConnection.print(
            PrintJob(bytes: bill), to: .serial(path: path, settings: SerialSettings()))
        guard case .notStarted(_, .serialSetupFailed(path: path, let reason)) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(reason.hasPrefix("not a serial line"))
    }

    @Test(arguments: [
        "serial:/dev/ttyUSB0?baud=1234", "serial:/dev/ttyUSB0?flow=maybe", "serial:ttyUSB0",
        "serial:/dev/ttyUSB0?parity=odd", "cups:", "cups:bad queue", "cups://host",
    ])
    func badSerialAndCUPSDestinationsAreRefused(_ text: String) {
        #expect(throws: PrintError.self) { try PrinterDestination(parsing: text) }
    }
}
