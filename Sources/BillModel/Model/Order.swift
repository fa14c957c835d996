/// An order: Dojo's `Order`, the same object `GetOrderById` returns.
public struct Order: Sendable, Equatable {
    public var id: String?
    /// The status as sent; `OrderStatus` lists the spec's values.
    public var status: String?
    public var details: OrderDetails?
    public var items: [OrderItem]
    public var note: String?
    public var customer: Customer?
    public var discounts: [Discount]
    public var taxLines: [TaxLine]
    /// ISO 8601 UTC, as sent.
    public var createdAt: String?
    /// ISO 8601 UTC, as sent.
    public var updatedAt: String?
    /// After discounts and taxes, including service charge, excluding tips.
    public var totalAmount: Money?
    public var payments: [Payment]
    public var payable: Bool?
    /// The sum of payments, excluding tips.
    public var paidAmount: Money?
    /// Already included in `totalAmount`.
    public var serviceChargeAmount: Money?
    /// A human-readable order id.
    public var reference: String?
    /// The sum of the payments' tips; not in `totalAmount` or `paidAmount`.
    public var tipsAmount: Money?
    public var displayName: String?

    public init(
        id: String? = nil, status: String? = nil, details: OrderDetails? = nil, items: [OrderItem] = [],
        note: String? = nil, customer: Customer? = nil, discounts: [Discount] = [], taxLines: [TaxLine] = [],
        createdAt: String? = nil, updatedAt: String? = nil, totalAmount: Money? = nil, payments: [Payment] = [],
        payable: Bool? = nil, paidAmount: Money? = nil, serviceChargeAmount: Money? = nil,
        reference: String? = nil, tipsAmount: Money? = nil, displayName: String? = nil
    ) {
        self.id = id
        self.status = status
        self.details = details
        self.items = items
        self.note = note
        self.customer = customer
        self.discounts = discounts
        self.taxLines = taxLines
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.totalAmount = totalAmount
        self.payments = payments
        self.payable = payable
        self.paidAmount = paidAmount
        self.serviceChargeAmount = serviceChargeAmount
        self.reference = reference
        self.tipsAmount = tipsAmount
        self.displayName = displayName
    }
}

/// The spec's `OrderStatus` values (spelt `Canceled`).
public enum OrderStatus: String, Sendable, CaseIterable {
    case new = "New"
    case submitted = "Submitted"
    case confirmed = "Confirmed"
    case accepted = "Accepted"
    case preparing = "Preparing"
    case prepared = "Prepared"
    case ready = "Ready"
    case finalized = "Finalized"
    case canceled = "Canceled"
    case failed = "Failed"
}

/// Dojo's `OrderDetails`: the order type and its details.
public struct OrderDetails: Sendable, Equatable {
    public var orderType: OrderType?
    public var dineIn: DineInDetails?
    public var collection: CollectionDetails?

    public init(orderType: OrderType? = nil, dineIn: DineInDetails? = nil, collection: CollectionDetails? = nil) {
        self.orderType = orderType
        self.dineIn = dineIn
        self.collection = collection
    }
}

/// Dojo's `OrderType`: DineIn or Collection.
public enum OrderType: String, Sendable, Equatable, CaseIterable {
    case dineIn = "DineIn"
    case collection = "Collection"
}

/// Dojo's `DineInDetails`.
public struct DineInDetails: Sendable, Equatable {
    public var tableId: String?
    public var waiterId: String?
    public var partyId: String?
    public var reservationId: String?
    public var readyAt: String?

    public init(
        tableId: String? = nil, waiterId: String? = nil, partyId: String? = nil,
        reservationId: String? = nil, readyAt: String? = nil
    ) {
        self.tableId = tableId
        self.waiterId = waiterId
        self.partyId = partyId
        self.reservationId = reservationId
        self.readyAt = readyAt
    }
}

/// Dojo's `CollectionDetails`.
public struct CollectionDetails: Sendable, Equatable {
    public var asap: Bool?
    public var collectAt: String?

    public init(asap: Bool? = nil, collectAt: String? = nil) {
        self.asap = asap
        self.collectAt = collectAt
    }
}

