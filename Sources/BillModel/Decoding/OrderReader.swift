import BillJSON

/// Reads an `Order`. What the figures depend on (quantities, prices, totals) is an error when it
/// is missing or mistyped; what is only shown is a warning.
enum OrderReader {
    static func order(_ o: Int, _ r: inout BillReader) -> Order? {
        var order = Order()
        order.id = r.string(o, .id, required: .warning, severity: .warning)
        order.status = r.string(o, .status, required: .warning, severity: .warning)
        if let status = order.status, OrderStatus(rawValue: status) == nil {
            let accepted = OrderStatus.allCases.map(\.rawValue).joined(separator: ", ")
            r.report(
                .warning, .unknownEnumValue, r.path(o, .status),
                "\"\(status)\" is not an order status (\(accepted))")
        }
        if let d = r.object(o, .details, required: .warning, severity: .warning) {
            order.details = details(d, &r)
        }
        if let items = r.array(o, .items, required: .warning, severity: .error) {
            let count = r.tape.count(items)
            if count > r.options.maxItems {
                r.report(
                    .error, .limitExceeded, r.path(items),
                    "\(count) items; the limit is \(r.options.maxItems) (DecodingOptions.maxItems, --max-items)")
                return nil
            }
            order.items.reserveCapacity(count)
            for element in r.elements(items) {
                if let item = item(element, &r) { order.items.append(item) }
            }
        }
        order.note = r.string(o, .note, required: nil, severity: .warning)
        if let c = r.object(o, .customer, required: nil, severity: .warning) {
            order.customer = Customer(
                id: r.string(c, .id, required: nil, severity: .warning),
                emailAddress: r.string(c, .emailAddress, required: nil, severity: .warning),
                phoneNumber: r.string(c, .phoneNumber, required: nil, severity: .warning),
                name: r.string(c, .name, required: nil, severity: .warning))
        }
        order.discounts = list(o, .discounts, expected: "a discount object", &r) { d, r in
            guard let amount = r.money(d, .amountTotal, required: .error) else { return nil }
            return Discount(
                name: r.string(d, .name, required: .warning, severity: .warning) ?? "Discount",
                amountTotal: amount,
                amountPercentage: r.integer(d, .amountPercentage, required: nil, severity: .warning),
                affectedPlu: r.string(d, .affectedPlu, required: nil, severity: .warning),
                discountReference: r.string(d, .discountReference, required: nil, severity: .warning),
                code: r.string(d, .code, required: nil, severity: .warning))
        }
        order.taxLines = list(o, .taxLines, expected: "a tax line object", &r) { t, r in
            guard let amount = r.money(t, .amountTotal, required: .error) else { return nil }
            return TaxLine(
                amountTotal: amount,
                id: r.string(t, .id, required: nil, severity: .warning),
                name: r.string(t, .name, required: nil, severity: .warning),
                affectedPlu: r.string(t, .affectedPlu, required: nil, severity: .warning),
                amountPercentage: r.integer(t, .amountPercentage, required: nil, severity: .warning))
        }
        order.createdAt = r.string(o, .createdAt, required: nil, severity: .warning)
        order.updatedAt = r.string(o, .updatedAt, required: nil, severity: .warning)
        order.totalAmount = r.money(o, .totalAmount, required: .warning)
        order.payments = list(o, .payments, expected: "a payment object", &r) { pay, r in
            guard let paid = r.money(pay, .paidAmount, required: .error) else { return nil }
            return Payment(
                paymentIntentId: r.string(pay, .paymentIntentId, required: nil, severity: .warning),
                paidAmount: paid, tipsAmount: r.money(pay, .tipsAmount, required: nil))
        }
        order.payable = r.bool(o, .payable)
        order.paidAmount = r.money(o, .paidAmount, required: nil)
        order.serviceChargeAmount = r.money(o, .serviceChargeAmount, required: nil)
        order.reference = r.string(o, .reference, required: nil, severity: .warning)
        order.tipsAmount = r.money(o, .tipsAmount, required: nil)
        order.displayName = r.string(o, .displayName, required: nil, severity: .warning)
        return order
    }

