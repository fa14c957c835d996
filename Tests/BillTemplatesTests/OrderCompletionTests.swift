import BillModel
import BillTemplates
import Testing

/// Figures a bill needs but the order left out are filled in with a warning; what cannot be
/// made valid is refused with its path.
@Suite struct OrderCompletionTests {
    static let empty = try? BillTemplate(bytes: Array("{}".utf8), source: "empty")

    func build(_ order: Order) throws -> BillBuildResult {
        try BillBuilder.build(template: try #require(Self.empty), order: order, merchant: Fixtures.nameOnlyMerchant)
    }

    @Test func missingFiguresAreComputedAndReported() throws {
        var order = Fixtures.dineInFull
        order.totalAmount = nil
        order.paidAmount = nil
        order.payable = nil
        order.status = nil
        let result = try build(order)
        let o = result.bill.order
        #expect(o.totalAmount == Fixtures.gbp(5650 - 565 + 706))
        #expect(o.paidAmount == Fixtures.gbp(2000))
        #expect(o.payable == true)
        #expect(o.status == "New")
        #expect(
            Set(result.diagnostics.map(\.path)) == [
                "order.totalAmount", "order.paidAmount", "order.payable", "order.status",
            ])
    }

    @Test func aPaidOrderIsNotPayable() throws {
        var order = Fixtures.collectionLater
        order.paidAmount = Fixtures.gbp(450)
        order.payable = nil
        #expect(try build(order).bill.order.payable == false)
    }

    @Test func anOrderWithoutMoneyGetsZeroInTheFallbackCurrency() throws {
        let order = Order(id: "x", status: "New", details: OrderDetails(orderType: .collection))
        let o = try build(order).bill.order
        #expect(o.totalAmount == Fixtures.gbp(0))
        #expect(o.details?.collection == CollectionDetails())
    }

    @Test func refusedOrders() throws {
        var noDetails = Fixtures.dineInFull
        noDetails.details = nil
        #expect(
            throws: BillTemplateError.invalidOrder(
                path: "order.details",
                message: "missing; the spec requires details with an orderType (DineIn or Collection)")
        ) {
            try build(noDetails)
        }
        var badStatus = Fixtures.dineInFull
        badStatus.status = "Created"
        #expect(throws: BillTemplateError.self) { try build(badStatus) }
        var mixed = Fixtures.dineInFull
        mixed.totalAmount = nil
        mixed.items[1].amountPerItem = Money(value: 100, currencyCode: "EUR")
        #expect(
            throws: BillTemplateError.invalidOrder(
                path: "order.items[1].amountPerItem",
                message: "in EUR where the order is in GBP; cannot compute the missing figures")
        ) {
            try build(mixed)
        }
        var huge = Fixtures.dineInFull
        huge.totalAmount = nil
        huge.items[0].quantity = Int64.max
        #expect(throws: BillTemplateError.self) { try build(huge) }
        var minDiscount = Fixtures.dineInFull
        minDiscount.totalAmount = nil
        minDiscount.discounts[0].amountTotal.value = Int64.min
        #expect(throws: BillTemplateError.self) { try build(minDiscount) }
    }

    @Test func theOrderTypeIsInferredFromTheDetailsGiven() throws {
        var order = Fixtures.collectionASAP
        order.details?.orderType = nil
        let result = try build(order)
        #expect(result.bill.order.details?.orderType == .collection)
        #expect(result.diagnostics.contains { $0.path == "order.details.orderType" })
    }
}
