import BillLayout
import Foundation
import TestSupport
import Testing

/// The text output aligns in a terminal: for every line of every golden text output, the width
/// billrender counts is the width Python's `wcwidth` package (0.7, the convention terminals follow)
/// counts, no line is wider than the paper's columns, and a row's amount ends in the last column.
@Suite struct WcwidthOracleTests {
    static var pythonHasWcwidth: Bool {
        (try? run(["python3", "-c", "import wcwidth"]))?.status == 0
    }

    @Test(.enabled(if: pythonHasWcwidth))
    func goldenTextLinesMeasureAsWcwidthMeasuresThem() throws {
        let dir = Repository.golden.appendingPathComponent("text")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }
            .sorted()
        #expect(names.count >= 40)
        var lines: [(file: String, line: String)] = []
        for name in names {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append((name, String(line)))
            }
        }
        // One python run measures every line (sent as JSON, one width a line back).
        let script = "import json, sys, wcwidth\nfor s in json.load(sys.stdin): print(wcwidth.wcswidth(s))"
        let input = try JSONSerialization.data(withJSONObject: lines.map(\.line))
        let result = try Self.run(["python3", "-c", script], input: input)
        #expect(result.status == 0)
        let widths = result.output.split(separator: "\n").compactMap { Int($0) }
        try #require(widths.count == lines.count)
        for ((file, line), width) in zip(lines, widths) {
            #expect(DisplayWidth.of(line) == width, "\(file): \"\(line)\" is \(width) cells to wcwidth")
            let columns = file.contains("58mm") ? 32 : 48
            #expect(width <= columns, "\(file): \"\(line)\" is \(width) cells, wider than \(columns)")
            // A label…amount row: an amount after a run of padding, ending in a digit.
            if let last = line.last, last.isNumber, let gap = line.range(of: "  ", options: .backwards),
                !line[gap.upperBound...].contains(" "), !line.hasPrefix(" ")
            {
                #expect(width == columns, "\(file): the amount of \"\(line)\" does not end in column \(columns)")
            }
        }
    }

    static func run(_ arguments: [String], input: Data? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
