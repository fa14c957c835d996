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
        let root: JSONElement
        do {
            root = try JSONElement(parsing: bytes, maxDepth: options.maxDepth, keys: BillKey.table)
        } catch {
            return BillDecoding(
                bill: nil, diagnostics: [Diagnostic(.error, .malformedJSON, at: "", "not valid JSON: \(error)")])
        }
        return decode(root, options: options)
    }

    /// Reads a bill from a parsed JSON document (read where it is: nothing is written out and
    /// parsed again).
    public static func decode(json root: JSONValue, options: DecodingOptions = DecodingOptions()) -> BillDecoding {
        decode(JSONElement(root), options: options)
    }

    private static func decode(_ root: JSONElement, options: DecodingOptions) -> BillDecoding {
        var reader = BillReader(tape: root.tape, options: options)
        guard
            var object = reader.object(
                root.node, expected: "a JSON object (an OrderBill or a JSON-RPC response)", severity: .error)
        else {
            return BillDecoding(bill: nil, diagnostics: reader.diagnostics)
        }
        var path = ""
        if let unwrapped = unwrapEnvelope(object, &reader) {
            object = unwrapped
            path = "result"
        } else if reader.hasErrors {
            return BillDecoding(bill: nil, diagnostics: reader.diagnostics)
        }
        let bill = readBill(object, &reader)
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
        let root = JSONElement(root)
        var reader = BillReader(tape: root.tape, options: options)
        guard
            var object = reader.object(
                root.node, expected: "a JSON object (an Order or a JSON-RPC response)", severity: .error)
        else {
            return (nil, reader.diagnostics)
        }
        if let unwrapped = unwrapEnvelope(object, &reader) {
            object = unwrapped
        } else if reader.hasErrors {
            return (nil, reader.diagnostics)
        }
        let order = OrderReader.order(object, &reader)
        return (reader.hasErrors ? nil : order, reader.diagnostics)
    }

    /// The `result` of a JSON-RPC response (its node), or nil for a bare document.
    private static func unwrapEnvelope(_ object: Int, _ reader: inout BillReader) -> Int? {
        func has(_ key: BillKey) -> Bool { reader.anyMember(object, key) != nil }
        let hasOrder = has(.order)
        let isEnvelope = has(.jsonrpc) || (has(.result) && !hasOrder) || (has(.error) && !hasOrder)
        guard isEnvelope else { return nil }
        if let error = reader.anyMember(object, .error), !reader.isNull(error) {
            var text = "the JSON-RPC response carries an error, not a bill"
            if reader.isObject(error) {
                let type = reader.anyMember(error, .errorType).flatMap { reader.tape.string($0) }
                let message = reader.anyMember(error, .debugMessage).flatMap { reader.tape.string($0) }
                text += ": \(type ?? "?")" + (message.map { " (\(TextSanitizer.sanitize($0)?.text ?? $0))" } ?? "")
            }
            reader.report(.error, .wrongType, "error", text)
            return nil
        }
        return reader.object(object, .result, required: .error, severity: .error)
    }

    private static func readBill(_ object: Int, _ reader: inout BillReader) -> OrderBill? {
        let header = readSection(object, .header, &reader)
        let footer = readSection(object, .footer, &reader)
        guard let orderObject = reader.object(object, .order, required: .error, severity: .error),
            let order = OrderReader.order(orderObject, &reader)
        else { return nil }
        return OrderBill(header: header, order: order, footer: footer)
    }

    private static func readSection(_ object: Int, _ key: BillKey, _ reader: inout BillReader) -> BillSection {
        guard let section = reader.object(object, key, required: .warning, severity: .warning),
            let lines = reader.array(section, .lines, required: .warning, severity: .warning)
        else { return BillSection() }
        var out: [BillLine] = []
        out.reserveCapacity(reader.tape.count(lines))
        for line in reader.elements(lines) { out.append(BillLineReader.line(line, &reader)) }
        return BillSection(lines: out)
    }
}
