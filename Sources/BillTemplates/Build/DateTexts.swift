import BillModel
import Foundation

/// Formats the bill's timestamps in the merchant's time zone and locale.
struct DateTexts {
    let timeZoneName: String
    private let date: DateFormatter
    private let time: DateFormatter
    private let iso = ISO8601DateFormatter()
    private let isoFraction = ISO8601DateFormatter()

    /// Formatters for `timeZone` and `locale` with the template's ICU patterns.
    init(timeZone: TimeZone, locale: Locale, dateFormat: String, timeFormat: String) {
        timeZoneName = timeZone.identifier
        date = DateFormatter()
        time = DateFormatter()
        for f in [date, time] {
            f.timeZone = timeZone
            f.locale = locale
            f.calendar = Calendar(identifier: .gregorian)
        }
        date.dateFormat = dateFormat
        time.dateFormat = timeFormat
        isoFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    }

    /// Parses an ISO 8601 timestamp as the spec writes them (`2022-03-15T20:08:00Z`, with or without fractions).
    func parse(_ s: String) -> Date? { iso.date(from: s) ?? isoFraction.date(from: s) }

    /// `{date, time, dateTime, iso}` for a moment.
    func values(_ d: Date, iso source: String? = nil) -> [String: Any] {
        let ds = date.string(from: d)
        let ts = time.string(from: d)
        return ["date": ds, "time": ts, "dateTime": ds + " " + ts, "iso": source ?? iso.string(from: d)]
    }
}
