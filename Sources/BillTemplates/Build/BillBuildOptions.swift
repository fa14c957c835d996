import BillModel
import Foundation

/// Settings for `BillBuilder.build`.
public struct BillBuildOptions: Sendable {
    /// The moment `now.*` shows ("printed at"); tests pass a fixed date.
    public var now: Date
    /// An IANA time zone overriding the merchant's `timeZone` (default: the merchant's, else UTC).
    public var timeZone: String?
    /// A locale overriding the merchant's `locale` (default: the merchant's, else the template's, else `en_GB`).
    public var locale: String?
    /// The currency of figures computed for an order that has no money at all (default `GBP`).
    public var fallbackCurrencyCode: String
    /// The longest header or footer text kept; longer text is cut with a warning (default: what
    /// billrender's decoder accepts, so a built bill passes `validate --strict`).
    public var maxTextLength: Int

    public init(
        now: Date = Date(), timeZone: String? = nil, locale: String? = nil, fallbackCurrencyCode: String = "GBP",
        maxTextLength: Int = DecodingOptions().maxTextLength
    ) {
        self.maxTextLength = max(1, maxTextLength)
        self.now = now
        self.timeZone = timeZone
        self.locale = locale
        self.fallbackCurrencyCode = fallbackCurrencyCode
    }
}
