/// Checks beyond types: one currency, figures that add up, plausible percentages and quantities.
public enum BillChecks {
    /// The diagnostics for `bill`; `root` is the JSON path of the bill (`result` in an envelope).
    public static func check(_ bill: OrderBill, root: String = "") -> [Diagnostic] {
        var out: [Diagnostic] = []
        let order = bill.order
        let orderPath = root.isEmpty ? "order" : root + ".order"
        func path(_ p: String) -> String { orderPath + "." + p }

        // One currency across the bill, and amounts below zero (printed as sent, but worth a look;
        // discounts are taken off whatever their sign): one pass, the mixed currencies reported first.
        let currency = order.totalAmount?.currencyCode ?? firstCurrencyCode(order)
        var mixed = false
        var negatives: [Diagnostic] = []
        forEachMoney(order) { p, m in
            if let currency, m.currencyCode != currency {
                mixed = true
                out.append(
                    Diagnostic(
                        .warning, .mixedCurrency, at: path(p() + ".currencyCode"),

                        "\"\(m.currencyCode)\" differs from the bill's currency \"\(currency)\"; amounts are shown in their own currency and totals are not checked"
                    ))
            }
            guard m.value < 0 else { return }
            let what =
                p().hasPrefix("discounts")
                ? "a negative discount is taken off all the same (printed as \(Money(value: m.value == .min ? m.value : -abs(m.value), currencyCode: m.currencyCode).formatted))"
                : "printed as sent"
            negatives.append(
                Diagnostic(
                    .warning, .negativeAmount, at: path(p() + ".value"), "\(m.formatted) is below zero; \(what)"))
        }
        out += negatives

        // Quantities.
        let items = order.items
        for i in items.indices {
            let quantity = items[i].quantity
            if quantity <= 0 {
                out.append(
                    Diagnostic(
                        .warning, .nonPositiveQuantity, at: path("items[\(i)].quantity"),
                        "quantity \(quantity) is not a positive number of items"))
            }
            let modifiers = items[i].modifiers
            for j in modifiers.indices where modifiers[j].quantity < 0 {
                out.append(
                    Diagnostic(
                        .warning, .nonPositiveQuantity, at: path("items[\(i)].modifiers[\(j)].quantity"),
                        "quantity \(modifiers[j].quantity) is below zero"))
            }
            let subItems = items[i].subItems
            for j in subItems.indices where subItems[j].quantity <= 0 {
                out.append(
                    Diagnostic(
                        .warning, .nonPositiveQuantity, at: path("items[\(i)].subItems[\(j)].quantity"),
                        "quantity \(subItems[j].quantity) is not a positive number"))
            }
        }

        // Percentages are stored ×100 (25.1 % is 2510). `p` spells the whole path.
        func checkPercentage(_ value: Int64?, _ p: () -> String) {
            guard let value else { return }
            if value < 0 || value > 10_000 {
                out.append(
                    Diagnostic(
                        .warning, .suspiciousPercentage, at: p(),

                        "\(value) is \(Currency.formatPercentage(value)), outside 0–100%; the spec stores percentages ×100 (25.1% is 2510)"
                    ))
            } else if value > 0 && value < 100 {
                out.append(
                    Diagnostic(
                        .warning, .suspiciousPercentage, at: p(),

                        "\(value) means \(Currency.formatPercentage(value)) (the spec stores percentages ×100); if \(value)% was meant, send \(value * 100)"
                    ))
            }
        }
        func percentagePath(_ list: String, _ i: Int) -> String {
            path("\(list)[\(i)].amountPercentage")
        }
        for (i, d) in order.discounts.enumerated() {
            checkPercentage(d.amountPercentage) { percentagePath("discounts", i) }
        }
        for (i, t) in order.taxLines.enumerated() {
            checkPercentage(t.amountPercentage) { percentagePath("taxLines", i) }
        }

        // Overflow.
        let figures = OrderFigures(order)
        for p in figures.overflowPaths {
            out.append(Diagnostic(.error, .overflow, at: path(p), "the amounts overflow 64-bit minor units"))
        }

        // Figures that add up.
        if !mixed, let total = order.totalAmount, let subtotal = figures.subtotal,
            let discounts = figures.discountTotal,
            let taxes = figures.taxTotal, !order.items.isEmpty
        {
            let service = order.serviceChargeAmount?.value ?? 0
            let c = total.currency
            if let expected = OrderFigures.add(OrderFigures.add(subtotal, -discounts), service),
                let withTaxes = OrderFigures.add(expected, taxes),
                total.value != expected, total.value != withTaxes
            {
                out.append(
                    Diagnostic(
                        .warning, .totalsMismatch, at: path("totalAmount.value"),

                        "totalAmount is \(total.formatted), but items \(c.format(minorUnits: subtotal)) − discounts \(c.format(minorUnits: discounts)) + service charge \(c.format(minorUnits: service)) make \(c.format(minorUnits: expected)) (\(c.format(minorUnits: withTaxes)) with taxes added); the bill prints totalAmount as sent"
                    ))
            }
        }

        // Payments.
        if !mixed, let total = order.totalAmount, let paid = order.paidAmount, paid.value > total.value {
            out.append(
                Diagnostic(
                    .warning, .paymentMismatch, at: path("paidAmount.value"),
                    "paidAmount \(paid.formatted) is more than totalAmount \(total.formatted)"))
        }
        if !mixed, !order.payments.isEmpty, let paid = order.paidAmount, let sum = figures.paymentsPaid,
            sum != paid.value
        {
            out.append(
                Diagnostic(
                    .warning, .paymentMismatch, at: path("paidAmount.value"),
                    "paidAmount \(paid.formatted) differs from the payments' sum \(paid.currency.format(minorUnits: sum))"
                ))
        }
        return out
    }

