import BillJSON
import BillModel
import Foundation

/// Turns an order, merchant data and options into the values a template reads.
///
/// `order.*` holds ready-to-print strings: `table`, `waiter`, `label`, `created.dateTime`,
/// `collectionTime`, `total`, …; `merchant.*` every key of the merchant object; `now.*` the
/// build time. Missing data is left out, never stored as an empty string.
struct TemplateContextBuilder {
    let template: BillTemplate
    let options: BillBuildOptions
    private(set) var diagnostics: [Diagnostic] = []

    init(template: BillTemplate, options: BillBuildOptions) {
        self.template = template
        self.options = options
    }

    mutating func context(order: Order, merchant: MerchantData) -> TemplateContext {
        let dates = dateTexts(merchant)
        var root: [String: Any] = [:]
        root["merchant"] = merchantValues(merchant)
        root["order"] = orderValues(order, merchant, dates)
        root["now"] = dates.values(options.now)
        var meta: [String: Any] = ["name": template.name, "timeZone": dates.timeZoneName]
        meta["paperWidth"] = template.paperWidth
        root["template"] = meta
        return TemplateContext(root: root)
    }

    private mutating func dateTexts(_ merchant: MerchantData) -> DateTexts {
        var zone = TimeZone(identifier: "UTC") ?? TimeZone.current
        if let name = options.timeZone ?? merchant.timeZone {
            if let z = TimeZone(identifier: name) {
                zone = z
            } else {
                diagnostics.append(
                    Diagnostic(
                        .warning, .unknownEnumValue, at: "merchant.timeZone",
                        "unknown time zone \(JSONQuoting.excerpt(name)); times are shown in UTC"))
            }
        }
        let locale = Locale(identifier: options.locale ?? merchant.locale ?? template.locale ?? "en_GB")
        return DateTexts(
            timeZone: zone, locale: locale, dateFormat: template.dateFormat, timeFormat: template.timeFormat)
    }

    private func merchantValues(_ m: MerchantData) -> [String: Any] {
        var out: [String: Any] = [:]
        for (key, value) in m.json.members { out[key] = Self.plain(value) }
        out["name"] = m.name
        out["addressLines"] = m.addressLines.isEmpty ? nil : m.addressLines
        out["address"] = m.addressLines.isEmpty ? nil : m.addressLines.joined(separator: ", ")
        let typed: [(String, String?)] = [
            ("postcode", m.postcode), ("phoneNumber", m.phoneNumber), ("emailAddress", m.emailAddress),
            ("taxName", m.taxName), ("taxNumber", m.taxNumber), ("logoSvg", m.logoSvg), ("website", m.website),
            ("timeZone", m.timeZone), ("locale", m.locale),
        ]
        for (key, value) in typed { out[key] = value }
        return out
    }

    private mutating func orderValues(_ o: Order, _ m: MerchantData, _ dates: DateTexts) -> [String: Any] {
        var out: [String: Any] = [:]
        let strings: [(String, String?)] = [
            ("id", o.id), ("reference", o.reference), ("displayName", o.displayName), ("status", o.status),
            ("note", o.note), ("type", o.details?.orderType?.rawValue),
            ("table", o.details?.dineIn?.tableId), ("waiterId", o.details?.dineIn?.waiterId),
            ("partyId", o.details?.dineIn?.partyId), ("reservationId", o.details?.dineIn?.reservationId),
            ("customerName", o.customer?.name),
        ]
        for (key, value) in strings { out[key] = value }
        out["isDineIn"] = o.details?.orderType == .dineIn ? true : nil
        out["isCollection"] = o.details?.orderType == .collection ? true : nil
        if let waiterId = o.details?.dineIn?.waiterId { out["waiter"] = m.waiters[waiterId] ?? waiterId }
        out["label"] =
            Self.nonBlank(o.displayName) ?? Self.nonBlank(o.reference)
            ?? Self.nonBlank(o.details?.dineIn?.tableId).map { "Table " + $0 } ?? Self.nonBlank(o.id)
        out["idForURL"] = o.id?.addingPercentEncoding(withAllowedCharacters: Self.urlUnreserved)
        if let c = o.customer {
            var customer: [String: Any] = [:]
            customer["name"] = c.name
            customer["emailAddress"] = c.emailAddress
            customer["phoneNumber"] = c.phoneNumber
            out["customer"] = customer
        }
        out["created"] = timestamp(o.createdAt, "order.createdAt", dates)
        out["updated"] = timestamp(o.updatedAt, "order.updatedAt", dates)
        out["readyAt"] = timestamp(o.details?.dineIn?.readyAt, "order.details.dineIn.readyAt", dates)
        if let c = o.details?.collection {
            let at = timestamp(c.collectAt, "order.details.collection.collectAt", dates)
            out["collectAt"] = at
            if c.asap == true {
                out["asap"] = true
                out["collectionTime"] = "ASAP"
            } else if let at, let time = at["time"] {
                out["collectionTime"] = time
            }
        }
        out["total"] = o.totalAmount?.formatted
        out["paid"] = o.paidAmount?.formatted
        out["serviceCharge"] = o.serviceChargeAmount?.formatted
        out["tips"] = o.tipsAmount?.formatted
        if let t = o.totalAmount, let p = o.paidAmount, t.currencyCode == p.currencyCode {
            let (due, overflow) = t.value.subtractingReportingOverflow(p.value)
            if !overflow, due > 0 { out["due"] = Money(value: due, currencyCode: t.currencyCode).formatted }
        }
        var count: Int64 = 0
        for item in o.items { count = count.addingReportingOverflow(item.quantity).partialValue }
        out["itemCount"] = o.items.isEmpty ? nil : String(count)
        out["taxes"] =
            o.taxLines.isEmpty
            ? nil
            : o.taxLines.map { t -> [String: Any] in
                var v: [String: Any] = ["amount": t.amountTotal.formatted]
                v["name"] = t.name
                v["rate"] = t.amountPercentage.map(Currency.formatPercentage)
                return v
            }
        return out
    }

    private mutating func timestamp(_ s: String?, _ path: String, _ dates: DateTexts) -> [String: Any]? {
        guard let s, !s.isEmpty else { return nil }
        guard let d = dates.parse(s) else {
            diagnostics.append(
                Diagnostic(
                    .warning, .wrongType, at: path,
                    "expected an ISO 8601 date-time, found \(JSONQuoting.excerpt(s)); lines that show it are left out"))
            return nil
        }
        return dates.values(d, iso: s)
    }

    private static func nonBlank(_ s: String?) -> String? {
        guard let s, !s.allSatisfy(\.isWhitespace) else { return nil }
        return s
    }

    private static let urlUnreserved = CharacterSet(
        charactersIn:
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    /// A merchant JSON value as a Mustache value: numbers as their literal, null and false left out.
    static func plain(_ v: JSONValue) -> Any? {
        switch v {
        case .null: return nil
        case .bool(let b): return b ? true : nil
        case .number(let n): return n.literal
        case .string(let s): return s
        case .array(let a): return a.compactMap(plain)
        case .object(let o):
            var d: [String: Any] = [:]
            for (key, value) in o.members { d[key] = plain(value) }
            return d
        }
    }
}
