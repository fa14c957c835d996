import BillJSON
import BillModel

/// The merchant's data a template fills in: a JSON object with at least `name`.
///
/// The known keys are type-checked; any further key is kept and readable from a template as
/// `merchant.<key>` (`feedbackUrl`, `waiters`, `openingHours`, …).
public struct MerchantData: Sendable, Equatable {
    public var name: String
    public var addressLines: [String]
    public var postcode: String?
    public var phoneNumber: String?
    public var emailAddress: String?
    /// The tax's name, for example `VAT`.
    public var taxName: String?
    public var taxNumber: String?
    /// The logo as SVG markup.
    public var logoSvg: String?
    public var website: String?
    /// An IANA time zone for dates and times on the bill, for example `Europe/London`.
    public var timeZone: String?
    /// A locale for month and day names, for example `en_GB`.
    public var locale: String?
    /// Waiter names by waiter id, so that `order.waiter` prints a name rather than an id.
    public var waiters: [String: String]
    /// The whole object as given, for keys a template reads beyond the ones above.
    public var json: JSONObject

    public init(
        name: String, addressLines: [String] = [], postcode: String? = nil, phoneNumber: String? = nil,
        emailAddress: String? = nil, taxName: String? = nil, taxNumber: String? = nil,
        logoSvg: String? = nil, website: String? = nil, timeZone: String? = nil, locale: String? = nil,
        waiters: [String: String] = [:], extra: JSONObject = JSONObject()
    ) {
        self.name = name
        self.addressLines = addressLines
        self.postcode = postcode
        self.phoneNumber = phoneNumber
        self.emailAddress = emailAddress
        self.taxName = taxName
        self.taxNumber = taxNumber
        self.logoSvg = logoSvg
        self.website = website
        self.timeZone = timeZone
        self.locale = locale
        self.waiters = waiters
        self.json = extra
    }

    /// Reads merchant data from parsed JSON; errors name the path (`merchant.addressLines[1]`).
    public init(json value: JSONValue, path: String = "merchant") throws(BillTemplateError) {
        guard case .object(let o) = value else {
            throw .invalidMerchant(path: path, message: "expected an object, found \(value.excerpt)")
        }
        func string(_ key: String) throws(BillTemplateError) -> String? {
            guard let v = o[key], v != .null else { return nil }
            guard case .string(let s) = v else {
                throw .invalidMerchant(path: "\(path).\(key)", message: "expected a string, found \(v.excerpt)")
            }
            return s
        }
        guard let name = try string("name") else {
            throw .invalidMerchant(path: "\(path).name", message: "missing; the merchant's name is required")
        }
        self.name = name
        addressLines = []
        if let v = o["addressLines"], v != .null {
            guard case .array(let a) = v else {
                throw .invalidMerchant(
                    path: "\(path).addressLines", message: "expected an array of strings, found \(v.excerpt)")
            }
            for (i, element) in a.enumerated() {
                guard case .string(let s) = element else {
                    throw .invalidMerchant(
                        path: "\(path).addressLines[\(i)]", message: "expected a string, found \(element.excerpt)")
                }
                addressLines.append(s)
            }
        }
        postcode = try string("postcode")
        phoneNumber = try string("phoneNumber")
        emailAddress = try string("emailAddress")
        taxName = try string("taxName")
        taxNumber = try string("taxNumber")
        logoSvg = try string("logoSvg")
        website = try string("website")
        timeZone = try string("timeZone")
        locale = try string("locale")
        waiters = [:]
        if let v = o["waiters"], v != .null {
            guard case .object(let w) = v else {
                throw .invalidMerchant(
                    path: "\(path).waiters", message: "expected an object of waiter names by id, found \(v.excerpt)")
            }
            for (id, nameValue) in w.members {
                guard case .string(let s) = nameValue else {
                    throw .invalidMerchant(
                        path: "\(path).waiters.\(id)", message: "expected a string, found \(nameValue.excerpt)")
                }
                waiters[id] = s
            }
        }
        json = o
    }

    /// Parses `bytes` as JSON merchant data.
    public init(bytes: [UInt8], path: String = "merchant") throws(BillTemplateError) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw .invalidMerchant(path: path, message: "not JSON: \(error)")
        }
        try self.init(json: value, path: path)
    }
}
