/// A printable bill: Dojo's `OrderBill`, the answer to `GetOrderBillById`.
///
/// The header and footer are lists of design lines; the order in between carries the figures.
public struct OrderBill: Sendable, Equatable {
    /// The lines printed above the order.
    public var header: BillSection
    /// The order the bill is for.
    public var order: Order
    /// The lines printed below the order.
    public var footer: BillSection

    public init(header: BillSection = BillSection(), order: Order, footer: BillSection = BillSection()) {
        self.header = header
        self.order = order
        self.footer = footer
    }
}

/// A header or footer: Dojo's `BillSection`.
public struct BillSection: Sendable, Equatable {
    /// The lines in the order the EPOS sent them.
    public var lines: [BillLine]

    public init(lines: [BillLine] = []) { self.lines = lines }
}

/// One line of a header or footer: Dojo's `BillLine`, a `lineType` with its payload.
public enum BillLine: Sendable, Equatable {
    /// The merchant's logo as SVG markup; always printed at the top of the bill.
    case logo(svg: String)
    /// An image as SVG markup, printed where it stands, aligned left, centre or right.
    case image(svg: String, align: BillAlign?)
    /// The merchant's name.
    case merchantName(String)
    /// The merchant's address lines and postcode.
    case merchantAddress(lines: [String], postcode: String)
    /// The merchant's contact e-mail address.
    case merchantEmailAddress(String)
    /// The merchant's contact phone number.
    case merchantPhoneNumber(String)
    /// Free text with a size, an alignment and a bold flag.
    case text(BillLineText)
    /// A single or double rule across the paper.
    case horizontalLine(BillRule)
    /// A URL, shown as text and/or as a QR code.
    case url(BillURL)
    /// The merchant's tax number; always printed at the bottom of the footer.
    case taxNumber(name: String, number: String)
    /// A line whose `lineType` this version does not know, or whose payload could not be read;
    /// it is kept so that paths stay right, and skipped by the layout.
    case skipped(lineType: String)
}

/// A text line's payload: Dojo's `BillText` (named so here because `BillText` is the text back end's module).
public struct BillLineText: Sendable, Equatable {
    public var value: String
    public var size: BillTextSize
    public var align: BillAlign?
    public var bold: Bool

    public init(value: String, size: BillTextSize = .body, align: BillAlign? = nil, bold: Bool = false) {
        self.value = value
        self.size = size
        self.align = align
        self.bold = bold
    }
}

/// Dojo's `Size`: Body, Header1 or Header2.
public enum BillTextSize: String, Sendable, Equatable, CaseIterable {
    case body = "Body"
    case header1 = "Header1"
    case header2 = "Header2"
}

/// Dojo's `Align`: Left, Center or Right.
public enum BillAlign: String, Sendable, Equatable, CaseIterable {
    case left = "Left"
    case center = "Center"
    case right = "Right"
}

/// Dojo's horizontal line style.
public enum BillRule: String, Sendable, Equatable, CaseIterable {
    case single = "Single"
    case double = "Double"
}

/// A URL line's payload: Dojo's `BillURL`.
public struct BillURL: Sendable, Equatable {
    public var url: String
    public var description: String?
    public var showQR: Bool
    public var showURL: Bool

    public init(url: String, description: String? = nil, showQR: Bool = false, showURL: Bool = true) {
        self.url = url
        self.description = description
        self.showQR = showQR
        self.showURL = showURL
    }
}
