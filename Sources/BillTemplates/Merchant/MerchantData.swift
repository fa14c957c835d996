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
        try self.init(JSONElement(value, path: path))
    }

    /// Parses `bytes` as JSON merchant data.
    public init(bytes: [UInt8], path: String = "merchant") throws(BillTemplateError) {
        let root: JSONElement
        do {
            root = try JSONElement(parsing: bytes, path: path)
        } catch {
            throw .invalidMerchant(path: path, message: "not JSON: \(error)")
        }
        try self.init(root)
    }

    /// Reads the merchant object `root`; a member written as `null` is absent.
    private init(_ root: JSONElement) throws(BillTemplateError) {
        func fail(_ error: JSONReadError) -> BillTemplateError {
            .invalidMerchant(path: error.path, message: error.message)
        }
        let o: JSONObjectReader
        do {
            o = try root.object()
        } catch {
            throw fail(error)
        }
        func string(_ key: String) throws(BillTemplateError) -> String? {
            do {
                return try o[key]?.string()
            } catch {
                throw fail(error)
            }
        }
        guard let name = try string("name") else {
            throw .invalidMerchant(path: o.path(of: "name"), message: "missing; the merchant's name is required")
        }
        self.name = name
        addressLines = []
        if let v = o["addressLines"] {
            guard let a = try? v.array() else {
                throw .invalidMerchant(path: v.path, message: "expected an array of strings, found \(v.excerpt)")
            }
            for element in a {
                do {
                    addressLines.append(try element.string())
                } catch {
                    throw fail(error)
                }
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
        if let v = o["waiters"] {
            guard let w = try? v.object() else {
                throw .invalidMerchant(
                    path: v.path, message: "expected an object of waiter names by id, found \(v.excerpt)")
            }
            for (id, nameValue) in w.members {
                do {
                    waiters[id] = try nameValue.string()
                } catch {
                    throw fail(error)
                }
            }
        }
        json = o.object
    }
}
