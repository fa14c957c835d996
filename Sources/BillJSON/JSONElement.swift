/// A value of a JSON document together with where it is: the one path-aware reader of billrender.
///
/// Bills, printer profiles, templates and merchant data are all read through it. An element is
/// read with one method per JSON type (``string()``, ``bool()``, ``integer()``, ``number()``,
/// ``object(expected:)``, ``array(expected:)``); an object's members are found with
/// ``JSONObjectReader/subscript(_:)``. A value of the wrong type throws a ``JSONReadError`` that
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
    /// The value and its path: a node of a parsed document, whose path is spelled from the node
    /// when it is asked for, or a value built in memory with its path spelled.
    enum Storage: Sendable {
        case tape(JSONTape, Int)
        case value(JSONValue, path: String)
    }

    let storage: Storage

    init(_ storage: Storage) {
        self.storage = storage
    }

    /// The document in `bytes`, parsed; its path is `path` (empty: members are spelled `key`).
    public init(parsing bytes: [UInt8], maxDepth: Int = 256, path: String = "") throws(JSONParser.SyntaxError) {
        var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
        self.init(.tape(try parser.parseTape(path: path), JSONTape.root))
    }

    /// A value already in memory, read as if it were the document at `path`.
    public init(_ value: JSONValue, path: String = "") {
        self.init(.value(value, path: path))
    }

    /// Where the element is, for example `order.items[2]` (`key` alone at the root of a document
    /// whose path is empty). Spelled when asked for.
    public var path: String {
        switch storage {
        case .tape(let tape, let node): return tape.path(of: node)
        case .value(_, let path): return path
        }
    }

    /// The JSON types.
    public enum Kind: Sendable, Equatable {
        case null, bool, number, string, array, object
    }

    /// The element's JSON type.
    public var kind: Kind {
        switch storage {
        case .tape(let tape, let node):
            switch tape.kind(node) {
            case .null: return .null
            case .false, .true: return .bool
            case .number: return .number
            case .string, .escapedString: return .string
            case .array: return .array
            case .object: return .object
            }
        case .value(let value, _):
            switch value {
            case .null: return .null
            case .bool: return .bool
            case .number: return .number
            case .string: return .string
            case .array: return .array
            case .object: return .object
            }
        }
    }

    /// The element as a `JSONValue` (for a container, the whole subtree).
    public var value: JSONValue {
        switch storage {
        case .tape(let tape, let node): return tape.value(node)
        case .value(let value, _): return value
        }
    }

    /// The element as it would appear in JSON, shortened for a message.
    public var excerpt: String { value.excerpt }

    /// The error for a value of the wrong type: `expected <expected>, found <excerpt>`.
    public func wrongType(expected: String) -> JSONReadError {
        JSONReadError(.wrongType, at: path, "expected \(expected), found \(excerpt)")
    }

    // MARK: - One reader per JSON type

    /// The string's text, escapes resolved.
    public func string() throws(JSONReadError) -> String {
        switch storage {
        case .tape(let tape, let node):
            if let s = tape.string(node) { return s }
        case .value(.string(let s), _):
            return s
        default:
            break
        }
        throw wrongType(expected: "a string")
    }

    /// `true` or `false`.
    public func bool() throws(JSONReadError) -> Bool {
        switch storage {
        case .tape(let tape, let node):
            switch tape.kind(node) {
            case .true: return true
            case .false: return false
            default: break
            }
        case .value(.bool(let b), _):
            return b
        default:
            break
        }
        throw wrongType(expected: "true or false")
    }

    /// The number as written.
    public func number() throws(JSONReadError) -> JSONNumber {
        switch storage {
        case .tape(let tape, let node):
            if let n = tape.number(node) { return n }
        case .value(.number(let n), _):
            return n
        default:
            break
        }
        throw wrongType(expected: "a number")
    }

    /// An integer that fits in 64 bits. A whole number written with a fraction or an exponent
    /// (`2.0`, `1e3`) counts; another fraction is the wrong type, a longer integer an overflow.
    public func integer() throws(JSONReadError) -> Int64 {
        if case .tape(let tape, let node) = storage, let i = tape.int64(node) { return i }
        guard kind == .number, case .number(let n) = value else { throw wrongType(expected: "an integer") }
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

    init(_ element: JSONElement) {
        self.element = element
    }

    /// The object's path, for example `order.details`.
    public var path: String { element.path }

    /// The member `key`, present or null; nil when there is none.
    public func member(_ key: String) -> JSONElement? {
        switch element.storage {
        case .tape(let tape, let node):
            guard let member = tape.member(node, key) else { return nil }
            return JSONElement(.tape(tape, member))
        case .value(.object(let object), let path):
            guard let value = object[key] else { return nil }
            return JSONElement(.value(value, path: path.isEmpty ? key : path + "." + key))
        case .value:
            return nil
        }
    }

    /// The member `key`; nil when there is none or it is null (which the spec's documents write
    /// for "absent").
    public subscript(_ key: String) -> JSONElement? {
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
        let path = path
        return path.isEmpty ? key : path + "." + key
    }

    /// Every member in document order (a repeated key appears each time).
    public var members: [(key: String, element: JSONElement)] {
        switch element.storage {
        case .tape(let tape, let node):
            return tape.children(node).map { (tape.keyName($0), JSONElement(.tape(tape, $0))) }
        case .value(.object(let object), let path):
            return object.members.map {
                ($0.key, JSONElement(.value($0.value, path: path.isEmpty ? $0.key : path + "." + $0.key)))
            }
        case .value:
            return []
        }
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
        switch element.storage {
        case .tape(let tape, let node): return tape.count(node)
        case .value(.array(let values), _): return values.count
        case .value: return 0
        }
    }

    public var underestimatedCount: Int { count }

    public func makeIterator() -> Iterator { Iterator(element: element) }

    /// The elements one by one: a parsed document's are read off its nodes (no array is made).
    public struct Iterator: IteratorProtocol {
        let element: JSONElement
        var index = 0
        var node: Int
        let end: Int

        init(element: JSONElement) {
            self.element = element
            switch element.storage {
            case .tape(let tape, let array):
                node = array + 1
                end = Int(tape.nodes[array].next)
            case .value(.array(let values), _):
                node = 0
                end = values.count
            case .value:
                node = 0
                end = 0
            }
        }

        public mutating func next() -> JSONElement? {
            guard node < end else { return nil }
            defer { index += 1 }
            switch element.storage {
            case .tape(let tape, _):
                let current = node
                node = Int(tape.nodes[current].next)
                return JSONElement(.tape(tape, current))
            case .value(.array(let values), let path):
                let current = node
                node += 1
                return JSONElement(.value(values[current], path: path + "[\(index)]"))
            case .value:
                return nil
            }
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
