import BillTemplates
import Foundation
import TestSupport
import Testing

/// The real binary: `billrender validate --strict` on every golden bill, and `billrender build`.
@Suite struct CLIBuildTests {
    static var goldenBills: [String] {
        GoldenBillTests.cases.map { "golden/templates/\($0.template)/\($0.order)--\($0.merchant).json" }
    }

    @Test func everyGoldenBillPassesValidateStrict() throws {
        for file in Self.goldenBills {
            let r = try CLIRunner.run(["validate", "--strict", file])
            #expect(r.status == 0, "\(file): \(r.stdoutText) \(r.stderr)")
        }
    }

    // Enable when BuildCommand is registered in Billrender.subcommands (it passes then: tried).
    @Test
    func buildWritesTheGoldenBillAndPreviews() throws {
        let args = [
            "build", "--template", "restaurant", "--order", "templates/examples/order-dine-in.json",
            "--merchant", "templates/examples/merchant.json", "--now", "2026-06-12T20:15:00Z",
        ]
        let json = try CLIRunner.run(args)
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout == (try Repository.bytes("golden/templates/restaurant/dine-in-full--full.json")))
        let text = try CLIRunner.run(args + ["--format", "text"])
        #expect(text.stdout == (try Repository.bytes("golden/templates/restaurant/dine-in-full--full.txt")))
        let envelope = try CLIRunner.run(args + ["--jsonrpc-id", "42"])
        #expect(envelope.stdoutText.contains(#""jsonrpc": "2.0""#))

        let strict = try CLIRunner.run([
            "build", "--template", "minimal", "--order", "templates/examples/order-minimal.json",
            "--merchant", "templates/examples/merchant-name-only.json", "--strict",
        ])
        #expect(strict.status == 1)
        let unknown = try CLIRunner.run([
            "build", "--template", "bistro", "--order", "templates/examples/order-minimal.json",
            "--merchant", "templates/examples/merchant-name-only.json",
        ])
        #expect(unknown.status == 66)
        #expect(unknown.stderr.contains("built-in templates: cafe, minimal, narrow-58mm, restaurant"))
    }
}
