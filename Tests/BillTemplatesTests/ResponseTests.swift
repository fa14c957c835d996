import BillJSON
import BillModel
import BillTemplates
import Foundation
import TestSupport
import Testing

/// What the POS host sends back: the JSON-RPC envelope, or an EPOSError with its HTTP status.
@Suite struct ResponseTests {
    @Test func theJSONRPCEnvelopeWrapsTheBill() throws {
        let bill = try BillBuilder.build(
            template: try BillTemplate.builtIn("minimal"), order: Fixtures.collectionASAP,
            merchant: Fixtures.nameOnlyMerchant, options: Fixtures.options
        ).bill
        let envelope = BillBuilder.jsonRPCResponse(bill, id: .string("42"))
        guard case .object(let o) = envelope else {
            Issue.record("not an object")
            return
        }
        #expect(o.keys == ["jsonrpc", "id", "method", "result"])
        #expect(o["method"] == .string("GetOrderBillByIdV1"))
        guard case .object(let bare) = BillBuilder.jsonRPCResponse(bill, id: .string("42"), method: nil) else { return }
        #expect(bare.keys == ["jsonrpc", "id", "result"])
        #expect(o["jsonrpc"] == .string("2.0"))
        #expect(o["id"] == .string("42"))
        #expect(o["result"] == bill.jsonValue)
        #expect(BillDecoder.decode(bytes: Array(JSONWriter.write(envelope).utf8)).bill == bill)
        try SchemaValidator.validate(texts: ["envelope": JSONWriter.write(envelope)])
    }

    @Test func notFoundIsAnEPOSErrorIn404AndInTheEnvelope() throws {
        let e = EPOSError.notFound(orderId: "ord_404", traceId: "t-1")
        #expect(e.httpStatus == 404)
        #expect(
            JSONWriter.write(e.jsonValue)
                == #"{"errorType":"NotFound","debugMessage":"Order ord_404 not found","traceId":"t-1"}"#)
        #expect(
            JSONWriter.write(e.jsonRPCResponse(id: .string("7")))
                == #"{"jsonrpc":"2.0","id":"7","method":"GetOrderBillByIdV1","error":{"errorType":"NotFound","debugMessage":"Order ord_404 not found","traceId":"t-1"}}"#
        )
        let result = try SchemaValidator.run(["-"], schema: "EPOSError")
        #expect(result.status == 1, "an empty standard input is not an EPOSError: \(result.output)")
    }

    @Test func everyErrorTypeHasItsStatusAndIsValidAgainstTheSpec() throws {
        #expect(EPOSError.ErrorType.allCases.map(\.httpStatus) == [404, 500, 400, 409])
        var texts: [String: String] = [:]
        for type in EPOSError.ErrorType.allCases {
            texts[type.rawValue] = JSONWriter.write(
                EPOSError(type, debugMessage: "m").jsonRPCResponse(id: .string("1")))
        }
        try SchemaValidator.validate(texts: texts)
        texts = ["bad": #"{"jsonrpc": "2.0", "id": "1", "error": {"errorType": "Teapot"}}"#]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "billrender-bad-eposerror-\(UUID().uuidString).json")
        try Data(texts["bad", default: ""].utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try SchemaValidator.run([url.path]).status == 1)
    }
}
