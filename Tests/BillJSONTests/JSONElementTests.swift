import BillJSON
import Testing

/// The path-aware reader: one method per JSON type, errors with their path, and the same answers
/// whether the document was parsed from bytes or built in memory.
@Suite struct JSONElementTests {
    static let text = #"""
        {"order": {"id": "o1", "note": null, "quantity": 2, "big": 9223372036854775808, "half": 2.5,
         "whole": 2.0, "kilo": 1e3, "paid": true, "items": [{"name": "Tea"}, 7, "x"],
         "e\u0073caped": "yes", "name": "first", "name": "last"}}
        """#

    /// The document both ways: parsed from bytes (the tape) and as a value in memory.
    static func roots() throws -> [JSONElement] {
        let bytes = Array(text.utf8)
        return [try JSONElement(parsing: bytes), JSONElement(try JSONParser.parse(bytes))]
    }

    @Test func typedReadsOfPresentMembers() throws {
        for root in try Self.roots() {
            let order = try root.object().required("order").object()
            #expect(order.path == "order")
            #expect(try order.required("id").string() == "o1")
            #expect(try order["quantity"]?.integer() == 2)
            #expect(try order["whole"]?.integer() == 2)
            #expect(try order["kilo"]?.integer() == 1000)
            #expect(try order["half"]?.number().literal == "2.5")
            #expect(try order["paid"]?.bool() == true)
            #expect(try order["escaped"]?.string() == "yes")
            // A repeated key: the last one counts.
            #expect(try order["name"]?.string() == "last")
        }
    }

    @Test func nullIsAbsentForTheSubscriptButNotForMember() throws {
        for root in try Self.roots() {
            let order = try root.object().required("order").object()
            #expect(order["note"] == nil)
            #expect(order.member("note")?.kind == .null)
            #expect(order.member("nothing") == nil)
            #expect(throws: JSONReadError(.missing, at: "order.note", "required field \"note\" is missing")) {
                try order.required("note")
            }
        }
    }

    @Test func wrongTypesAndOverflowNameThePath() throws {
        for root in try Self.roots() {
            let order = try root.object().required("order").object()
            #expect(throws: JSONReadError(.wrongType, at: "order.id", "expected an integer, found \"o1\"")) {
                try order.required("id").integer()
            }
            #expect(throws: JSONReadError(.wrongType, at: "order.half", "expected an integer, found 2.5")) {
                try order.required("half").integer()
            }
            #expect(
                throws: JSONReadError(
                    .overflow, at: "order.big", "9223372036854775808 does not fit in a 64-bit integer")
            ) {
                try order.required("big").integer()
            }
            #expect(throws: JSONReadError(.wrongType, at: "order.paid", "expected a string, found true")) {
                try order.required("paid").string()
            }
            #expect(throws: JSONReadError(.wrongType, at: "order.quantity", "expected true or false, found 2")) {
                try order.required("quantity").bool()
            }
            #expect(throws: JSONReadError(.wrongType, at: "order.id", "expected a number, found \"o1\"")) {
                try order.required("id").number()
            }
            #expect(
                throws: JSONReadError(.wrongType, at: "order.id", "expected an order object, found \"o1\"")
            ) {
                try order.required("id").object(expected: "an order object")
            }
            #expect(throws: JSONReadError(.wrongType, at: "order.id", "expected an array, found \"o1\"")) {
                try order.required("id").array()
            }
        }
    }

    @Test func arrayElementsHaveIndexedPaths() throws {
        for root in try Self.roots() {
            let array = try root.object().required("order").object().required("items").array()
            #expect(array.count == 3)
            #expect(array.path == "order.items")
            let items = Array(array)
            #expect(items.map(\.path) == ["order.items[0]", "order.items[1]", "order.items[2]"])
            #expect(try items[0].object().required("name").string() == "Tea")
            #expect(try items[0].object().path(of: "plu") == "order.items[0].plu")
            #expect(items.map(\.kind) == [.object, .number, .string])
            #expect(throws: JSONReadError(.wrongType, at: "order.items[1]", "expected a string, found 7")) {
                try items[1].string()
            }
        }
    }

    @Test func membersKeepDocumentOrderAndRepeats() throws {
        for root in try Self.roots() {
            let order = try root.object().required("order").object()
            #expect(order.keys.first == "id")
            #expect(order.keys.filter { $0 == "name" }.count == 2)
            #expect(order.members.last?.element.path == "order.name")
            #expect(order.object.count == order.keys.count)
        }
    }

    @Test func aRootPathPrefixesEveryPath() throws {
        let root = try JSONElement(parsing: Array(#"{"a": [1, {"b": null}]}"#.utf8), path: "merchant")
        let a = Array(try root.object().required("a").array())
        #expect(a[1].path == "merchant.a[1]")
        #expect(throws: JSONReadError(.missing, at: "merchant.a[1].b", "required field \"b\" is missing")) {
            try a[1].object().required("b")
        }
        // Without a root path, a member's path is its key alone, and the root's is empty.
        let bare = try JSONElement(parsing: Array("[true]".utf8))
        #expect(bare.path == "")
        #expect(Array(try bare.array())[0].path == "[0]")
    }

    @Test func rootTypeErrorsHaveAnEmptyPath() throws {
        let bare = try JSONElement(parsing: Array("[true]".utf8))
        #expect(throws: JSONReadError(.wrongType, at: "", "expected a bill, found an array of 1")) {
            try bare.object(expected: "a bill")
        }
        #expect(JSONReadError(.wrongType, at: "", "m").description == "m")
        #expect(JSONReadError(.wrongType, at: "a.b", "m").description == "a.b: m")
    }

    @Test func malformedDocumentsAreSyntaxErrors() {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONElement(parsing: Array("{\"a\": }".utf8)) }
        #expect(throws: JSONParser.SyntaxError.self) { try JSONElement(parsing: [0x22, 0xC0, 0x80, 0x22]) }
    }
}

/// Keys tagged while parsing: members found by number give the same answers as by text,
/// escaped keys, repeated keys, keys outside the table and documents parsed without it included.
@Suite struct JSONKeyTableTests {
    static let table = JSONKeyTable(["order", "id", "escaped", "name", "items", "missing"])

    @Test func taggedLookupsMatchLookupsByText() throws {
        let bytes = Array(JSONElementTests.text.utf8)
        let keyed = try JSONElement(parsing: bytes, keys: Self.table)
        let plain = try JSONElement(parsing: bytes)
        let other = JSONKeyTable(["order", "id", "escaped", "name", "items", "missing"])
        for root in [keyed, plain, JSONElement(try JSONParser.parse(bytes))] {
            let order = try #require(root.object()[Self.table.keys[0]]).object()
            #expect(try order[Self.table.keys[1]]?.string() == "o1")
            #expect(try order[Self.table.keys[2]]?.string() == "yes")  // written `e\u0073caped`
            #expect(try order[Self.table.keys[3]]?.string() == "last")  // the last of two
            #expect(order[Self.table.keys[4]]?.path == "order.items")
            #expect(order[Self.table.keys[5]] == nil)
            #expect(try order[other.keys[1]]?.string() == "o1")  // another table: found by text
            #expect(try order[JSONKey("quantity")]?.integer() == 2)
        }
    }
}
