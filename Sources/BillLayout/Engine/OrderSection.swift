import BillModel

/// The order between header and footer: items with their modifiers, sub-items and notes, then the
/// figures. The EPOS's figures print as sent; the subtotal and the balance due are computed and
/// labelled so.
enum OrderSection {
    static let modifierIndent = 4

    static func layout(_ order: Order, into buffer: inout LayoutBuffer) {
        let figures = OrderFigures(order)
        let code = order.totalAmount?.currencyCode ?? order.items.first?.amountPerItem.currencyCode ?? ""
        let currency = Currency(code: code)
        // An amount in the bill's currency (most) is formatted without looking the currency up again.
        func money(_ m: Money) -> String {
            m.currencyCode == code ? currency.format(minorUnits: m.value) : m.formatted
        }
        func amount(_ v: Int64?) -> String { v.map { currency.format(minorUnits: $0) } ?? "overflow" }

        buffer.sectionRule()
        orderInfo(order, into: &buffer)

        if order.items.isEmpty {
            buffer.text("No items", alignment: .center)
        }
        // Items are read in place, by index: a copy of each would retain its strings and arrays.
        let items = order.items
        for i in items.indices {
            let prefix = quantityPrefix(items[i].quantity)
            let name = items[i].name.isEmpty ? "(unnamed item)" : items[i].name
            let total =
                figures.lineTotals[i].map { money(Money(value: $0, currencyCode: items[i].amountPerItem.currencyCode)) }
                ?? "overflow"
            buffer.row(prefix + name, total, hangingIndent: prefix.utf8.count)
            let modifiers = items[i].modifiers
            for j in modifiers.indices { modifierLine(modifiers[j], indent: modifierIndent, into: &buffer) }
            for sub in items[i].subItems {
                // The sub-item's own price; its modifiers show theirs on their own lines.
                var label =
                    (sub.quantity == 1 ? "" : quantityPrefix(sub.quantity))
                    + (sub.name.isEmpty ? "(unnamed)" : sub.name)
                if sub.amountPerItem.value != 0 {
                    label += " " + sub.amountPerItem.formatted
                }
                buffer.text(label, indent: modifierIndent)
                for m in sub.modifiers { modifierLine(m, indent: modifierIndent + 2, into: &buffer) }
                if let note = sub.note, !note.isEmpty { buffer.text("Note: " + note, indent: modifierIndent + 2) }
            }
            if let note = items[i].note, !note.isEmpty { buffer.text("Note: " + note, indent: modifierIndent) }
        }

        buffer.sectionRule()
        let hasAdjustments = !order.discounts.isEmpty || order.serviceChargeAmount != nil
        if !order.items.isEmpty, hasAdjustments || order.totalAmount == nil {
            buffer.row("Subtotal", amount(figures.subtotal))
        }
        for d in order.discounts {
            var label = d.name.isEmpty ? "Discount" : d.name
            if let p = d.amountPercentage, !label.contains("%") { label += " (\(Currency.formatPercentage(p)))" }
            // A discount takes money off whichever sign the EPOS gave it.
            let v = d.amountTotal.value
            buffer.row(label, v == .min ? "overflow" : d.amountTotal.currency.format(minorUnits: -abs(v)))
        }
        if let s = order.serviceChargeAmount, s.value != 0 || hasAdjustments {
            buffer.row("Service charge", money(s))
        }
        if let total = order.totalAmount {
            buffer.row("TOTAL", money(total), style: TextStyle(bold: true, widthScale: 1, heightScale: 2))
        }
        for t in order.taxLines {
            var label = t.name ?? t.id ?? "Tax"
            if let p = t.amountPercentage { label += " " + Currency.formatPercentage(p) }
            buffer.row(label, money(t.amountTotal), indent: 0)
        }

        let paid = order.paidAmount?.value ?? 0
        let tips = order.tipsAmount?.value ?? figures.paymentTips ?? 0
        if paid != 0 || tips != 0 || !order.payments.isEmpty {
            buffer.row("Paid", currency.format(minorUnits: paid))
        }
        if tips != 0 { buffer.row("Tips", (order.tipsAmount ?? Money(value: tips, currencyCode: code)).formatted) }
        if order.payable != false, paid != 0, let due = OrderFigures.balanceDue(order), due != 0 {
            buffer.row("Balance due", currency.format(minorUnits: due), style: TextStyle(bold: true))
        } else if let total = order.totalAmount, total.value > 0, paid >= total.value {
            buffer.text("Paid in full", style: TextStyle(bold: true), alignment: .center)
        }
        buffer.sectionRule()
    }

    /// `"2 x "`, put before a name. Its bytes are ASCII, so its byte count is its width in cells.
    private static func quantityPrefix(_ quantity: Int64) -> String {
        // Cheaper than interpolating: one number made, one piece appended.
        var prefix = String(quantity)
        prefix += " x "
        return prefix
    }

    private static func modifierLine(_ m: Modifier, indent: Int, into buffer: inout LayoutBuffer) {
        var label = "+ " + (m.quantity == 1 ? "" : quantityPrefix(m.quantity)) + (m.name.isEmpty ? "(unnamed)" : m.name)
        if m.amountPerModifier.value != 0 { label += " " + m.amountPerModifier.formatted }
        buffer.text(label, indent: indent)
    }

    /// The order's note. Table, waiter and collection details are the EPOS's to show in its
    /// header (templates do), so they are not repeated here.
    private static func orderInfo(_ order: Order, into buffer: inout LayoutBuffer) {
        guard let note = order.note, !note.isEmpty else { return }
        buffer.text("Note: " + note)
        buffer.feed(1)
    }
}
