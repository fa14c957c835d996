import BillJSON

// The model → JSON encoder: the spec's spellings, plus the variants the spec's own examples use
// where the two disagree (bill-schema.md A1–A3, A8, A9), so that every reader finds its key.

/// Builds a JSON object member by member, leaving out absent optionals.
struct JSONObjectBuilder {
    private(set) var members: [(key: String, value: JSONValue)] = []

    mutating func set(_ key: BillKey, _ value: JSONValue) { members.append((key.rawValue, value)) }
    mutating func set(_ key: BillKey, _ value: String?) {
        if let value { members.append((key.rawValue, .string(value))) }
    }
    mutating func set(_ key: BillKey, _ value: Bool?) { if let value { members.append((key.rawValue, .bool(value))) } }
    mutating func set(_ key: BillKey, _ value: Int64?) {
        if let value { members.append((key.rawValue, .number(JSONNumber(value)))) }
    }
    mutating func set(_ key: BillKey, _ value: Money?) {
        if let value { members.append((key.rawValue, value.jsonValue)) }
    }

    var value: JSONValue { .object(JSONObject(members)) }
}

extension OrderBill {
    /// The bill as a `GetOrderBillById` response body (the JSON-RPC `result`).
    ///
    /// Text lines carry both `bold` and `emphasisBold`, URL lines both `showQR`/`showURL` and
    /// `showQr`/`showUrl`, modifiers both `amountPerModifier` and `amountPerItem`. Skipped lines
    /// are not written.
    public var jsonValue: JSONValue {
        var o = JSONObjectBuilder()
        o.set(.header, header.jsonValue)
        o.set(.order, order.jsonValue)
        o.set(.footer, footer.jsonValue)
        return o.value
    }
}

extension BillSection {
    /// `{"lines": [...]}` without skipped lines.
    public var jsonValue: JSONValue {
        .object(JSONObject([(BillKey.lines.rawValue, .array(lines.compactMap(\.jsonValue)))]))
    }
}

extension BillLine {
    /// The line as `{"lineType": …, "<payload>": {…}}`; nil for `.skipped`, which is never written.
    public var jsonValue: JSONValue? {
        var payload = JSONObjectBuilder()
        let lineType: String
        let key: BillKey
        switch self {
        case .logo(let svg):
            (lineType, key) = ("Logo", .logo)
            payload.set(.svgImage, svg)
        case .image(let svg, let align):
            (lineType, key) = ("Image", .image)
            payload.set(.svgImage, svg)
            payload.set(.align, align?.rawValue)
        case .merchantName(let name):
            (lineType, key) = ("MerchantName", .merchantName)
            payload.set(.name, name)
        case .merchantAddress(let lines, let postcode):
            (lineType, key) = ("MerchantAddress", .merchantAddress)
            payload.set(.addressLines, .array(lines.map { .string($0) }))
            payload.set(.postcode, postcode)
        case .merchantEmailAddress(let email):
            (lineType, key) = ("MerchantEmailAddress", .merchantEmailAddress)
            payload.set(.emailAddress, email)
        case .merchantPhoneNumber(let phone):
            (lineType, key) = ("MerchantPhoneNumber", .merchantPhoneNumber)
            payload.set(.phoneNumber, phone)
        case .text(let text):
            (lineType, key) = ("Text", .text)
            payload.set(.value, text.value)
            payload.set(.size, text.size.rawValue)
            payload.set(.align, text.align?.rawValue)
            payload.set(.bold, text.bold)
            payload.set(.emphasisBold, text.bold)
        case .horizontalLine(let rule):
            (lineType, key) = ("HorizontalLine", .horizontalLine)
            payload.set(.line, rule.rawValue)
        case .url(let url):
            (lineType, key) = ("URL", .url)
            payload.set(.url, url.url)
            payload.set(.description, url.description)
            payload.set(.showQR, url.showQR)
            payload.set(.showURL, url.showURL)
            payload.set(.showQr, url.showQR)
            payload.set(.showUrl, url.showURL)
        case .taxNumber(let name, let number):
            (lineType, key) = ("TaxNumber", .taxNumber)
            payload.set(.name, name)
            payload.set(.number, number)
        case .skipped:
            return nil
        }
        return .object(JSONObject([(BillKey.lineType.rawValue, .string(lineType)), (key.rawValue, payload.value)]))
    }
}

extension Money {
    /// `{"value": <minor units>, "currencyCode": "GBP"}`.
    public var jsonValue: JSONValue {
        .object(
            JSONObject([
                (BillKey.value.rawValue, .number(JSONNumber(value))),
                (BillKey.currencyCode.rawValue, .string(currencyCode)),
            ]))
    }
}

