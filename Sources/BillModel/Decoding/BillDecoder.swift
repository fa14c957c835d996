import BillJSON

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
            return BillDecoding(
                bill: nil,
                diagnostics: [
                    Diagnostic(
                        .error, .inputTooLarge, at: "",
                        "the input is \(bytes.count) bytes; the limit is \(options.maxInputBytes) (DecodingOptions.maxInputBytes, --max-input-bytes)"
                    )
                ])
        }
        var parser = JSONParser(bytes: bytes, maxDepth: options.maxDepth)
        let tape: JSONTape
        do {
            tape = try parser.parseTape()
        } catch {
            return BillDecoding(
                bill: nil, diagnostics: [Diagnostic(.error, .malformedJSON, at: "", "not valid JSON: \(error)")])
        }
        return decode(tape: tape, options: options)
    }

    /// Reads a bill from a parsed JSON document.
    public static func decode(json root: JSONValue, options: DecodingOptions = DecodingOptions()) -> BillDecoding {
        decode(bytes: Array(JSONWriter.write(root).utf8), options: options)
    }

    private static func decode(tape: JSONTape, options: DecodingOptions) -> BillDecoding {
        var reader = JSONReader(tape: tape, options: options)
        var object = JSONTape.root
        guard tape.kind(object) == .object else {
            reader.wrongType(.error, "", expected: "a JSON object (an OrderBill or a JSON-RPC response)", found: object)
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
        var parser = JSONParser(bytes: Array(JSONWriter.write(root).utf8), maxDepth: options.maxDepth)
        guard let tape = try? parser.parseTape() else {
            return (nil, [Diagnostic(.error, .malformedJSON, at: "", "the order is not valid JSON")])
        }
        var reader = JSONReader(tape: tape, options: options)
        var object = JSONTape.root
        guard tape.kind(object) == .object else {
            reader.wrongType(.error, "", expected: "a JSON object (an Order or a JSON-RPC response)", found: object)
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
    private static func unwrapEnvelope(_ object: Int, _ reader: inout JSONReader) -> Int? {
        let tape = reader.tape
        let hasOrder = tape.member(object, .order) != nil
        let isEnvelope =
            tape.member(object, .jsonrpc) != nil || (tape.member(object, .result) != nil && !hasOrder)
            || (tape.member(object, .error) != nil && !hasOrder)
        guard isEnvelope else { return nil }
        if let error = tape.member(object, .error), tape.kind(error) != .null {
            var text = "the JSON-RPC response carries an error, not a bill"
            if tape.kind(error) == .object {
                let type = tape.member(error, .errorType).flatMap(tape.string) ?? "?"
                let message = tape.member(error, .debugMessage).flatMap(tape.string)
                text += ": \(type)" + (message.map { " (\(TextSanitizer.sanitize($0)?.text ?? $0))" } ?? "")
            }
            reader.report(.error, .wrongType, "error", "\(text)")
            return nil
        }
        guard let result = reader.object(object, .result, "", required: .error, severity: .error) else { return nil }
        return result
    }

    private static func readBill(_ object: Int, _ path: String, _ reader: inout JSONReader) -> OrderBill? {
        let header = readSection(object, .header, path, &reader)
        let footer = readSection(object, .footer, path, &reader)
        guard let orderObject = reader.object(object, .order, path, required: .error, severity: .error) else {
            return nil
        }
        guard let order = OrderReader.order(orderObject, JSONReader.join(path, "order"), &reader) else { return nil }
        return OrderBill(header: header, order: order, footer: footer)
    }

    private static func readSection(
        _ object: Int, _ key: JSONKey, _ path: String,
        _ reader: inout JSONReader
    ) -> BillSection {
        func sectionPath() -> String { JSONReader.join(path, key.name) }
        guard let section = reader.object(object, key, path, required: .warning, severity: .warning),
            let lines = reader.array(section, .lines, sectionPath(), required: .warning, severity: .warning)
        else { return BillSection() }
        var out: [BillLine] = []
        out.reserveCapacity(lines.count)
        for (i, value) in lines.enumerated() {
            out.append(
                BillLineReader.line(value, JSONReader.spell(path, .key(key.name), .key("lines"), .index(i)), &reader))
        }
        return BillSection(lines: out)
    }
}
