import Foundation
import TestSupport
import Testing

/// The printer languages at the command line: `--format printer`, the Star formats, a language the
/// profile cannot speak, and `print` sending the profile's language.
@Suite struct StarCLITests {
    let docs = "golden/bills/docs-example.json"

    @Test func printSendsStarBytesOverTCP() throws {
        for profile in ["star-tsp143iv", "star-tsp654ii", "star-tsp100iii"] {
            let printer = try ESCPOSLoopbackPrinter()
            // A bare listener answers no status request: --no-status (the status exchange has its own test).
            let r = try CLIRunner.run([
                "print", docs, "--profile", profile, "--to", "tcp://127.0.0.1:\(printer.port)", "--no-status",
            ])
            #expect(r.status == 0, "\(r.stderr)")
            let bytes = try CLIRunner.run([docs, "--profile", profile, "--format", "printer"])
            #expect(bytes.status == 0)
            #expect(printer.captured() == [bytes.stdout], "\(profile)")
            #expect(bytes.stdout.starts(with: [0x1B, 0x40]))
        }
    }

    @Test func aLanguageTheProfileCannotSpeakIsAUsageError() throws {
        let r = try CLIRunner.run([docs, "--profile", "epson-tm-t20iii", "--format", "starprnt"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("profile epson-tm-t20iii does not speak starprnt (it takes escpos)"))
        let graphic = try CLIRunner.run([docs, "--profile", "star-tsp100iii", "--format", "escpos"])
        #expect(graphic.status == 64)
        // A StarPRNT printer takes Star Graphic too (raster mode).
        #expect(try CLIRunner.run([docs, "--profile", "star-tsp143iv", "--format", "stargraphic"]).status == 0)
    }

    @Test func listingIsTheProfilesLanguage() throws {
        let star = try CLIRunner.run([docs, "--profile", "star-tsp143iv", "--format", "listing"])
        #expect(star.status == 0)
        #expect(star.stdoutText.hasPrefix("ESC @\nESC 0\nESC GS t 1\n"))
        #expect(star.stdoutText.hasSuffix("ESC d 3\n"))
        let escpos = try CLIRunner.run([docs, "--format", "listing"])
        let old = try CLIRunner.run([docs, "--format", "escpos-listing"])
        #expect(escpos.stdout == old.stdout)
    }

    @Test func profilesShowLanguageAndPaper() throws {
        let r = try CLIRunner.run(["profiles"])
        #expect(r.status == 0)
        let lines = r.stdoutText.split(separator: "\n")
        #expect(lines.count >= 1 + 4 + 15)
        #expect(lines.contains { $0.hasPrefix("star-tsp100iii") && $0.contains("stargraphic") && $0.contains("80 mm") })
        #expect(lines.contains { $0.hasPrefix("star-sm-l200") && $0.contains("starprnt") && $0.contains("58 mm") })
        // The ESC/POS feed unit: 1/360 in (half a dot) on the 180-dpi Epson, the dot at 203 dpi.
        #expect(lines.contains { $0.hasPrefix("epson-tm-t88vi ") && $0.contains("1/360 in") })
        #expect(lines.contains { $0.hasPrefix("epson-tm-t20iii ") && $0.contains("1/203 in") })
        #expect(lines.contains { $0.hasPrefix("star-tsp143iv ") && !$0.contains(" in ") })
        let t88 = try CLIRunner.run(["profiles", "--json", "epson-tm-t88vi"])
        #expect(t88.stdoutText.contains("\"verticalUnitsPerDot\": 2"))
        let json = try CLIRunner.run(["profiles", "--json", "star-tsp654ii"])
        #expect(json.stdoutText.contains("\"language\": \"starline\""))
    }

    @Test func aProfileFileExtendsARealModel() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billrender-star-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("kitchen.json")
        try Data(#"{"extends": "star-mcprint3", "name": "kitchen", "capabilities": {"drawer": false}}"#.utf8).write(
            to: file)
        let r = try CLIRunner.run(["profiles", "--json", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdoutText.contains("\"language\": \"starprnt\""))
        #expect(r.stdoutText.contains("\"drawer\": false"))
    }
}
