/// Reads an `Order`. What the figures depend on (quantities, prices, totals) is an error when it
/// is missing or mistyped; what is only shown is a warning.
enum OrderReader {
    static func order(_ o: Int, _ path: @autoclosure () -> String, _ r: inout JSONReader) -> Order? {
        var order = Order()
        order.id = r.string(o, .id, path(), required: .warning, severity: .warning)
        order.status = r.string(o, .status, path(), required: .warning, severity: .warning)
        if let status = order.status, OrderStatus(rawValue: status) == nil {
            let accepted = OrderStatus.allCases.map(\.rawValue).joined(separator: ", ")
            r.report(
                .warning, .unknownEnumValue, JSONReader.join(path(), "status"),
                "\"\(status)\" is not an order status (\(accepted))")
        }
        if let d = r.object(o, .details, path(), required: .warning, severity: .warning) {
            order.details = details(d, JSONReader.join(path(), "details"), &r)
        }
        if let items = r.array(o, .items, path(), required: .warning, severity: .error) {
            func ip() -> String { JSONReader.join(path(), "items") }
            if items.count > r.options.maxItems {
                r.report(
                    .error, .limitExceeded, ip(),
                    "\(items.count) items; the limit is \(r.options.maxItems) (DecodingOptions.maxItems, --max-items)")
                return nil
            }
            order.items.reserveCapacity(items.count)
            for (i, v) in items.enumerated() {
                if let item = item(v, JSONReader.join(ip(), i), &r) { order.items.append(item) }
            }
        }
        order.note = r.string(o, .note, path(), required: nil, severity: .warning)
        if let c = r.object(o, .customer, path(), required: nil, severity: .warning) {
            func cp() -> String { JSONReader.join(path(), "customer") }
            order.customer = Customer(
                id: r.string(c, .id, cp(), required: nil, severity: .warning),
                emailAddress: r.string(c, .emailAddress, cp(), required: nil, severity: .warning),
                phoneNumber: r.string(c, .phoneNumber, cp(), required: nil, severity: .warning),
                name: r.string(c, .name, cp(), required: nil, severity: .warning))
        }
        order.discounts = list(o, .discounts, path(), &r) { d, p, r in
            guard r.tape.kind(d) == .object else {
                r.wrongType(.error, p(), expected: "a discount object", found: d)
                return nil
            }
            guard let amount = r.money(d, .amountTotal, p(), required: .error) else { return nil }
            return Discount(
                name: r.string(d, .name, p(), required: .warning, severity: .warning) ?? "Discount",
                amountTotal: amount,
                amountPercentage: r.integer(d, .amountPercentage, p(), required: nil, severity: .warning),
                affectedPlu: r.string(d, .affectedPlu, p(), required: nil, severity: .warning),
                discountReference: r.string(d, .discountReference, p(), required: nil, severity: .warning),
                code: r.string(d, .code, p(), required: nil, severity: .warning))
        }
        order.taxLines = list(o, .taxLines, path(), &r) { t, p, r in
            guard r.tape.kind(t) == .object else {
                r.wrongType(.error, p(), expected: "a tax line object", found: t)
                return nil
            }
            guard let amount = r.money(t, .amountTotal, p(), required: .error) else { return nil }
            return TaxLine(
                amountTotal: amount,
                id: r.string(t, .id, p(), required: nil, severity: .warning),
                name: r.string(t, .name, p(), required: nil, severity: .warning),
                affectedPlu: r.string(t, .affectedPlu, p(), required: nil, severity: .warning),
                amountPercentage: r.integer(t, .amountPercentage, p(), required: nil, severity: .warning))
        }
        order.createdAt = r.string(o, .createdAt, path(), required: nil, severity: .warning)
        order.updatedAt = r.string(o, .updatedAt, path(), required: nil, severity: .warning)
        order.totalAmount = r.money(o, .totalAmount, path(), required: .warning)
        order.payments = list(o, .payments, path(), &r) { pay, p, r in
            guard r.tape.kind(pay) == .object else {
                r.wrongType(.error, p(), expected: "a payment object", found: pay)
                return nil
            }
            guard let paid = r.money(pay, .paidAmount, p(), required: .error) else { return nil }
            return Payment(
                paymentIntentId: r.string(pay, .paymentIntentId, p(), required: nil, severity: .warning),
                paidAmount: paid, tipsAmount: r.money(pay, .tipsAmount, p(), required: nil))
        }
        order.payable = r.bool(o, .payable, path())
        order.paidAmount = r.money(o, .paidAmount, path(), required: nil)
        order.serviceChargeAmount = r.money(o, .serviceChargeAmount, path(), required: nil)
        order.reference = r.string(o, .reference, path(), required: nil, severity: .warning)
        order.tipsAmount = r.money(o, .tipsAmount, path(), required: nil)
        order.displayName = r.string(o, .displayName, path(), required: nil, severity: .warning)
        return order
    }

