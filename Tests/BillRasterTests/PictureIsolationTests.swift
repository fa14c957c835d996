import BillLayout
import BillModel
import Foundation
import Testing

@testable import BillRaster

/// librsvg runs in the helper process: whatever happens there — an abort, a hang, running out of
/// memory — costs the bill only that picture, with a warning naming its JSON path. The overruns
/// are provoked deterministically (a helper that aborts or never answers, a budget of nothing),
/// never timed.
@Suite("Picture isolation")
struct PictureIsolationTests {
    static let logo =
        #"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>"#

    /// A stand-in helper: a shell script doing `body`.
    static func script(_ body: String) throws -> String {
        // Written through a close-on-exec descriptor: a helper another test starts meanwhile must not
        // inherit it open for writing, or starting this script fails with ETXTBSY.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("billrender-svg-\(UUID().uuidString)")
            .path
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        let text = Array("#!/bin/sh\n\(body)\n".utf8)
        guard write(fd, text, text.count) == text.count else { throw POSIXError(.EIO) }
        return path
    }

    /// A logo of its own per test (the caches are process-wide) on a one-line bill.
    static func layout(_ svg: String) -> Layout {
        let grid = LayoutGrid(columns: 48, dotsWidth: 576, cellWidth: 12, cellHeight: 24)
        return Layout(
            grid: grid,
            blocks: [
                .image(
                    ImageBlock(svg: svg, role: .logo, alignment: .center, sourcePath: "header.lines[0].logo.svgImage")),
                .text(TextLine(text: "TOTAL", cells: 5)),
            ])
    }

    static func unique(_ tag: String) -> String {
        Self.logo.replacingOccurrences(of: "<rect", with: "<desc>\(tag) \(UUID().uuidString)</desc><rect")
    }

    func render(_ svg: String, limits: SVGLimits) throws -> RasterPNG {
        try RasterRenderer.png(Self.layout(svg), options: RasterOptions(svgLimits: limits))
    }

    @Test func theRealHelperDrawsTheLogo() throws {
        let output = try render(Self.unique("real"), limits: SVGLimits())
        #expect(output.diagnostics.isEmpty)
        #expect(output.height > 24 + 19)
    }

    @Test func anAbortInTheHelperCostsOnlyThePicture() throws {
        let helper = try Self.script("kill -ABRT $$")
        defer { try? FileManager.default.removeItem(atPath: helper) }
        let output = try render(Self.unique("abort"), limits: SVGLimits(sandbox: .helper(path: helper)))
        let warning = try #require(output.diagnostics.first)
        #expect(warning.path == "header.lines[0].logo.svgImage")
        #expect(warning.code == .invalidSVG)
        #expect(warning.message.contains("signal 6"))
        #expect(output.height == 24)  // the text line, without the picture
    }

    @Test func aHelperThatNeverAnswersIsStopped() throws {
        let helper = try Self.script("exec sleep 60")
        defer { try? FileManager.default.removeItem(atPath: helper) }
        var left = Duration.milliseconds(300)
        #expect(throws: RasterError.pictureBudget("still drawing after 300 ms; stopped")) {
            try PictureDrawing.draw(
                Self.unique("hang"), box: (100, 100), growToFit: true,
                limits: SVGLimits(timeBudgetMilliseconds: 300, sandbox: .helper(path: helper)), timeLeft: &left)
        }
        #expect(left <= .zero)
    }

    @Test func aSpentBudgetLeavesLaterPicturesOut() throws {
        let output = try render(Self.unique("budget"), limits: SVGLimits(timeBudgetMilliseconds: 0))
        let warning = try #require(output.diagnostics.first)
        #expect(warning.code == .limitExceeded && warning.path == "header.lines[0].logo.svgImage")
        #expect(warning.message.contains("0 ms for pictures is spent"))
    }

    @Test func aHelperOverItsMemoryLimitCostsOnlyThePicture() throws {
        // 1 MiB of data segment is less than the loader, the Swift runtime and librsvg need.
        let output = try render(Self.unique("memory"), limits: SVGLimits(memoryBudgetBytes: 1 << 20))
        let warning = try #require(output.diagnostics.first)
        #expect(warning.path == "header.lines[0].logo.svgImage")
        #expect(output.height == 24)
    }

    @Test func aMissingHelperIsAWarning() throws {
        let output = try render(
            Self.unique("missing"), limits: SVGLimits(sandbox: .helper(path: "/nonexistent/billrender-svg")))
        let warning = try #require(output.diagnostics.first)
        #expect(warning.message.contains(PictureHelper.notFound))
    }

    @Test func aHelperThatAnswersNonsenseIsAWarning() throws {
        let helper = try Self.script("cat >/dev/null; printf 'ok 999999 2 1 1\\n'")
        defer { try? FileManager.default.removeItem(atPath: helper) }
        let output = try render(Self.unique("nonsense"), limits: SVGLimits(sandbox: .helper(path: helper)))
        #expect(output.diagnostics.first?.message.contains("malformed answer") == true)
    }

    @Test func aFailureIsRememberedSoItCostsOnce() throws {
        let helper = try Self.script("kill -ABRT $$")
        let svg = Self.unique("remembered")
        let limits = SVGLimits(sandbox: .helper(path: helper))
        _ = try render(svg, limits: limits)
        // The helper is gone now; the second render does not need it.
        try FileManager.default.removeItem(atPath: helper)
        let second = try render(svg, limits: limits)
        #expect(second.diagnostics.first?.message.contains("signal 6") == true)
    }

    @Test func inProcessDrawingStillSanitises() throws {
        let svg = Self.unique("in-process").replacingOccurrences(of: "<rect", with: #"<script>x</script><rect"#)
        let output = try render(svg, limits: SVGLimits(sandbox: .inProcess))
        #expect(
            output.diagnostics.map(\.message) == [
                "the picture is drawn without what billrender does not draw: scripts"
            ])
        #expect(output.height > 24)
    }
}
