import ArgumentParser
import BillBench
import BillJSON
import BillModel
import BillRender

/// `billrender bench`: per-bill medians, bills per second and bytes, for each output format.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time renders in one process (build with -c release); without BILL, a built-in corpus.")

    @Argument(help: "Bills to time; none runs the spec example and bills of 30, 300 and 3,000 items.")
    var bills: [String] = []

    @Option(help: "Renders per bill and format (fewer for bills over 30 items).")
    var iterations = 300

    @Flag(help: "Print a JSON array of {bill, format, median_us, bytes}.")
    var json = false

    @Option(
        help:
            "Only these formats, comma-separated (decode, text, escpos, escpos-raster-qr, png, escpos-raster, pdf, svg)."
    )
    var formats: String?

    @Option(
        help: ArgumentHelp(
            "Write the built-in corpus as JSON files into this directory and stop (for tools/bench).",
            valueName: "DIR"))
    var saveCorpus: String?

    var selectedFormats: [BillBenchmark.Format] {
        guard let formats else { return BillBenchmark.Format.allCases }
        return formats.split(separator: ",").compactMap { BillBenchmark.Format(rawValue: String($0)) }
    }

    func validate() throws {
        if iterations < 1 { throw ValidationError("--iterations must be positive") }
        if let formats,
            formats.split(separator: ",").contains(where: { BillBenchmark.Format(rawValue: String($0)) == nil })
        {
            let known = BillBenchmark.Format.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--formats takes \(known)")
        }
    }

    func run() throws {
        try CLIIO.run {
            if let saveCorpus {
                for bill in BenchmarkCorpus.standard {
                    try CLIIO.write(bill.json, to: saveCorpus + "/" + bill.name + ".json")
                }
                return
            }
            var corpus: [(name: String, json: [UInt8])] = []
            if bills.isEmpty {
                corpus = BenchmarkCorpus.standard
            } else {
                for path in bills {
                    let name = String(path.split(separator: "/").last ?? Substring(path)).replacingSuffix(".json")
                    corpus.append((name, try CLIIO.read(path, limit: DecodingOptions().maxInputBytes)))
                }
            }
            let results = BillBenchmark.run(bills: corpus, formats: selectedFormats, iterations: iterations)
            if json {
                let rows = results.map { m -> JSONValue in
                    .object(
                        JSONObject([
                            ("bill", .string(m.bill)), ("format", .string(m.format.rawValue)),
                            ("median_us", .number(JSONNumber(literal: fixed(m.medianMicroseconds, 1)))),
                            ("bytes", .number(JSONNumber(Int64(m.bytes)))),
                        ]))
                }
                print(JSONWriter.write(.array(rows), pretty: true))
                return
            }
            print("bill              format             median µs    bills/s      bytes   µs/item")
            for m in results {
                let perSecond = m.medianMicroseconds > 0 ? 1e6 / m.medianMicroseconds : 0
                let perItem = m.items > 0 ? fixed(m.medianMicroseconds / Double(m.items), 2) : "-"
                print(
                    pad(m.bill, 18) + pad(m.format.rawValue, 17) + lpad(fixed(m.medianMicroseconds, 1), 12)
                        + lpad(fixed(perSecond, 0), 11) + lpad(String(m.bytes), 11) + lpad(perItem, 10))
            }
            if let rss = BillBenchmark.peakRSSKilobytes() { print("peak RSS \(rss / 1024) MB") }
        }
    }

    func fixed(_ v: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let r = (v * scale).rounded() / scale
        var s = String(r)
        if digits == 0, s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }

    func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(1, n - s.count)) }
    func lpad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(1, n - s.count)) + s }
}

extension String {
    func replacingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
