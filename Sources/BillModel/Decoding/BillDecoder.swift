/// The outcome of reading a bill: the bill when it can be rendered, and every diagnostic.
public struct BillDecoding: Sendable {
    /// The bill, or nil when an error makes it unprintable.
    public var bill: OrderBill?
    /// Every departure from the spec, in document order.
    public var diagnostics: [Diagnostic]

    /// True when any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Reads a Dojo `OrderBill` (bare, or inside a JSON-RPC response envelope) from JSON, leniently:
/// every departure from the spec becomes a diagnostic with its JSON path.
public enum BillDecoder {
    /// Reads a bill from JSON bytes.
    public static func decode(bytes: [UInt8], options: DecodingOptions = DecodingOptions()) -> BillDecoding {
        if bytes.count > options.maxInputBytes {
            return BillDecoding(bill: nil, diagnostics: [Diagnostic(
                .error, .inputTooLarge, at: "",
                "the input is \(bytes.count) bytes; the limit is \(options.maxInputBytes) (DecodingOptions.maxInputBytes, --max-input-bytes)")])
        }
        var parser = JSONParser(bytes: bytes, maxDepth: options.maxDepth)
        let root: JSONValue
        do {
            root = try parser.parseDocument()
        } catch {
            return BillDecoding(bill: nil, diagnostics: [Diagnostic(.error, .malformedJSON, at: "", "not valid JSON: \(error)")])
        }
        return decode(json: root, options: options)
    }

    /// Reads a bill from a parsed JSON document.
    public static func decode(json root: JSONValue, options: DecodingOptions = DecodingOptions()) -> BillDecoding {
        var reader = JSONReader(options: options)
        guard case .object(var object) = root else {
            reader.wrongType(.error, "", expected: "a JSON object (an OrderBill or a JSON-RPC response)", found: root)
            return BillDecoding(bill: nil, diagnostics: reader.diagnostics)
        }
        var path = ""
        if let unwrapped = unwrapEnvelope(object, &reader) {
            object = unwrapped
            path = "result"
        } else if reader.hasErrors {
            return BillDecoding(bill: nil, diagnostics: reader.diagnostics)
        }
        let bill = readBill(object, path, &reader)
        if let bill, !reader.hasErrors {
            reader.diagnostics += BillChecks.check(bill, root: path)
            return BillDecoding(bill: reader.hasErrors ? nil : bill, diagnostics: reader.diagnostics)
        }
        return BillDecoding(bill: nil, diagnostics: reader.diagnostics)
    }

    /// Reads an `Order` (a GetOrderById response, bare or in a JSON-RPC envelope).
    public static func decodeOrder(json root: JSONValue, options: DecodingOptions = DecodingOptions())
        -> (order: Order?, diagnostics: [Diagnostic])
    {
        var reader = JSONReader(options: options)
        guard case .object(var object) = root else {
            reader.wrongType(.error, "", expected: "a JSON object (an Order or a JSON-RPC response)", found: root)
            return (nil, reader.diagnostics)
        }
        var path = ""
        if let unwrapped = unwrapEnvelope(object, &reader) {
            object = unwrapped
            path = "result"
        } else if reader.hasErrors {
            return (nil, reader.diagnostics)
        }
        let order = OrderReader.order(object, path, &reader)
        return (reader.hasErrors ? nil : order, reader.diagnostics)
    }

    /// The `result` of a JSON-RPC response, or nil for a bare document.
    private static func unwrapEnvelope(_ object: JSONObject, _ reader: inout JSONReader) -> JSONObject? {
        let isEnvelope = object["jsonrpc"] != nil || (object["result"] != nil && object["order"] == nil)
            || (object["error"] != nil && object["order"] == nil)
        guard isEnvelope else { return nil }
        if let error = object["error"], error != .null {
            var text = "the JSON-RPC response carries an error, not a bill"
            if case .object(let e) = error {
                let type = e["errorType"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? "?"
                let message = e["debugMessage"].flatMap { if case .string(let s) = $0 { s } else { nil } }
                text += ": \(type)" + (message.map { " (\(TextSanitizer.sanitize($0)?.text ?? $0))" } ?? "")
            }
            reader.report(.error, .wrongType, "error", text)
            return nil
        }
        guard let result = reader.object(object, "result", "", required: .error, severity: .error) else { return nil }
        return result
    }

    private static func readBill(_ object: JSONObject, _ path: String, _ reader: inout JSONReader) -> OrderBill? {
        let header = readSection(object, "header", path, &reader)
        let footer = readSection(object, "footer", path, &reader)
        guard let orderObject = reader.object(object, "order", path, required: .error, severity: .error) else {
            return nil
        }
        guard let order = OrderReader.order(orderObject, JSONReader.join(path, "order"), &reader) else { return nil }
        return OrderBill(header: header, order: order, footer: footer)
    }

    private static func readSection(_ object: JSONObject, _ key: String, _ path: String,
                                    _ reader: inout JSONReader) -> BillSection {
        let sectionPath = JSONReader.join(path, key)
        guard let section = reader.object(object, key, path, required: .warning, severity: .warning),
              let lines = reader.array(section, "lines", sectionPath, required: .warning, severity: .warning)
        else { return BillSection() }
        let linesPath = JSONReader.join(sectionPath, "lines")
        var out: [BillLine] = []
        out.reserveCapacity(lines.count)
        for (i, value) in lines.enumerated() {
            out.append(BillLineReader.line(value, JSONReader.join(linesPath, i), &reader))
        }
        return BillSection(lines: out)
    }
}
