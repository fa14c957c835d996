import BillESCPOS
import BillLayout
import PixelSupport
import TestSupport
import Testing

/// `--qr` and `--escpos-mode` through the built binary, on render and on print.
@Suite struct ESCPOSCLITests {
    @Test func qrRasterPrintsTheQRCodeAsAPictureThatScans() throws {
        let r = try CLIRunner.run(["golden/bills/docs-example.json", "--format", "escpos", "--qr", "raster"])
        #expect(r.status == 0)
        let decoded = ESCPOSDecoder.decode(r.stdout, profile: .generic80mm)
        #expect(decoded.problems == [] && decoded.qrPayloads == [])
        #expect(try ESCPOSZBar.decode(try #require(decoded.rasterImages.last)) == ["https://www.website.com"])
    }

    @Test func escposModeRasterOnRenderAndPrintSendsThePNGsDots() throws {
        let render = try CLIRunner.run([
            "golden/bills/docs-example.json", "--format", "escpos", "--escpos-mode", "raster",
            "--paper", "58mm",
        ])
        #expect(render.status == 0)
        let decoded = ESCPOSDecoder.decode(render.stdout, profile: .generic58mm)
        #expect(decoded.problems == [] && decoded.cuts == 1)
        let png = try CLIRunner.run(["golden/bills/docs-example.json", "--format", "png", "--paper", "58mm", "-o", "-"])
        #expect(decoded.rasterImages == [try PixelPNG.decode(png.stdout).bitmap])

        let printer = try ESCPOSLoopbackPrinter()
        let printed = try CLIRunner.run([
            "print", "golden/bills/docs-example.json", "--paper", "58mm", "--escpos-mode", "raster",
            "--to", "tcp://127.0.0.1:\(printer.port)", "--no-status",
        ])
        #expect(printed.status == 0)
        #expect(printer.captured() == [render.stdout])
    }

    @Test func badChoicesAreUsageErrors() throws {
        #expect(
            try CLIRunner.run(["golden/bills/docs-example.json", "--format", "escpos", "--qr", "image"]).status == 64)
        #expect(try CLIRunner.run(["golden/bills/docs-example.json", "--escpos-mode", "bitmap"]).status == 64)
    }
}
