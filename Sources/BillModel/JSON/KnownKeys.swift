/// The keys of Dojo's bill and order, interned by the parser.
enum KnownKeys {
    static let all: [String] = [
        "addressLines",
        "affectedPlu",
        "align",
        "amountPerItem",
        "amountPerModifier",
        "amountPercentage",
        "amountTotal",
        "asap",
        "bold",
        "code",
        "collectAt",
        "collection",
        "createdAt",
        "currencyCode",
        "customer",
        "debugMessage",
        "description",
        "details",
        "dineIn",
        "discountReference",
        "discounts",
        "displayName",
        "emailAddress",
        "emphasisBold",
        "error",
        "errorType",
        "footer",
        "header",
        "horizontalLine",
        "id",
        "image",
        "items",
        "jsonrpc",
        "line",
        "lineType",
        "lines",
        "logo",
        "merchantAddress",
        "merchantEmailAddress",
        "merchantName",
        "merchantPhoneNumber",
        "method",
        "modifiers",
        "name",
        "note",
        "number",
        "order",
        "orderType",
        "paidAmount",
        "partyId",
        "payable",
        "paymentIntentId",
        "payments",
        "phoneNumber",
        "plu",
        "postcode",
        "quantity",
        "readyAt",
        "reference",
        "reservationId",
        "result",
        "serviceChargeAmount",
        "showQR",
        "showQr",
        "showURL",
        "showUrl",
        "size",
        "status",
        "subItems",
        "svgImage",
        "tableId",
        "taxLines",
        "taxNumber",
        "text",
        "tipsAmount",
        "totalAmount",
        "traceId",
        "updatedAt",
        "url",
        "value",
        "waiterId",
    ]

    /// `all` grouped by UTF-8 length, with their bytes.
    static let byLength: [[(bytes: [UInt8], key: String)]] = {
        var table = [[(bytes: [UInt8], key: String)]](repeating: [], count: 32)
        for key in all where key.utf8.count < 32 { table[key.utf8.count].append((Array(key.utf8), key)) }
        return table
    }()

    /// The known key spelled by `bytes[start..<end]`, if any.
    @inline(__always)
    static func match(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String? {
        let length = end - start
        guard length > 0, length < 32 else { return nil }
        for candidate in byLength[length] {
            var k = 0
            while k < length, candidate.bytes[k] == bytes[start + k] { k += 1 }
            if k == length { return candidate.key }
        }
        return nil
    }
}