    /// The objects of the array `key`, each read by `read`; an element that is not an object is an
    /// error that says it should be `expected`.
    private static func list<T>(
        _ o: Int, _ key: BillKey, expected: String, _ r: inout BillReader,
        _ read: (Int, inout BillReader) -> T?
    ) -> [T] {
        guard let array = r.array(o, key, required: nil, severity: .error) else { return [] }
        var out: [T] = []
        out.reserveCapacity(r.tape.count(array))
        for element in r.elements(array) {
            if let object = r.object(element, expected: expected, severity: .error), let t = read(object, &r) {
                out.append(t)
            }
        }
        return out
    }

    private static func details(_ d: Int, _ r: inout BillReader) -> OrderDetails {
        var details = OrderDetails(orderType: r.enumValue(OrderType.self, d, .orderType, required: .warning))
        if let dine = r.object(d, .dineIn, required: nil, severity: .warning) {
            details.dineIn = DineInDetails(
                tableId: r.string(dine, .tableId, required: nil, severity: .warning),
                waiterId: r.string(dine, .waiterId, required: nil, severity: .warning),
                partyId: r.string(dine, .partyId, required: nil, severity: .warning),
                reservationId: r.string(dine, .reservationId, required: nil, severity: .warning),
                readyAt: r.string(dine, .readyAt, required: nil, severity: .warning))
        }
        if let c = r.object(d, .collection, required: nil, severity: .warning) {
            details.collection = CollectionDetails(
                asap: r.bool(c, .asap),
                collectAt: r.string(c, .collectAt, required: nil, severity: .warning))
        }
        return details
    }

    private static func item(_ element: Int, _ r: inout BillReader) -> OrderItem? {
        guard let o = r.object(element, expected: "an order item object", severity: .error) else { return nil }
        let name = r.string(o, .name, required: .warning, severity: .warning) ?? ""
        let plu = r.string(o, .plu, required: .warning, severity: .warning) ?? ""
        let quantity = r.integer(o, .quantity, required: .error, severity: .error)
        let price = r.money(o, .amountPerItem, required: .error)
        let note = r.string(o, .note, required: nil, severity: .warning)
        let mods = modifiers(o, &r)
        let subs = list(o, .subItems, expected: "a sub-item object", &r) { s, r -> OrderSubItem? in
            let name = r.string(s, .name, required: .warning, severity: .warning) ?? ""
            let plu = r.string(s, .plu, required: .warning, severity: .warning) ?? ""
            let quantity = r.integer(s, .quantity, required: .error, severity: .error)
            let price = r.money(s, .amountPerItem, required: .error)
            let note = r.string(s, .note, required: nil, severity: .warning)
            let mods = modifiers(s, &r)
            guard let quantity, let price else { return nil }
            return OrderSubItem(
                name: name, plu: plu, quantity: quantity, amountPerItem: price, note: note, modifiers: mods)
        }
        guard let quantity, let price else { return nil }
        return OrderItem(
            name: name, plu: plu, quantity: quantity, amountPerItem: price, note: note,
            modifiers: mods, subItems: subs)
    }

    private static func modifiers(_ o: Int, _ r: inout BillReader) -> [Modifier] {
        list(o, .modifiers, expected: "a modifier object", &r) { m, r in
            let name = r.string(m, .name, required: .warning, severity: .warning) ?? ""
            let plu = r.string(m, .plu, required: .warning, severity: .warning) ?? ""
            let quantity = r.integer(m, .quantity, required: .warning, severity: .error) ?? 1
            // The spec says amountPerModifier; every Dojo example says amountPerItem. Accept both.
            let hasModifierKey = r.anyMember(m, .amountPerModifier) != nil
            let key: BillKey = hasModifierKey ? .amountPerModifier : .amountPerItem
            if !hasModifierKey && r.anyMember(m, .amountPerItem) == nil {
                r.report(
                    .error, .missingField, r.path(m, .amountPerModifier),
                    "required field \"amountPerModifier\" (or \"amountPerItem\") is missing")
                return nil
            }
            guard let price = r.money(m, key, required: .error) else { return nil }
            return Modifier(name: name, plu: plu, quantity: quantity, amountPerModifier: price)
        }
    }
}