    /// The elements of the array `key` read by `read`, which gets each element's path to spell
    /// out when it reports something.
    private static func list<T>(
        _ o: Int, _ key: JSONKey, _ path: @autoclosure () -> String, _ r: inout JSONReader,
        _ read: (Int, () -> String, inout JSONReader) -> T?
    ) -> [T] {
        guard let array = r.array(o, key, path(), required: nil, severity: .error) else { return [] }
        var out: [T] = []
        out.reserveCapacity(array.count)
        // The element's path closure only lives during `read`.
        withoutActuallyEscaping(path) { path in
            for (i, v) in array.enumerated() {
                if let t = read(v, { JSONReader.spell(path(), .key(key.name), .index(i)) }, &r) { out.append(t) }
            }
        }
        return out
    }

    private static func details(_ d: Int, _ p: @autoclosure () -> String, _ r: inout JSONReader) -> OrderDetails {
        var details = OrderDetails(orderType: r.enumValue(OrderType.self, d, .orderType, p(), required: .warning))
        if let dine = r.object(d, .dineIn, p(), required: nil, severity: .warning) {
            func dp() -> String { JSONReader.join(p(), "dineIn") }
            details.dineIn = DineInDetails(
                tableId: r.string(dine, .tableId, dp(), required: nil, severity: .warning),
                waiterId: r.string(dine, .waiterId, dp(), required: nil, severity: .warning),
                partyId: r.string(dine, .partyId, dp(), required: nil, severity: .warning),
                reservationId: r.string(dine, .reservationId, dp(), required: nil, severity: .warning),
                readyAt: r.string(dine, .readyAt, dp(), required: nil, severity: .warning))
        }
        if let c = r.object(d, .collection, p(), required: nil, severity: .warning) {
            func cp() -> String { JSONReader.join(p(), "collection") }
            details.collection = CollectionDetails(
                asap: r.bool(c, .asap, cp()),
                collectAt: r.string(c, .collectAt, cp(), required: nil, severity: .warning))
        }
        return details
    }

    private static func item(_ o: Int, _ p: @autoclosure () -> String, _ r: inout JSONReader) -> OrderItem? {
        guard r.tape.kind(o) == .object else {
            r.wrongType(.error, p(), expected: "an order item object", found: o)
            return nil
        }
        let name = r.string(o, .name, p(), required: .warning, severity: .warning) ?? ""
        let plu = r.string(o, .plu, p(), required: .warning, severity: .warning) ?? ""
        let quantity = r.integer(o, .quantity, p(), required: .error, severity: .error)
        let price = r.money(o, .amountPerItem, p(), required: .error)
        let note = r.string(o, .note, p(), required: nil, severity: .warning)
        let mods = modifiers(o, p(), &r)
        let subs = list(o, .subItems, p(), &r) { s, sp, r -> OrderSubItem? in
            guard r.tape.kind(s) == .object else {
                r.wrongType(.error, sp(), expected: "a sub-item object", found: s)
                return nil
            }
            let name = r.string(s, .name, sp(), required: .warning, severity: .warning) ?? ""
            let plu = r.string(s, .plu, sp(), required: .warning, severity: .warning) ?? ""
            let quantity = r.integer(s, .quantity, sp(), required: .error, severity: .error)
            let price = r.money(s, .amountPerItem, sp(), required: .error)
            let note = r.string(s, .note, sp(), required: nil, severity: .warning)
            let mods = modifiers(s, sp(), &r)
            guard let quantity, let price else { return nil }
            return OrderSubItem(
                name: name, plu: plu, quantity: quantity, amountPerItem: price, note: note, modifiers: mods)
        }
        guard let quantity, let price else { return nil }
        return OrderItem(
            name: name, plu: plu, quantity: quantity, amountPerItem: price, note: note,
            modifiers: mods, subItems: subs)
    }

    private static func modifiers(_ o: Int, _ path: @autoclosure () -> String, _ r: inout JSONReader) -> [Modifier] {
        list(o, .modifiers, path(), &r) { m, p, r in
            guard r.tape.kind(m) == .object else {
                r.wrongType(.error, p(), expected: "a modifier object", found: m)
                return nil
            }
            let name = r.string(m, .name, p(), required: .warning, severity: .warning) ?? ""
            let plu = r.string(m, .plu, p(), required: .warning, severity: .warning) ?? ""
            let quantity = r.integer(m, .quantity, p(), required: .warning, severity: .error) ?? 1
            // The spec says amountPerModifier; every Dojo example says amountPerItem. Accept both.
            let hasModifierKey = r.tape.member(m, .amountPerModifier) != nil
            let key: JSONKey = hasModifierKey ? .amountPerModifier : .amountPerItem
            if !hasModifierKey && r.tape.member(m, .amountPerItem) == nil {
                r.report(
                    .error, .missingField, JSONReader.join(p(), "amountPerModifier"),
                    "required field \"amountPerModifier\" (or \"amountPerItem\") is missing")
                return nil
            }
            guard let price = r.money(m, key, p(), required: .error) else { return nil }
            return Modifier(name: name, plu: plu, quantity: quantity, amountPerModifier: price)
        }
    }
}