extension Order {
    /// The order as Dojo's `Order`.
    ///
    /// `id`, `status` and `items` are always written (`""`, `"New"` and `[]` when absent);
    /// `totalAmount`, `paidAmount` and `payable` whenever the model has them. A `details` whose
    /// type is DineIn or Collection always carries its `dineIn` or `collection` object, as the
    /// spec's `anyOf` requires.
    public var jsonValue: JSONValue {
        var o = JSONObjectBuilder()
        o.set(.id, id ?? "")
        o.set(.status, status ?? OrderStatus.new.rawValue)
        if let details { o.set(.details, details.jsonValue) }
        o.set(.items, .array(items.map(\.jsonValue)))
        o.set(.note, note)
        if let customer { o.set(.customer, customer.jsonValue) }
        if !discounts.isEmpty { o.set(.discounts, .array(discounts.map(\.jsonValue))) }
        if !taxLines.isEmpty { o.set(.taxLines, .array(taxLines.map(\.jsonValue))) }
        o.set(.createdAt, createdAt)
        o.set(.updatedAt, updatedAt)
        o.set(.totalAmount, totalAmount)
        o.set(.payments, .array(payments.map(\.jsonValue)))
        o.set(.payable, payable)
        o.set(.paidAmount, paidAmount)
        o.set(.serviceChargeAmount, serviceChargeAmount)
        o.set(.reference, reference)
        o.set(.tipsAmount, tipsAmount)
        o.set(.displayName, displayName)
        return o.value
    }
}

extension OrderDetails {
    /// Dojo's `OrderDetails`.
    public var jsonValue: JSONValue {
        var o = JSONObjectBuilder()
        o.set(.orderType, orderType?.rawValue)
        if let dineIn {
            o.set(.dineIn, dineIn.jsonValue)
        } else if orderType == .dineIn {
            o.set(.dineIn, .object(JSONObject()))
        }
        if let collection {
            o.set(.collection, collection.jsonValue)
        } else if orderType == .collection {
            o.set(.collection, .object(JSONObject()))
        }
        return o.value
    }
}

extension DineInDetails {
    /// Dojo's `DineInDetails`.
    public var jsonValue: JSONValue {
        var o = JSONObjectBuilder()
        o.set(.tableId, tableId)
        o.set(.waiterId, waiterId)
        o.set(.partyId, partyId)
        o.set(.reservationId, reservationId)
        o.set(.readyAt, readyAt)
        return o.value
    }
}

extension CollectionDetails {
    /// Dojo's `CollectionDetails`.
    public var jsonValue: JSONValue {
        var o = JSONObjectBuilder()
        o.set(.asap, asap)
        o.set(.collectAt, collectAt)
        return o.value
    }
}

extension OrderItem {
    /// Dojo's `OrderItem`.
    public var jsonValue: JSONValue {
        var o = JSONObjectBuilder.line(
            name: name, plu: plu, quantity: quantity, amountPerItem: amountPerItem,
            note: note, modifiers: modifiers)
        if !subItems.isEmpty { o.set(.subItems, .array(subItems.map(\.jsonValue))) }
        return o.value
    }
}

extension OrderSubItem {
    /// Dojo's `OrderSubItem`.
    public var jsonValue: JSONValue {
        JSONObjectBuilder.line(
            name: name, plu: plu, quantity: quantity, amountPerItem: amountPerItem,
            note: note, modifiers: modifiers
        ).value
    }
}

extension Modifier {
    /// Dojo's `Modifier`, with the price under both `amountPerModifier` (spec) and
    /// `amountPerItem` (every bill example).
    public var jsonValue: JSONValue {
        var o = JSONObjectBuilder()
        o.set(.name, name)
        o.set(.plu, plu)
        o.set(.quantity, quantity)
        o.set(.amountPerModifier, amountPerModifier)
        o.set(.amountPerItem, amountPerModifier)
        return o.value
    }
}

extension Discount {
    /// Dojo's `Discount`.
    public var jsonValue: JSONValue {
        var o = JSONObjectBuilder()
        o.set(.name, name)
        o.set(.amountTotal, amountTotal)
        o.set(.amountPercentage, amountPercentage)
        o.set(.affectedPlu, affectedPlu)
        o.set(.discountReference, discountReference)
        o.set(.code, code)
        return o.value
    }
}

extension TaxLine {
    /// Dojo's `TaxLine` (the spec forbids extra keys here).
    public var jsonValue: JSONValue {
        var o = JSONObjectBuilder()
        o.set(.amountTotal, amountTotal)
        o.set(.id, id)
        o.set(.name, name)
        o.set(.affectedPlu, affectedPlu)
        o.set(.amountPercentage, amountPercentage)
        return o.value
    }
}

extension Payment {
    /// Dojo's `Payment`.
    public var jsonValue: JSONValue {
        var o = JSONObjectBuilder()
        o.set(.paymentIntentId, paymentIntentId ?? "")
        o.set(.paidAmount, paidAmount)
        o.set(.tipsAmount, tipsAmount)
        return o.value
    }
}

extension Customer {
    /// Dojo's `Customer` (the spec forbids extra keys here).
    public var jsonValue: JSONValue {
        var o = JSONObjectBuilder()
        o.set(.id, id)
        o.set(.emailAddress, emailAddress)
        o.set(.phoneNumber, phoneNumber)
        o.set(.name, name)
        return o.value
    }
}

extension JSONObjectBuilder {
    /// The members an item and a sub-item share, in the spec's order.
    static func line(
        name: String, plu: String, quantity: Int64, amountPerItem: Money, note: String?,
        modifiers: [Modifier]
    ) -> JSONObjectBuilder {
        var o = JSONObjectBuilder()
        o.set(.name, name)
        o.set(.plu, plu)
        o.set(.quantity, quantity)
        o.set(.amountPerItem, amountPerItem)
        o.set(.note, note)
        if !modifiers.isEmpty { o.set(.modifiers, .array(modifiers.map(\.jsonValue))) }
        return o
    }
}
