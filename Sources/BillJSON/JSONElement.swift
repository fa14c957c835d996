/// A value of a JSON document together with where it is: the one path-aware reader of billrender.
///
/// Bills, printer profiles, templates and merchant data are all read through it. An element is
/// read with one method per JSON type (``string()``, ``bool()``, ``integer()``, ``number()``,
/// ``object(expected:)``, ``array(expected:)``); an object's members are found with
/// `JSONObjectReader/subscript(_:)`. A value of the wrong type throws a ``JSONReadError`` that
/// names its path (`order.items[2].quantity`) and what was found; the path is only spelled out
/// then, as `path + ".key"` or `path + "[2]"`.
///
/// ```swift
/// let root = try JSONElement(parsing: bytes)
/// let order = try root.object().required("order").object()
/// let note = try order["note"]?.string()          // nil when absent or null
/// for item in try order.required("items").array() {
///     let quantity = try item.object().required("quantity").integer()
/// }
/// ```
public struct JSONElement: Sendable {
    /// The document: a parsed one, or a value built in memory laid out the same way. One
    /// reference, so that passing an element around retains one object.
    package let tape: JSONTape
    /// The element's node in `tape`; its path is spelled from it when asked for.
    package let node: Int

    /// The node `node` of `tape` (a reader that walks the tape by node makes one to report).
    package init(_ tape: JSONTape, _ node: Int) {
        self.tape = tape
        self.node = node
    }

    /// The document in `bytes`, parsed; its path is `path` (empty: members are spelled `key`).
    /// The keys of `keys` are tagged while parsing, so that its ``JSONKey``s find members by
    /// number.
    public init(
        parsing bytes: [UInt8], maxDepth: Int = 256, path: String = "", keys: JSONKeyTable? = nil
    ) throws(JSONParser.SyntaxError) {
        var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
        self.init(try parser.parseTape(path: path, keys: keys), JSONTape.root)
    }

    /// A value already in memory, read as if it were the document at `path`.
    public init(_ value: JSONValue, path: String = "") {
        self.init(JSONTape(value: value, path: path), JSONTape.root)
    }

    /// Where the element is, for example `order.items[2]` (`key` alone at the root of a document
    /// whose path is empty). Spelled when asked for.
    public var path: String { tape.path(of: node) }

    /// The JSON types.
    public enum Kind: Sendable, Equatable {
        case null, bool, number, string, array, object
    }

    /// The element's JSON type.
    public var kind: Kind {
        switch tape.kind(node) {
        case .null: return .null
        case .false, .true: return .bool
        case .number: return .number
        case .string, .escapedString: return .string
        case .array: return .array
        case .object: return .object
        }
    }

    /// The element as a `JSONValue` (for a container, the whole subtree).
    public var value: JSONValue { tape.value(node) }

    /// The element as it would appear in JSON, shortened for a message.
    public var excerpt: String { value.excerpt }

    /// The error for a value of the wrong type: `expected <expected>, found <excerpt>`.
    public func wrongType(expected: String) -> JSONReadError {
        JSONReadError(.wrongType, at: path, "expected \(expected), found \(excerpt)")
    }

    // MARK: - One reader per JSON type

    /// The string's text, escapes resolved.
    public func string() throws(JSONReadError) -> String {
        if let s = tape.string(node) { return s }
        throw wrongType(expected: "a string")
    }

    /// `true` or `false`.
    public func bool() throws(JSONReadError) -> Bool {
        switch tape.kind(node) {
        case .true: return true
        case .false: return false
        default: throw wrongType(expected: "true or false")
        }
    }

    /// The number as written.
    public func number() throws(JSONReadError) -> JSONNumber {
        if let n = tape.number(node) { return n }
        throw wrongType(expected: "a number")
    }

    /// An integer that fits in 64 bits. A whole number written with a fraction or an exponent
    /// (`2.0`, `1e3`) counts; another fraction is the wrong type, a longer integer an overflow.
    public func integer() throws(JSONReadError) -> Int64 {
        if let i = tape.int64(node) { return i }
        guard let n = tape.number(node) else { throw wrongType(expected: "an integer") }
        if let i = n.int64 { return i }
        if n.isInteger {
            throw JSONReadError(.overflow, at: path, "\(n.literal) does not fit in a 64-bit integer")
        }
        if let i = n.scaledExactly(byPowerOfTen: 0) { return i }
        throw JSONReadError(.wrongType, at: path, "expected an integer, found \(n.literal)")
    }