    /// The currency of the first Money in the order, in document order.
    static func firstCurrencyCode(_ order: Order) -> String? {
        var code: String?
        forEachMoney(order) { _, m in if code == nil { code = m.currencyCode } }
        return code
    }

    /// Calls `body` with every Money in the order, in document order, and its path relative to
    /// the order (spelled out only when `body` asks for it). Elements are read in place, by index:
    /// a copy of an item would retain each of its strings and arrays.
    static func forEachMoney(_ order: Order, _ body: (_ path: () -> String, _ money: Money) -> Void) {
        let items = order.items
        for i in items.indices {
            body({ "items[\(i)].amountPerItem" }, items[i].amountPerItem)
            let modifiers = items[i].modifiers
            for j in modifiers.indices {
                body({ "items[\(i)].modifiers[\(j)].amountPerModifier" }, modifiers[j].amountPerModifier)
            }
            let subItems = items[i].subItems
            for j in subItems.indices {
                body({ "items[\(i)].subItems[\(j)].amountPerItem" }, subItems[j].amountPerItem)
                let subModifiers = subItems[j].modifiers
                for k in subModifiers.indices {
                    body(
                        { "items[\(i)].subItems[\(j)].modifiers[\(k)].amountPerModifier" },
                        subModifiers[k].amountPerModifier)
                }
            }
        }
        let discounts = order.discounts
        for i in discounts.indices { body({ "discounts[\(i)].amountTotal" }, discounts[i].amountTotal) }
        let taxLines = order.taxLines
        for i in taxLines.indices { body({ "taxLines[\(i)].amountTotal" }, taxLines[i].amountTotal) }
        let payments = order.payments
        for i in payments.indices {
            body({ "payments[\(i)].paidAmount" }, payments[i].paidAmount)
            if let t = payments[i].tipsAmount { body({ "payments[\(i)].tipsAmount" }, t) }
        }
        if let m = order.totalAmount { body({ "totalAmount" }, m) }
        if let m = order.paidAmount { body({ "paidAmount" }, m) }
        if let m = order.serviceChargeAmount { body({ "serviceChargeAmount" }, m) }
        if let m = order.tipsAmount { body({ "tipsAmount" }, m) }
    }
}
