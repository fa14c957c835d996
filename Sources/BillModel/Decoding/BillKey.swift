import BillJSON

/// The keys of Dojo's bill and order, spelled once: the decoder reads them and the encoder writes
/// them by these cases (a case's raw value is its JSON spelling).
enum BillKey: String, CaseIterable, Sendable {
    case addressLines
    case affectedPlu
    case align
    case amountPerItem
    case amountPerModifier
    case amountPercentage
    case amountTotal
    case asap
    case bold
    case code
    case collectAt
    case collection
    case createdAt
    case currencyCode
    case customer
    case debugMessage
    case description
    case details
    case dineIn
    case discountReference
    case discounts
    case displayName
    case emailAddress
    case emphasisBold
    case error
    case errorType
    case footer
    case header
    case horizontalLine
    case id
    case image
    case items
    case jsonrpc
    case line
    case lineType
    case lines
    case logo
    case merchantAddress
    case merchantEmailAddress
    case merchantName
    case merchantPhoneNumber
    case method
    case modifiers
    case name
    case note
    case number
    case order
    case orderType
    case paidAmount
    case partyId
    case payable
    case paymentIntentId
    case payments
    case phoneNumber
    case plu
    case postcode
    case quantity
    case readyAt
    case reference
    case reservationId
    case result
    case serviceChargeAmount
    case showQR
    case showQr
    case showURL
    case showUrl
    case size
    case status
    case subItems
    case svgImage
    case tableId
    case taxLines
    case taxNumber
    case text
    case tipsAmount
    case totalAmount
    case traceId
    case updatedAt
    case url
    case value
    case waiterId

    /// The keys as BillJSON tags them while parsing a bill: a member is found by number.
    static let table = JSONKeyTable(allCases.map(\.rawValue))

    /// The key as BillJSON looks it up (by its number in ``table``).
    var json: JSONKey { Self.table.keys[index] }

    /// The case's place in `allCases` (checked by the tests).
    var index: Int {
        switch self {
        case .addressLines: return 0
        case .affectedPlu: return 1
        case .align: return 2
        case .amountPerItem: return 3
        case .amountPerModifier: return 4
        case .amountPercentage: return 5
        case .amountTotal: return 6
        case .asap: return 7
        case .bold: return 8
        case .code: return 9
        case .collectAt: return 10
        case .collection: return 11
        case .createdAt: return 12
        case .currencyCode: return 13
        case .customer: return 14
        case .debugMessage: return 15
        case .description: return 16
        case .details: return 17
        case .dineIn: return 18
        case .discountReference: return 19
        case .discounts: return 20
        case .displayName: return 21
        case .emailAddress: return 22
        case .emphasisBold: return 23
        case .error: return 24
        case .errorType: return 25
        case .footer: return 26
        case .header: return 27
        case .horizontalLine: return 28
        case .id: return 29
        case .image: return 30
        case .items: return 31
        case .jsonrpc: return 32
        case .line: return 33
        case .lineType: return 34
        case .lines: return 35
        case .logo: return 36
        case .merchantAddress: return 37
        case .merchantEmailAddress: return 38
        case .merchantName: return 39
        case .merchantPhoneNumber: return 40
        case .method: return 41
        case .modifiers: return 42
        case .name: return 43
        case .note: return 44
        case .number: return 45
        case .order: return 46
        case .orderType: return 47
        case .paidAmount: return 48
        case .partyId: return 49
        case .payable: return 50
        case .paymentIntentId: return 51
        case .payments: return 52
        case .phoneNumber: return 53
        case .plu: return 54
        case .postcode: return 55
        case .quantity: return 56
        case .readyAt: return 57
        case .reference: return 58
        case .reservationId: return 59
        case .result: return 60
        case .serviceChargeAmount: return 61
        case .showQR: return 62
        case .showQr: return 63
        case .showURL: return 64
        case .showUrl: return 65
        case .size: return 66
        case .status: return 67
        case .subItems: return 68
        case .svgImage: return 69
        case .tableId: return 70
        case .taxLines: return 71
        case .taxNumber: return 72
        case .text: return 73
        case .tipsAmount: return 74
        case .totalAmount: return 75
        case .traceId: return 76
        case .updatedAt: return 77
        case .url: return 78
        case .value: return 79
        case .waiterId: return 80
        }
    }
}
