import BillModel
import BillTemplates
import Foundation
import TestSupport

/// Orders and merchants the template tests build bills from.
enum Fixtures {
    static func gbp(_ v: Int64) -> Money { Money(value: v, currencyCode: "GBP") }

    /// A fixed build time, so `now.*` is stable: 2026-06-12 20:15:00 UTC.
    static let options = BillBuildOptions(now: Date(timeIntervalSince1970: 1_781_295_300))

    /// A full dine-in order: table, waiter, modifiers, sub-items, discount, tax, service, payment.
    static let dineInFull = Order(
        id: "ord_7f3a9c", status: "Accepted",
        details: OrderDetails(
            orderType: .dineIn, dineIn: DineInDetails(tableId: "12", waiterId: "42", partyId: "party-5")),
        items: [
            OrderItem(
                name: "Margherita", plu: "P01", quantity: 2, amountPerItem: gbp(1050),
                modifiers: [Modifier(name: "Extra mozzarella", plu: "M01", quantity: 1, amountPerModifier: gbp(150))]),
            OrderItem(
                name: "Set lunch", plu: "S01", quantity: 1, amountPerItem: gbp(1800),
                subItems: [OrderSubItem(name: "Tiramisu", plu: "D02", quantity: 1, amountPerItem: gbp(0))]),
            OrderItem(name: "Chianti 175ml", plu: "W07", quantity: 2, amountPerItem: gbp(725), note: "one with ice"),
        ],
        discounts: [Discount(name: "Lunch club 10%", amountTotal: gbp(565), amountPercentage: 1000)],
        taxLines: [TaxLine(amountTotal: gbp(965), id: "VAT", name: "VAT", amountPercentage: 2000)],
        createdAt: "2026-06-12T19:08:31Z", updatedAt: "2026-06-12T20:11:02Z",
        totalAmount: gbp(5791),
        payments: [Payment(paymentIntentId: "pi_1", paidAmount: gbp(2000), tipsAmount: gbp(200))],
        payable: true, paidAmount: gbp(2000), serviceChargeAmount: gbp(706), reference: "1042",
        tipsAmount: gbp(200), displayName: "Table 12")

    /// A counter order for collection as soon as possible, with the customer's name.
    static let collectionASAP = Order(
        id: "ord_c0ffee", status: "Ready",
        details: OrderDetails(orderType: .collection, collection: CollectionDetails(asap: true)),
        items: [
            OrderItem(
                name: "Flat white", plu: "C02", quantity: 2, amountPerItem: gbp(340),
                modifiers: [Modifier(name: "Oat milk", plu: "C90", quantity: 1, amountPerModifier: gbp(40))]),
            OrderItem(name: "Almond croissant", plu: "B11", quantity: 1, amountPerItem: gbp(325)),
        ],
        customer: Customer(name: "Sam"), createdAt: "2026-01-15T08:41:12Z",
        totalAmount: gbp(1085), payments: [], payable: true, paidAmount: gbp(0), reference: "A042")

    /// A collection order for a set time, no reference: the label falls back to the display name.
    static let collectionLater = Order(
        id: "ord_later1", status: "Confirmed",
        details: OrderDetails(
            orderType: .collection, collection: CollectionDetails(asap: false, collectAt: "2026-07-01T11:30:00Z")),
        items: [OrderItem(name: "Sourdough loaf", plu: "B01", quantity: 1, amountPerItem: gbp(450))],
        createdAt: "2026-07-01T09:02:00Z", totalAmount: gbp(450), payments: [], payable: true, paidAmount: gbp(0),
        displayName: "Online #77")

    /// The least an order can hold: no table, waiter, time, reference or figures beyond its items.
    static let minimalData = Order(
        id: "ord_min", details: OrderDetails(orderType: .dineIn),
        items: [OrderItem(name: "Espresso", plu: "C01", quantity: 1, amountPerItem: gbp(250))])

    static let orders: [(name: String, order: Order)] = [
        ("dine-in-full", dineInFull), ("collection-asap", collectionASAP), ("collection-later", collectionLater),
        ("minimal-data", minimalData),
    ]

    /// A merchant with every key a template reads: `templates/examples/merchant.json`.
    static var fullMerchant: MerchantData {
        get throws { try MerchantData(bytes: try Repository.bytes("templates/examples/merchant.json")) }
    }

    static let nameOnlyMerchant = MerchantData(name: "Kiosk 9")

    static var merchants: [(name: String, merchant: MerchantData)] {
        get throws { [("full", try fullMerchant), ("name-only", nameOnlyMerchant)] }
    }
}
