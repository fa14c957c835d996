/// Checks beyond types: one currency, figures that add up, plausible percentages and quantities.
public enum BillChecks {
    /// The diagnostics for `bill`; `root` is the JSON path of the bill (`result` in an envelope).
    public static func check(_ bill: OrderBill, root: String = "") -> [Diagnostic] {
        var out: [Diagnostic] = []
        let orderPath = JSONReader.join(root, "order")
        let order = bill.order
        func path(_ p: String) -> String { JSONReader.join(orderPath, p) }

        // One currency across the bill.
        let monies = allMoney(order)
        let currency = order.totalAmount?.currencyCode ?? monies.first?.1.currencyCode
        if let currency {
            for (p, m) in monies where m.currencyCode != currency {
                out.append(Diagnostic(.warning, .mixedCurrency, at: path(p + ".currencyCode"),
                                      "\"\(m.currencyCode)\" differs from the bill's currency \"\(currency)\"; amounts are shown in their own currency and totals are not checked"))
            }
        }
        let mixed = out.contains { $0.code == .mixedCurrency }

        // Amounts below zero: printed as sent, but worth a look (discounts are taken off whatever their sign).
        for (p, m) in monies where m.value < 0 {
            let what = p.hasPrefix("discounts") ? "a negative discount is taken off all the same (printed as \(Money(value: m.value == .min ? m.value : -abs(m.value), currencyCode: m.currencyCode).formatted))"
                : "printed as sent"
            out.append(Diagnostic(.warning, .negativeAmount, at: path(p + ".value"), "\(m.formatted) is below zero; \(what)"))
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
        let percentages = order.discounts.enumerated().map { ("discounts[\($0)].amountPercentage", $1.amountPercentage) }
            + order.taxLines.enumerated().map { ("taxLines[\($0)].amountPercentage", $1.amountPercentage) }
        for (p, value) in percentages {
            guard let value else { continue }
            if value < 0 || value > 10_000 {
                out.append(Diagnostic(.warning, .suspiciousPercentage, at: path(p),
                                      "\(value) is \(Currency.formatPercentage(value)), outside 0–100%; the spec stores percentages ×100 (25.1% is 2510)"))
            } else if value > 0 && value < 100 {
                out.append(Diagnostic(.warning, .suspiciousPercentage, at: path(p),
                                      "\(value) means \(Currency.formatPercentage(value)) (the spec stores percentages ×100); if \(value)% was meant, send \(value * 100)"))
            }
        }

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

    /// Every Money in the order with its path relative to the order.
    static func allMoney(_ order: Order) -> [(String, Money)] {
        var out: [(String, Money)] = []
        for (i, item) in order.items.enumerated() {
            out.append(("items[\(i)].amountPerItem", item.amountPerItem))
            for (j, m) in item.modifiers.enumerated() { out.append(("items[\(i)].modifiers[\(j)].amountPerModifier", m.amountPerModifier)) }
            for (j, s) in item.subItems.enumerated() {
                out.append(("items[\(i)].subItems[\(j)].amountPerItem", s.amountPerItem))
                for (k, m) in s.modifiers.enumerated() {
                    out.append(("items[\(i)].subItems[\(j)].modifiers[\(k)].amountPerModifier", m.amountPerModifier))
                }
            }
        }
        for (i, d) in order.discounts.enumerated() { out.append(("discounts[\(i)].amountTotal", d.amountTotal)) }
        for (i, t) in order.taxLines.enumerated() { out.append(("taxLines[\(i)].amountTotal", t.amountTotal)) }
        for (i, p) in order.payments.enumerated() {
            out.append(("payments[\(i)].paidAmount", p.paidAmount))
            if let t = p.tipsAmount { out.append(("payments[\(i)].tipsAmount", t)) }
        }
        for (key, m) in [("totalAmount", order.totalAmount), ("paidAmount", order.paidAmount),
                         ("serviceChargeAmount", order.serviceChargeAmount), ("tipsAmount", order.tipsAmount)] {
            if let m { out.append((key, m)) }
        }
        return out
    }
}