    /// The object's members; `expected` names what was wanted when it is not an object.
    public func object(expected: String = "an object") throws(JSONReadError) -> JSONObjectReader {
        guard kind == .object else { throw wrongType(expected: expected) }
        return JSONObjectReader(self)
    }

    /// The array's elements; `expected` names what was wanted when it is not an array.
    public func array(expected: String = "an array") throws(JSONReadError) -> JSONArrayReader {
        guard kind == .array else { throw wrongType(expected: expected) }
        return JSONArrayReader(self)
    }
}

/// The members of a JSON object, found by key. A repeated key counts once: the last one, as in
/// most parsers.
public struct JSONObjectReader: Sendable {
    let element: JSONElement

    /// The members of `element`, which the caller knows to be an object.
    package init(_ element: JSONElement) {
        self.element = element
    }

    /// The object's path, for example `order.details`.
    public var path: String { element.path }

    /// The member `key`, present or null; nil when there is none.
    public func member(_ key: String) -> JSONElement? {
        guard let member = element.tape.member(element.node, key) else { return nil }
        return JSONElement(element.tape, member)
    }

    /// The member `key`, present or null; nil when there is none. A key of the table the
    /// document was parsed with is found by its number.
    public func member(_ key: JSONKey) -> JSONElement? {
        guard let member = element.tape.member(element.node, key) else { return nil }
        return JSONElement(element.tape, member)
    }

    /// The member `key`; nil when there is none or it is null (which the spec's documents write
    /// for "absent").
    public subscript(_ key: String) -> JSONElement? {
        guard let member = member(key), member.kind != .null else { return nil }
        return member
    }

    /// The member `key`; nil when there is none or it is null.
    public subscript(_ key: JSONKey) -> JSONElement? {
        guard let member = member(key), member.kind != .null else { return nil }
        return member
    }

    /// The member `key`, or else ``JSONReadError/Kind/missing``: `required field "key" is missing`.
    public func required(_ key: String) throws(JSONReadError) -> JSONElement {
        guard let member = self[key] else { throw missing(key) }
        return member
    }

    /// The error for the member `key` missing.
    public func missing(_ key: String) -> JSONReadError {
        JSONReadError(.missing, at: path(of: key), "required field \"\(key)\" is missing")
    }

    /// The path of the member `key`: `path.key`, or `key` at the root.
    public func path(of key: String) -> String {
        element.tape.path(of: element.node, member: key)
    }

    /// Every member in document order (a repeated key appears each time).
    public var members: [(key: String, element: JSONElement)] {
        let tape = element.tape
        guard tape.kind(element.node) == .object else { return [] }
        return tape.children(element.node).map { (tape.keyName($0), JSONElement(tape, $0)) }
    }

    /// The keys in document order.
    public var keys: [String] { members.map(\.key) }

    /// The object as a `JSONObject`.
    public var object: JSONObject {
        if case .object(let object) = element.value { return object }
        return JSONObject()
    }
}

/// The elements of a JSON array, in order; each one's path is `path[index]`.
public struct JSONArrayReader: Sendable, Sequence {
    let element: JSONElement

    init(_ element: JSONElement) {
        self.element = element
    }

    /// The array's path, for example `order.items`.
    public var path: String { element.path }

    /// How many elements there are.
    public var count: Int {
        element.tape.count(element.node)
    }

    public var underestimatedCount: Int { count }

    public func makeIterator() -> Iterator { Iterator(element: element) }

    /// The elements one by one: a parsed document's are read off its nodes (no array is made).
    public struct Iterator: IteratorProtocol {
        let tape: JSONTape
        var node: Int
        let end: Int

        init(element: JSONElement) {
            tape = element.tape
            let array = element.node
            let isArray = tape.kind(array) == .array
            node = array + 1
            end = isArray ? Int(tape.nodes[array].next) : node
        }

        public mutating func next() -> JSONElement? {
            guard node < end else { return nil }
            let current = node
            node = Int(tape.nodes[current].next)
            return JSONElement(tape, current)
        }
    }
}

/// Why a JSON value could not be read as asked: what, where (the JSON path) and a sentence.
public struct JSONReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// A required member is absent or null.
        case missing
        /// The value is of another JSON type (or a fraction where an integer was asked for).
        case wrongType
        /// An integer too large for 64 bits.
        case overflow
    }

    public var kind: Kind
    /// The JSON path of the value, for example `order.items[2].quantity`; empty for the document.
    public var path: String
    /// A sentence, for example `expected a string, found 12`.
    public var message: String

    public init(_ kind: Kind, at path: String, _ message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    /// `path: message`, or the message alone for the document.
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
