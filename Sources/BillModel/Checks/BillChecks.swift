/// Checks beyond types: one currency, figures that add up, plausible percentages and quantities.
public enum BillChecks {
    /// The diagnostics for `bill`; `root` is the JSON path of the bill (`result` in an envelope).
    public static func check(_ bill: OrderBill, root: String = "") -> [Diagnostic] {
        var out: [Diagnostic] = []
        let orderPath = JSONReader.join(root, "order")
        let order = bill.order
        func path(_ p: String) -> String { JSONReader.join(orderPath, p) }

        // One currency across the bill.
        var currency = order.totalAmount?.currencyCode
        if currency == nil { forEachMoney(order) { _, m in if currency == nil { currency = m.currencyCode } } }
        var mixed = false
        if let currency {
            forEachMoney(order) { p, m in
                guard m.currencyCode != currency else { return }
                mixed = true
                out.append(Diagnostic(.warning, .mixedCurrency, at: path(p() + ".currencyCode"),
                                      "\"\(m.currencyCode)\" differs from the bill's currency \"\(currency)\"; amounts are shown in their own currency and totals are not checked"))
            }
        }

        // Amounts below zero: printed as sent, but worth a look (discounts are taken off whatever their sign).
        forEachMoney(order) { p, m in
            guard m.value < 0 else { return }
            let what = p().hasPrefix("discounts") ? "a negative discount is taken off all the same (printed as \(Money(value: m.value == .min ? m.value : -abs(m.value), currencyCode: m.currencyCode).formatted))"
                : "printed as sent"
            out.append(Diagnostic(.warning, .negativeAmount, at: path(p() + ".value"), "\(m.formatted) is below zero; \(what)"))
        }

        // Quantities.
        for (i, item) in order.items.enumerated() {
            if item.quantity <= 0 {
                out.append(Diagnostic(.warning, .nonPositiveQuantity, at: path("items[\(i)].quantity"),
                                      "quantity \(item.quantity) is not a positive number of items"))
            }
            for (j, m) in item.modifiers.enumerated() where m.quantity < 0 {
                out.append(Diagnostic(.warning, .nonPositiveQuantity, at: path("items[\(i)].modifiers[\(j)].quantity"),
                                      "quantity \(m.quantity) is below zero"))
            }
            for (j, s) in item.subItems.enumerated() where s.quantity <= 0 {
                out.append(Diagnostic(.warning, .nonPositiveQuantity, at: path("items[\(i)].subItems[\(j)].quantity"),
                                      "quantity \(s.quantity) is not a positive number"))
            }
        }

        // Percentages are stored ×100 (25.1 % is 2510).
        func checkPercentage(_ value: Int64?, _ p: () -> String) {
            guard let value else { return }
            if value < 0 || value > 10_000 {
                out.append(Diagnostic(.warning, .suspiciousPercentage, at: path(p()),
                                      "\(value) is \(Currency.formatPercentage(value)), outside 0–100%; the spec stores percentages ×100 (25.1% is 2510)"))
            } else if value > 0 && value < 100 {
                out.append(Diagnostic(.warning, .suspiciousPercentage, at: path(p()),
                                      "\(value) means \(Currency.formatPercentage(value)) (the spec stores percentages ×100); if \(value)% was meant, send \(value * 100)"))
            }
        }
        for (i, d) in order.discounts.enumerated() { checkPercentage(d.amountPercentage) { "discounts[\(i)].amountPercentage" } }
        for (i, t) in order.taxLines.enumerated() { checkPercentage(t.amountPercentage) { "taxLines[\(i)].amountPercentage" } }

        // Overflow.
        let figures = OrderFigures(order)
        for p in figures.overflowPaths {
            out.append(Diagnostic(.error, .overflow, at: path(p), "the amounts overflow 64-bit minor units"))
        }

        // Figures that add up.
        if !mixed, let total = order.totalAmount, let subtotal = figures.subtotal, let discounts = figures.discountTotal,
           let taxes = figures.taxTotal, !order.items.isEmpty
        {
            let service = order.serviceChargeAmount?.value ?? 0
            let c = total.currency
            if let expected = OrderFigures.add(OrderFigures.add(subtotal, -discounts), service),
               let withTaxes = OrderFigures.add(expected, taxes),
               total.value != expected, total.value != withTaxes
            {
                out.append(Diagnostic(
                    .warning, .totalsMismatch, at: path("totalAmount.value"),
                    "totalAmount is \(total.formatted), but items \(c.format(minorUnits: subtotal)) − discounts \(c.format(minorUnits: discounts)) + service charge \(c.format(minorUnits: service)) make \(c.format(minorUnits: expected)) (\(c.format(minorUnits: withTaxes)) with taxes added); the bill prints totalAmount as sent"))
            }
        }

        // Payments.
        if !mixed, let total = order.totalAmount, let paid = order.paidAmount, paid.value > total.value {
            out.append(Diagnostic(.warning, .paymentMismatch, at: path("paidAmount.value"),
                                  "paidAmount \(paid.formatted) is more than totalAmount \(total.formatted)"))
        }
        if !mixed, !order.payments.isEmpty, let paid = order.paidAmount, let sum = figures.paymentsPaid, sum != paid.value {
            out.append(Diagnostic(.warning, .paymentMismatch, at: path("paidAmount.value"),
                                  "paidAmount \(paid.formatted) differs from the payments' sum \(paid.currency.format(minorUnits: sum))"))
        }
        return out
    }

    /// Calls `body` with every Money in the order, in document order, and its path relative to
    /// the order (spelled out only when `body` asks for it).
    static func forEachMoney(_ order: Order, _ body: (_ path: () -> String, _ money: Money) -> Void) {
        for (i, item) in order.items.enumerated() {
            body({ "items[\(i)].amountPerItem" }, item.amountPerItem)
            for (j, m) in item.modifiers.enumerated() { body({ "items[\(i)].modifiers[\(j)].amountPerModifier" }, m.amountPerModifier) }
            for (j, s) in item.subItems.enumerated() {
                body({ "items[\(i)].subItems[\(j)].amountPerItem" }, s.amountPerItem)
                for (k, m) in s.modifiers.enumerated() {
                    body({ "items[\(i)].subItems[\(j)].modifiers[\(k)].amountPerModifier" }, m.amountPerModifier)
                }
            }
        }
        for (i, d) in order.discounts.enumerated() { body({ "discounts[\(i)].amountTotal" }, d.amountTotal) }
        for (i, t) in order.taxLines.enumerated() { body({ "taxLines[\(i)].amountTotal" }, t.amountTotal) }
        for (i, p) in order.payments.enumerated() {
            body({ "payments[\(i)].paidAmount" }, p.paidAmount)
            if let t = p.tipsAmount { body({ "payments[\(i)].tipsAmount" }, t) }
        }
        if let m = order.totalAmount { body({ "totalAmount" }, m) }
        if let m = order.paidAmount { body({ "paidAmount" }, m) }
        if let m = order.serviceChargeAmount { body({ "serviceChargeAmount" }, m) }
        if let m = order.tipsAmount { body({ "tipsAmount" }, m) }
    }
}
