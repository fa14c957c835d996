import BillRender
import TestSupport
import Testing

/// What a POS host reaches with `import BillRender` alone: building a bill from an order and the
/// builder's errors. (`purgeCaches()` is tested cache by cache, in BillSupportTests and BillQRTests:
/// purging the process's caches here would pull them from under tests running beside this one.)
@Suite struct FacadeTests {
    @Test func aHostBuildsABillWithTheLibraryProductAlone() throws {
        let decoded = BillRenderer.decodeOrder(json: try Repository.bytes("templates/examples/order-dine-in.json"))
        let order = try #require(decoded.order)
        let merchant = try MerchantData(bytes: try Repository.bytes("templates/examples/merchant.json"))
        let result = try BillBuilder.build(
            template: try BillTemplate.builtIn("restaurant"), order: order, merchant: merchant)
        let answer = JSONWriter.write(BillBuilder.jsonRPCResponse(result.bill, id: .string("req-1")))
        #expect(answer.contains(#""result""#) && answer.contains(#""req-1""#))
        let text = try BillRenderer.render(result.bill, format: .text).bytes
        #expect(!text.isEmpty)

        let missing = EPOSError.notFound(orderId: "o-42")
        #expect(missing.httpStatus == 404)
    }

    @Test func anOrderThatIsNotJSONIsAnError() {
        let decoded = BillRenderer.decodeOrder(json: Array("{".utf8))
        #expect(decoded.order == nil)
        #expect(decoded.diagnostics.map(\.code) == [.malformedJSON])
    }
}
