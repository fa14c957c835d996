import Foundation
import TestSupport
import Testing

/// The built `billrender` binary, run as a user runs it: stdout, stderr and exit code.
@Suite struct CLITests {
    let spec = "golden/bills/spec-rest-example.json"
    let docs = "golden/bills/docs-example.json"

    func run(_ args: [String], stdin: [UInt8] = []) throws -> CLIRunner.Result {
        let r = try CLIRunner.run(args, stdin: stdin)
        #expect(!r.signalled, "billrender \(args) died by a signal: \(r.stderr)")
        return r
    }

    @Test func rendersTheSpecExampleAsText() throws {
        let r = try run([spec])
        #expect(r.status == 0)
        #expect(
            r.stdoutText
                == (try String(decoding: Repository.bytes("golden/text/spec-rest-example.80mm.txt"), as: UTF8.self)))
        #expect(r.stderr.contains("billrender: warning: order.taxLines[0].amountPercentage: 20 means 0.2%"))
    }

    @Test func renderIsTheDefaultCommandAndReadsStandardInput() throws {
        let viaStdin = try run(["render", "-", "--paper", "58mm"], stdin: try Repository.bytes(spec))
        let viaFile = try run([spec, "--paper", "58mm"])
        #expect(viaStdin.status == 0)
        #expect(viaStdin.stdout == viaFile.stdout)
        #expect(
            viaFile.stdoutText
                == (try String(decoding: Repository.bytes("golden/text/spec-rest-example.58mm.txt"), as: UTF8.self)))
    }

    @Test func writesToAFile() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("billrender-\(UUID()).txt")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try run([spec, "-o", out.path])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        #expect(try String(contentsOf: out, encoding: .utf8).contains("£62.95"))
    }

    @Test func docsExampleWarnsWithPathsAndFailsWhenStrict() throws {
        let lenient = try run([docs])
        #expect(lenient.status == 0)
        for path in [
            "order.discounts[0].amountTotal.value", "order.serviceChargeAmount.value",
            "order.taxLines[0].amountTotal.value", "header.lines[0].logo.svgImage",
        ] {
            #expect(lenient.stderr.contains("warning: \(path):"), "no warning for \(path)")
        }
        let strict = try run([docs, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stdout.isEmpty)
        #expect(strict.stderr.contains("the bill was not rendered: 7 warnings under --strict"))
    }

    @Test func validateListsDiagnostics() throws {
        let ok = try run(["validate", spec])
        #expect(ok.status == 0)
        #expect(ok.stdoutText.hasSuffix("0 errors, 2 warnings\n"))
        #expect(try run(["validate", spec, "--strict"]).status == 1)
        #expect(try run(["validate", "golden/bills/jpy.json", "--strict"]).status == 0)
        let json = try run(["validate", docs, "--json"])
        #expect(json.status == 0)
        #expect(json.stdoutText.contains("\"code\": \"fractionalMinorUnits\""))
        #expect(json.stdoutText.contains("\"path\": \"order.discounts[0].amountTotal.value\""))
    }

    @Test func layoutPrintsTheTree() throws {
        let r = try run(["layout", spec])
        #expect(r.status == 0)
        #expect(
            r.stdoutText
                == (try String(decoding: Repository.bytes("golden/layout/spec-rest-example.80mm.layout"), as: UTF8.self))
        )
    }

    @Test(arguments: [
        ("{\"order\": ", "error: not valid JSON: line 1, column 11: the input ends where a value should be"),
        ("", "error: not valid JSON: line 1, column 1: the input is empty"),
        ("[1, 2]", "error: expected a JSON object (an OrderBill or a JSON-RPC response), found an array of 2"),
        ("{\"header\": {\"lines\": []}}", "error: order: required field \"order\" is missing"),
        (
            "{\"order\": {\"items\": [{\"name\": \"A\", \"plu\": \"1\", \"quantity\": \"2\", \"amountPerItem\": {\"value\": 1, \"currencyCode\": \"GBP\"}}]}}",
            "error: order.items[0].quantity: expected an integer, found \"2\""
        ),
        (
            "{\"order\": {\"totalAmount\": {\"value\": \"12.50\", \"currencyCode\": \"GBP\"}}}",
            "error: order.totalAmount.value: expected an integer number of minor units, found \"12.50\""
        ),
    ])
    func badBillsExitOneWithTheReason(input: String, message: String) throws {
        for format in ["text", "escpos", "png"] {
            let r = try run(["-", "--format", format, "-o", "/dev/null"], stdin: Array(input.utf8))
            #expect(r.status == 1, "\(format): \(r.stderr)")
            #expect(r.stderr.contains(message), "\(format): \(r.stderr)")
        }
        let v = try run(["validate", "-"], stdin: Array(input.utf8))
        #expect(v.status == 1)
    }

    @Test func missingFileAndDirectory() throws {
        let missing = try run(["no-such-bill.json"])
        #expect(missing.status == 66)
        #expect(missing.stderr == "billrender: no-such-bill.json: no such file\n")
        let dir = try run(["golden"])
        #expect(dir.status == 66)
        #expect(dir.stderr == "billrender: golden: is a directory, not a bill\n")
    }

    @Test func inputLimit() throws {
        let r = try run([spec, "--max-input-bytes", "100"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("the limit is 100"))
    }

    @Test func usageErrors() throws {
        let r = try run([spec, "--columns", "5"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--columns must be between 16 and 160"))
        #expect(try run([spec, "--format", "jpeg"]).status == 64)
        #expect(try run([spec, "--profile", "no-such-printer"]).status == 64)
    }

    @Test func helpHasExamplesAndExitCodes() throws {
        let r = try run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdoutText.contains("billrender bill.json --format escpos -o bill.bin"))
        #expect(r.stdoutText.contains("66  the input cannot be read"))
    }
}

/// `billrender print` against a real TCP listener on loopback.
@Suite struct CLIPrintTests {
    @Test func printDeliversTheGoldenBytes() throws {
        let printer = try ESCPOSPrinterDouble()
        let r = try CLIRunner.run([
            "print", "golden/bills/docs-example.json", "--to", "tcp://127.0.0.1:\(printer.port)",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let golden = try Repository.bytes("golden/escpos/docs-example.80mm.bin")
        #expect(printer.received() == [ESCPOSPrinterDouble.statusRequests + golden])
        let escpos = try CLIRunner.run(["golden/bills/docs-example.json", "--format", "escpos"])
        #expect(escpos.stdout == golden)
    }

    @Test func noStatusSendsOnlyTheBill() throws {
        let printer = try ESCPOSLoopbackPrinter()
        let r = try CLIRunner.run([
            "print", "golden/bills/docs-example.json", "--to", "tcp://127.0.0.1:\(printer.port)", "--no-status",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(printer.captured() == [try Repository.bytes("golden/escpos/docs-example.80mm.bin")])
    }

    @Test(arguments: [("paper", "paper end — load paper"), ("cover", "cover open — close the cover")])
    func aPrinterThatCannotPrintIsExit75AndGetsNothing(_ what: String, _ cause: String) throws {
        var state = ESCPOSPrinterDouble.State()
        if what == "paper" { state.paperEnd = true } else { state.coverOpen = true }
        let printer = try ESCPOSPrinterDouble(state: state)
        let r = try CLIRunner.run([
            "print", "golden/bills/docs-example.json", "--to", "tcp://127.0.0.1:\(printer.port)", "--job-id", "B042",
        ])
        #expect(r.status == 75)
        #expect(
            r.stderr.hasSuffix("\nbillrender: job B042 not printed, nothing was sent: the printer reports: \(cause)\n"))
        #expect(printer.received() == [ESCPOSPrinterDouble.statusRequests])
    }

    @Test func confirmIsExit0OnlyAfterTheAnswer() throws {
        let printer = try ESCPOSPrinterDouble()
        let r = try CLIRunner.run([
            "print", "golden/bills/docs-example.json", "--to", "tcp://127.0.0.1:\(printer.port)", "--confirm",
            "--job-id", "C001",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("job C001 printed at tcp://127.0.0.1:\(printer.port), confirmed by the printer"))
        #expect(printer.answered == [Array("C001".utf8)])
    }

    @Test func confirmWithoutAnAnswerIsExit74AndNotResent() throws {
        let printer = try ESCPOSPrinterDouble(behaviour: .noProcessID, connections: 2)
        let r = try CLIRunner.run([
            "print", "golden/bills/docs-example.json", "--to", "tcp://127.0.0.1:\(printer.port)", "--confirm",
            "--timeout", "0.3", "--job-id", "C002",
        ])
        #expect(r.status == 74)
        #expect(r.stderr.contains("job C002 sent to tcp://127.0.0.1:\(printer.port), not confirmed: no answer"))
        #expect(printer.connectionsSoFar.count == 1)
    }

    @Test func aProfileWithoutProcessIDMakesConfirmExit74WithoutWaiting() throws {
        let dir = try ESCPOSTempDirectory()
        let profile = try dir.write(
            "clone.json",
            #"{"extends": "generic-80mm", "name": "clone", "communication": {"processIDResponse": false}}"#)
        let printer = try ESCPOSPrinterDouble()
        let r = try CLIRunner.run([
            "print", "golden/bills/docs-example.json", "--to", "tcp://127.0.0.1:\(printer.port)", "--confirm",
            "--profile", profile, "--job-id", "P001", "--timeout", "600",
        ])
        #expect(r.status == 74)
        #expect(
            r.stderr.contains("job P001 sent to tcp://127.0.0.1:\(printer.port), not confirmed: the printer's profile"))
        #expect(printer.received().first?.starts(with: ESCPOSPrinterDouble.statusRequests) == true)
    }

    @Test func nearEndIsAWarning() throws {
        var state = ESCPOSPrinterDouble.State()
        state.paperNearEnd = true
        let printer = try ESCPOSPrinterDouble(state: state)
        let r = try CLIRunner.run([
            "print", "golden/bills/docs-example.json", "--to", "tcp://127.0.0.1:\(printer.port)", "--job-id", "N001",
        ])
        #expect(r.status == 0)
        #expect(r.stderr.hasSuffix("\nbillrender: warning: job N001: paper near end — replace the roll soon\n"))
    }

    @Test func statusJSONAndExitCodes() throws {
        var state = ESCPOSPrinterDouble.State()
        state.coverOpen = true
        let open = try ESCPOSPrinterDouble(state: state)
        let r = try CLIRunner.run(["status", "--to", "tcp://127.0.0.1:\(open.port)", "--json"])
        #expect(r.status == 75)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout)) as? [String: Any])
        #expect(json["online"] as? Bool == false && json["coverOpen"] as? Bool == true)
        #expect(json["paperEnd"] as? Bool == false && json["paperNearEnd"] as? Bool == false)
        #expect(json["error"] as? Bool == false && json["ready"] as? Bool == false)
        let ready = try ESCPOSPrinterDouble()
        let ok = try CLIRunner.run(["status", "--to", "tcp://127.0.0.1:\(ready.port)"])
        #expect(ok.status == 0 && ok.stdoutText == "tcp://127.0.0.1:\(ready.port): ready\n")
        let silent = try ESCPOSPrinterDouble(behaviour: .silent)
        let none = try CLIRunner.run(["status", "--to", "tcp://127.0.0.1:\(silent.port)", "--timeout", "0.2"])
        #expect(none.status == 69 && none.stderr.contains("did not answer a status request within 0.2 s"))
    }

    @Test func nothingAnsweringIsExit69() throws {
        // A port nothing listens on: connect is refused at once.
        let port = ESCPOSLoopbackPorts.refused()
        let r = try CLIRunner.run([
            "print", "golden/bills/spec-rest-example.json", "--to", "tcp://127.0.0.1:\(port)",
            "--attempts", "1", "--timeout", "2",
        ])
        #expect(r.status == 69)
        #expect(r.stderr.contains("127.0.0.1:\(port)"))
    }

    @Test func profilesAreListed() throws {
        let r = try CLIRunner.run(["profiles"])
        #expect(r.status == 0)
        for name in ["generic-80mm", "generic-58mm", "epson-tm-t88", "raster-80mm"] {
            #expect(r.stdoutText.contains(name))
        }
    }
}

/// Resource limits are options with clear errors.
@Suite struct CLILimitTests {
    let spec = "golden/bills/spec-rest-example.json"

    @Test func itemLimit() throws {
        let r = try CLIRunner.run([spec, "--max-items", "3"])
        #expect(r.status == 1)
        #expect(
            r.stderr
                == "billrender: error: order.items: 6 items; the limit is 3 (DecodingOptions.maxItems, --max-items)\n")
    }

    @Test func rasterHeightLimit() throws {
        let r = try CLIRunner.run([spec, "--format", "png", "-o", "/dev/null", "--max-raster-height", "500"])
        #expect(r.status == 1)
        #expect(
            r.stderr.hasSuffix(
                "billrender: the bill could not be drawn: the bill is 510 rows tall, more than the limit of 500\n"))
    }

    @Test func svgLimitSkipsThePictureWithAWarning() throws {
        let r = try CLIRunner.run([spec, "--format", "png", "-o", "/dev/null", "--max-svg-bytes", "100"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("header.lines[0].logo.svgImage: the SVG has 1993 bytes, more than the limit of 100"))
    }
}

/// `-o` names a file to replace, or something to write into: a printer's device file, a pipe.
@Suite struct CLIOutputTests {
    let spec = "golden/bills/spec-rest-example.json"

    /// Writing into a FIFO must leave the FIFO in place (the CLI once replaced whatever `-o`
    /// named with a regular file, which, run as root, turned /dev/null and /dev/usb/lp0 into files).
    @Test func aFIFOIsWrittenIntoNotReplaced() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billrender-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("printer").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // A reader on the other end, as a spooler would be (the bill fits in the pipe's buffer).
        let fd = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(fd >= 0)
        defer { close(fd) }
        let r = try CLIRunner.run([spec, "--format", "escpos", "-o", fifo])
        #expect(r.status == 0, "\(r.stderr)")
        var status = stat()
        #expect(stat(fifo, &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFIFO, "the FIFO was replaced")
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = read(fd, &buffer, buffer.count)
            if got <= 0 { break }
            received += buffer[0..<got]
        }
        #expect(received == (try CLIRunner.run([spec, "--format", "escpos"])).stdout)
        #expect(received.count > 1000)
    }

    @Test func aRegularFileIsReplacedWhole() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billrender-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("bill.txt").path
        FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x41, count: 100_000))
        let r = try CLIRunner.run([spec, "--format", "text", "-o", path])
        #expect(r.status == 0)
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written == (try CLIRunner.run([spec, "--format", "text"])).stdout)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["bill.txt"])
    }
}
