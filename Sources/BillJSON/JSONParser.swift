/// A strict JSON (RFC 8259) parser over UTF-8 bytes with a depth limit.
///
/// It reports the line and column of the first fault, keeps number literals as written, and
/// replaces an escaped unpaired surrogate with U+FFFD (counted in `replacedSurrogates`).
public struct JSONParser {
    /// Why a document is not JSON.
    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var line: Int
        public var column: Int
        public var description: String { "line \(line), column \(column): \(message)" }
    }

    /// The deepest nesting of arrays and objects accepted.
    public var maxDepth: Int
    /// How many `\uD800`-style unpaired surrogates were replaced by U+FFFD.
    public private(set) var replacedSurrogates = 0

    private let bytes: [UInt8]

    public init(bytes: [UInt8], maxDepth: Int = 256) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// Parses `bytes` as one JSON document.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = 256) throws(SyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
        return try parser.parseDocument()
    }

    /// Parses the whole input as one JSON document.
    public mutating func parseDocument() throws(SyntaxError) -> JSONValue {
        let tape = try parseTape()
        return tape.value(JSONTape.root)
    }

    /// Parses the whole input as one JSON document, into a tape.
    package mutating func parseTape(path: String = "", keys: JSONKeyTable? = nil) throws(SyntaxError) -> JSONTape {
        guard bytes.count < Int(UInt32.max) else {
            throw SyntaxError(message: "the input is larger than 4 GiB", line: 1, column: 1)
        }
        let maxDepth = maxDepth
        let result: Result<(nodes: [JSONTape.Node], replaced: Int), SyntaxError> = bytes.withUnsafeBufferPointer {
            buffer in
            var builder = JSONTapeBuilder(bytes: buffer, maxDepth: maxDepth, keys: keys)
            do throws(SyntaxError) {
                try builder.parseDocument()
                return .success((builder.takeNodes(), builder.replacedSurrogates))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let parsed):
            replacedSurrogates = parsed.replaced
            return JSONTape(bytes: bytes, nodes: parsed.nodes, path: path, keyTable: keys?.serial ?? 0)
        case .failure(let error):
            throw error
        }
    }
}