/// Dojo's `OrderItem`: a line item with its modifiers and sub-items.
public struct OrderItem: Sendable, Equatable {
    public var name: String
    public var plu: String
    public var quantity: Int64
    /// The base price of one item, before modifiers, sub-items and discounts.
    public var amountPerItem: Money
    public var note: String?
    public var modifiers: [Modifier]
    public var subItems: [OrderSubItem]

    public init(
        name: String, plu: String = "", quantity: Int64, amountPerItem: Money, note: String? = nil,
        modifiers: [Modifier] = [], subItems: [OrderSubItem] = []
    ) {
        self.name = name
        self.plu = plu
        self.quantity = quantity
        self.amountPerItem = amountPerItem
        self.note = note
        self.modifiers = modifiers
        self.subItems = subItems
    }
}

/// Dojo's `OrderSubItem`: part of an item, priced per parent item.
public struct OrderSubItem: Sendable, Equatable {
    public var name: String
    public var plu: String
    public var quantity: Int64
    public var amountPerItem: Money
    public var note: String?
    public var modifiers: [Modifier]

    public init(
        name: String, plu: String = "", quantity: Int64, amountPerItem: Money, note: String? = nil,
        modifiers: [Modifier] = []
    ) {
        self.name = name
        self.plu = plu
        self.quantity = quantity
        self.amountPerItem = amountPerItem
        self.note = note
        self.modifiers = modifiers
    }
}

/// Dojo's `Modifier`; its quantity is per single parent item.
public struct Modifier: Sendable, Equatable {
    public var name: String
    public var plu: String
    public var quantity: Int64
    /// The price of one modifier (`amountPerModifier`; the examples write `amountPerItem`).
    public var amountPerModifier: Money

    public init(name: String, plu: String = "", quantity: Int64 = 1, amountPerModifier: Money) {
        self.name = name
        self.plu = plu
        self.quantity = quantity
        self.amountPerModifier = amountPerModifier
    }
}

/// Dojo's `Discount`; `amountTotal` is a positive amount taken off.
public struct Discount: Sendable, Equatable {
    public var name: String
    public var amountTotal: Money
    /// Hundredths of a percent: 1000 is 10 %.
    public var amountPercentage: Int64?
    public var affectedPlu: String?
    public var discountReference: String?
    public var code: String?

    public init(
        name: String, amountTotal: Money, amountPercentage: Int64? = nil, affectedPlu: String? = nil,
        discountReference: String? = nil, code: String? = nil
    ) {
        self.name = name
        self.amountTotal = amountTotal
        self.amountPercentage = amountPercentage
        self.affectedPlu = affectedPlu
        self.discountReference = discountReference
        self.code = code
    }
}

/// Dojo's `TaxLine`.
public struct TaxLine: Sendable, Equatable {
    public var amountTotal: Money
    public var id: String?
    public var name: String?
    public var affectedPlu: String?
    /// Hundredths of a percent: 2000 is 20 %.
    public var amountPercentage: Int64?

    public init(
        amountTotal: Money, id: String? = nil, name: String? = nil, affectedPlu: String? = nil,
        amountPercentage: Int64? = nil
    ) {
        self.amountTotal = amountTotal
        self.id = id
        self.name = name
        self.affectedPlu = affectedPlu
        self.amountPercentage = amountPercentage
    }
}

/// Dojo's `Payment`.
public struct Payment: Sendable, Equatable {
    public var paymentIntentId: String?
    public var paidAmount: Money
    public var tipsAmount: Money?

    public init(paymentIntentId: String? = nil, paidAmount: Money, tipsAmount: Money? = nil) {
        self.paymentIntentId = paymentIntentId
        self.paidAmount = paidAmount
        self.tipsAmount = tipsAmount
    }
}

/// Dojo's `Customer`.
public struct Customer: Sendable, Equatable {
    public var id: String?
    public var emailAddress: String?
    public var phoneNumber: String?
    public var name: String?

    public init(id: String? = nil, emailAddress: String? = nil, phoneNumber: String? = nil, name: String? = nil) {
        self.id = id
        self.emailAddress = emailAddress
        self.phoneNumber = phoneNumber
        self.name = name
    }
}
