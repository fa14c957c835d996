import BillModel

/// Makes an order fit to go out in a bill: fills what the spec leaves optional but a bill needs
/// (`id`, `status`, `totalAmount`, `paidAmount`, `payable`), with a warning for each filled
/// figure, and refuses what cannot be made valid without inventing data.
struct OrderCompletion {
    let fallbackCurrencyCode: String
    private(set) var diagnostics: [Diagnostic] = []

    init(fallbackCurrencyCode: String) { self.fallbackCurrencyCode = fallbackCurrencyCode }

    mutating func complete(_ input: Order) throws(BillTemplateError) -> Order {
        var order = input
        if order.id == nil {
            warn(
                .missingField, "order.id",
                "missing; the bill carries an empty id (pass the id GetOrderBillById was asked for)")
            order.id = ""
        }
        if let status = order.status {
            guard OrderStatus(rawValue: status) != nil else {
                throw .invalidOrder(
                    path: "order.status",
                    message: "expected one of "
                        + OrderStatus.allCases.map(\.rawValue).joined(separator: ", ")
                        + ", found \(JSONQuoting.excerpt(status))")
            }
        } else {
            warn(.missingField, "order.status", "missing; written as the spec's default \"New\"")
            order.status = OrderStatus.new.rawValue
        }
        order.details = try completeDetails(order.details)
        let currency = Self.firstCurrency(order) ?? fallbackCurrencyCode
        if order.totalAmount == nil {
            let total = try computedTotal(order, currency: currency)
            warn(
                .missingField, "order.totalAmount",
                "missing; written as the computed \(total.formatted) (items, modifiers and sub-items, less discounts, plus service charge)"
            )
            order.totalAmount = total
        }
        if order.paidAmount == nil {
            var paid: Int64 = 0
            for (i, p) in order.payments.enumerated() {
                try checkCurrency(p.paidAmount, currency, "order.payments[\(i)].paidAmount")
                paid = try add(paid, p.paidAmount.value, "order.paidAmount")
            }
            let money = Money(value: paid, currencyCode: currency)
            warn(.missingField, "order.paidAmount", "missing; written as the sum of the payments, \(money.formatted)")
            order.paidAmount = money
        }
        if order.payable == nil, let total = order.totalAmount, let paid = order.paidAmount {
            let closed: Set<String> = [
                OrderStatus.canceled.rawValue, OrderStatus.failed.rawValue, OrderStatus.finalized.rawValue,
            ]
            let payable = paid.value < total.value && !closed.contains(order.status ?? "")
            warn(
                .missingField, "order.payable",
                "missing; written as \(payable) (paid \(paid.formatted) of \(total.formatted), status \(order.status ?? ""))"
            )
            order.payable = payable
        }
        return order
    }

    private mutating func completeDetails(_ input: OrderDetails?) throws(BillTemplateError) -> OrderDetails {
        guard var details = input else {
            throw .invalidOrder(
                path: "order.details",
                message: "missing; the spec requires details with an orderType (DineIn or Collection)")
        }
        if details.orderType == nil {
            if details.dineIn != nil, details.collection == nil {
                details.orderType = .dineIn
            } else if details.collection != nil, details.dineIn == nil {
                details.orderType = .collection
            } else {
                throw .invalidOrder(path: "order.details.orderType", message: "missing; expected DineIn or Collection")
            }
            warn(
                .missingField, "order.details.orderType",
                "missing; written as \(details.orderType?.rawValue ?? "") from the details given")
        }
        // The spec's anyOf wants the object of the order's type, even when it has nothing to say.
        if details.orderType == .dineIn, details.dineIn == nil { details.dineIn = DineInDetails() }
        if details.orderType == .collection, details.collection == nil { details.collection = CollectionDetails() }
        return details
    }

    private static func firstCurrency(_ o: Order) -> String? {
        o.totalAmount?.currencyCode ?? o.items.first?.amountPerItem.currencyCode ?? o.paidAmount?.currencyCode
            ?? o.serviceChargeAmount?.currencyCode ?? o.payments.first?.paidAmount.currencyCode
    }

    /// Items (with modifiers and sub-items) less discounts plus service charge, by `OrderFigures`.
    private func computedTotal(_ order: Order, currency: String) throws(BillTemplateError) -> Money {
        let path = "order.totalAmount"
        for (i, item) in order.items.enumerated() {
            try checkCurrency(item.amountPerItem, currency, "order.items[\(i)].amountPerItem")
            for (j, m) in item.modifiers.enumerated() {
                try checkCurrency(m.amountPerModifier, currency, "order.items[\(i)].modifiers[\(j)].amountPerModifier")
            }
            for (k, sub) in item.subItems.enumerated() {
                try checkCurrency(sub.amountPerItem, currency, "order.items[\(i)].subItems[\(k)].amountPerItem")
                for (j, m) in sub.modifiers.enumerated() {
                    try checkCurrency(
                        m.amountPerModifier, currency,
                        "order.items[\(i)].subItems[\(k)].modifiers[\(j)].amountPerModifier")
                }
            }
        }
        for (i, d) in order.discounts.enumerated() {
            try checkCurrency(d.amountTotal, currency, "order.discounts[\(i)].amountTotal")
        }
        if let s = order.serviceChargeAmount { try checkCurrency(s, currency, "order.serviceChargeAmount") }
        let figures = OrderFigures(order)
        guard let subtotal = figures.subtotal, let discounts = figures.discountTotal else {
            throw .invalidOrder(path: path, message: "missing, and the items or discounts overflow 64 bits")
        }
        let (net, overflow) = subtotal.subtractingReportingOverflow(discounts)
        if overflow { throw .invalidOrder(path: path, message: "the amounts overflow 64 bits") }
        let total = try add(net, order.serviceChargeAmount?.value ?? 0, path)
        return Money(value: total, currencyCode: currency)
    }

    private func checkCurrency(_ m: Money, _ currency: String, _ path: String) throws(BillTemplateError) {
        guard m.currencyCode == currency else {
            throw .invalidOrder(
                path: path,
                message: "in \(m.currencyCode) where the order is in \(currency); cannot compute the missing figures")
        }
    }

    private func add(_ a: Int64, _ b: Int64, _ path: String) throws(BillTemplateError) -> Int64 {
        let (r, overflow) = a.addingReportingOverflow(b)
        if overflow { throw .invalidOrder(path: path, message: "the amounts overflow 64 bits") }
        return r
    }

    private mutating func warn(_ code: DiagnosticCode, _ path: String, _ message: String) {
        diagnostics.append(Diagnostic(.warning, code, at: path, message))
    }
}
