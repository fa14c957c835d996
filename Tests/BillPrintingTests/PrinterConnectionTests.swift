import BillESCPOS
import BillLayout
import BillPrinting
import TestSupport
import Testing

/// Printing over real loopback TCP sockets and to files.
struct PrinterConnectionTests {
    let bill: [UInt8]

    init() throws {
        bill = try ESCPOSEncoder.encode(ESCPOSFixtures.docsExample(), profile: .generic80mm).bytes
    }

    @Test func tcpDeliversExactlyTheBytes() throws {
        let printer = try ESCPOSLoopbackPrinter()
        try PrinterConnection.send(bill, to: try PrinterDestination(parsing: "tcp://127.0.0.1:\(printer.port)"))
        #expect(printer.captured() == [bill])
    }

    @Test func largeStreamsArriveWhole() throws {
        let printer = try ESCPOSLoopbackPrinter()
        let big = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0) }
        try PrinterConnection.send(big, to: .tcp(host: "localhost", port: printer.port))
        #expect(printer.captured().first == big)
    }

    @Test func aRefusedPortIsAClearErrorAfterTheRetries() {
        let port = ESCPOSLoopbackPorts.refused()
        let options = PrintOptions(timeoutSeconds: 3, connectAttempts: 2, retryDelayMilliseconds: 10)
        #expect(throws: PrintError.refused(host: "127.0.0.1", port: port, attempts: 2)) {
            try PrinterConnection.send(bill, to: .tcp(host: "127.0.0.1", port: port), options: options)
        }
        let message = PrintError.refused(host: "127.0.0.1", port: 9100, attempts: 2).description
        #expect(
            message == "127.0.0.1:9100 refused the connection (2 attempts); is the printer on and is 9100 its raw port?"
        )
        let silent = PrintError.nothingAnswered(host: "127.0.0.1", port: 9100, seconds: 3, attempts: 1).description
        #expect(silent.hasPrefix("nothing answered at 127.0.0.1:9100 within 3 s"))
    }

    @Test func anUnknownHostIsAClearError() {
        #expect {
            try PrinterConnection.send(
                bill, to: .tcp(host: "no-such-printer.invalid", port: 9100),
                options: PrintOptions(connectAttempts: 1))
        } throws: { error in
            guard let e = error as? PrintError, case .unknownHost("no-such-printer.invalid", _) = e else {
                return false
            }
            return true
        }
    }

    @Test func deviceFilesGetTheBytesAndAreNeverCreated() throws {
        let dir = try ESCPOSTempDirectory()
        let path = try dir.write("lp0", [UInt8]())
        try PrinterConnection.send(bill, to: try PrinterDestination(parsing: path))
        #expect(try dir.read("lp0") == bill)
        #expect(throws: PrintError.openFailed(path: dir.path + "/lp1", reason: "no such device or file")) {
            try PrinterConnection.send(bill, to: .device(path: dir.path + "/lp1"))
        }
    }

    @Test(arguments: [
        ("tcp://10.0.0.5:9100", PrinterDestination.tcp(host: "10.0.0.5", port: 9100)),
        ("tcp://printer.local", .tcp(host: "printer.local", port: 9100)),
        ("tcp://[::1]:9101", .tcp(host: "::1", port: 9101)),
        ("/dev/usb/lp0", .device(path: "/dev/usb/lp0")),
    ])
    func destinationsParse(_ text: String, _ expected: PrinterDestination) throws {
        #expect(try PrinterDestination(parsing: text) == expected)
    }

    @Test(arguments: ["tcp://", "tcp://host:0", "tcp://host:99999", "tcp://host:x", "usb://x", ""])
    func badDestinationsAreRefused(_ text: String) {
        #expect(throws: PrintError.self) { try PrinterDestination(parsing: text) }
    }
}

extension PrinterConnectionTests {
    @Test func aPrinterThatNeverAnswersTimesOut() {
        let silent = ESCPOSSilentPort()
        let options = PrintOptions(timeoutSeconds: 0.3, connectAttempts: 2, retryDelayMilliseconds: 0)
        #expect(throws: PrintError.nothingAnswered(host: "127.0.0.1", port: silent.port, seconds: 0.3, attempts: 2)) {
            try PrinterConnection.send(bill, to: .tcp(host: "127.0.0.1", port: silent.port), options: options)
        }
    }
}

extension PrinterConnectionTests {
    @Test func absurdOptionsAreClampedNotTrapped() {
        let port = ESCPOSLoopbackPorts.refused()
        let options = PrintOptions(timeoutSeconds: .nan, connectAttempts: -3, retryDelayMilliseconds: -1)
        #expect(throws: PrintError.refused(host: "127.0.0.1", port: port, attempts: 1)) {
            try PrinterConnection.send([0x1B, 0x40], to: .tcp(host: "127.0.0.1", port: port), options: options)
        }
    }
}
