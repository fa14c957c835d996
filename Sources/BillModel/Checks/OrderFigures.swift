/// The figures a bill prints, worked out in integer minor units with overflow detected.
///
/// Line total = quantity × (amountPerItem + Σ modifier quantity × price
///                          + Σ sub-item quantity × (price + Σ its modifiers)).
public struct OrderFigures: Sendable, Equatable {
    /// Each item's line total, nil where the arithmetic would overflow.
    public var lineTotals: [Int64?]
    /// Each item's sub-items' prices for one parent item, nil on overflow (index: item, sub-item).
    public var subItemTotals: [[Int64?]]
    /// Σ line totals (computed; nil on overflow).
    public var subtotal: Int64?
    /// Σ discounts' `amountTotal` (nil on overflow).
    public var discountTotal: Int64?
    /// Σ tax lines' `amountTotal` (nil on overflow).
    public var taxTotal: Int64?
    /// Σ payments' `tipsAmount` (nil on overflow).
    public var paymentTips: Int64?
    /// Σ payments' `paidAmount` (nil on overflow).
    public var paymentsPaid: Int64?
    /// The JSON paths (relative to the order) of values whose arithmetic overflowed.
    public var overflowPaths: [String]

    /// Works the figures out for `order`.
    public init(_ order: Order) {
        var overflows: [String] = []
        lineTotals = []
        subItemTotals = []
        lineTotals.reserveCapacity(order.items.count)
        subItemTotals.reserveCapacity(order.items.count)
        // Items are read in place, by index: a copy would retain each of their strings and arrays.
        let items = order.items
        for i in items.indices {
            var unit: Int64? = items[i].amountPerItem.value
            unit = Self.add(unit, Self.modifierTotal(items[i].modifiers))
            var subs: [Int64?] = []
            let subItems = items[i].subItems
            for j in subItems.indices {
                let subUnit = Self.add(subItems[j].amountPerItem.value, Self.modifierTotal(subItems[j].modifiers))
                let subTotal = Self.multiply(subUnit, subItems[j].quantity)
                subs.append(subTotal)
                unit = Self.add(unit, subTotal)
            }
            let total = Self.multiply(unit, items[i].quantity)
            if total == nil { overflows.append("items[\(i)]") }
            lineTotals.append(total)
            subItemTotals.append(subs)
        }
        subtotal = Self.sum(lineTotals)
        discountTotal = Self.sum(order.discounts) { $0.amountTotal.value }
        taxTotal = Self.sum(order.taxLines) { $0.amountTotal.value }
        paymentTips = Self.sum(order.payments) { $0.tipsAmount?.value ?? 0 }
        paymentsPaid = Self.sum(order.payments) { $0.paidAmount.value }
        if subtotal == nil, !overflows.isEmpty || lineTotals.contains(where: { $0 != nil }) {
            overflows.append("items")
        }
        if discountTotal == nil { overflows.append("discounts") }
        if taxTotal == nil { overflows.append("taxLines") }
        if paymentTips == nil || paymentsPaid == nil { overflows.append("payments") }
        overflowPaths = overflows
    }

    /// What is still to pay: `totalAmount − paidAmount`, nil when either is missing or on overflow.
    public static func balanceDue(_ order: Order) -> Int64? {
        guard let total = order.totalAmount?.value else { return nil }
        let paid = order.paidAmount?.value ?? 0
        let (d, o) = total.subtractingReportingOverflow(paid)
        return o ? nil : d
    }

    static func modifierTotal(_ modifiers: [Modifier]) -> Int64? {
        var total: Int64 = 0
        for j in modifiers.indices {
            guard let line = multiply(modifiers[j].amountPerModifier.value, modifiers[j].quantity) else { return nil }
            let (s, o) = total.addingReportingOverflow(line)
            if o { return nil }
            total = s
        }
        return total
    }

    /// Σ `value` over `elements`, nil when a value is nil or the sum overflows.
    static func sum<T>(_ elements: [T], _ value: (T) -> Int64?) -> Int64? {
        var total: Int64 = 0
        for element in elements {
            guard let v = value(element) else { return nil }
            let (s, o) = total.addingReportingOverflow(v)
            if o { return nil }
            total = s
        }
        return total
    }

    static func add(_ a: Int64?, _ b: Int64?) -> Int64? {
        guard let a, let b else { return nil }
        let (s, o) = a.addingReportingOverflow(b)
        return o ? nil : s
    }

    static func multiply(_ a: Int64?, _ b: Int64) -> Int64? {
        guard let a else { return nil }
        let (m, o) = a.multipliedReportingOverflow(by: b)
        return o ? nil : m
    }

    static func sum(_ values: [Int64?]) -> Int64? {
        var total: Int64 = 0
        for v in values {
            guard let v else { return nil }
            let (s, o) = total.addingReportingOverflow(v)
            if o { return nil }
            total = s
        }
        return total
    }
}
