import BillModel

/// The built-in benchmark bills: the spec example, and bills of 30, 300 and 3,000 items with a
/// logo and a QR code.
public enum BenchmarkCorpus {
    /// Dojo's `OrderBill` example from the REST spec, with its logo.
    public static let specExample: [UInt8] = Array(specExampleJSON.utf8)

    /// A bill of `items` items (each with a modifier), a logo, discounts, taxes and a QR code.
    public static func bill(items: Int) -> [UInt8] {
        var lines: [String] = []
        lines.reserveCapacity(items)
        for i in 0..<items {
            lines.append(
                """
                {"name": "Item \(i) \(names[i % names.count])", "plu": "\(i)", "quantity": \(1 + i % 3), \
                "amountPerItem": {"value": \(250 + (i * 37) % 1500), "currencyCode": "GBP"}, \
                "modifiers": [{"name": "Extra", "plu": "m", "quantity": 1, "amountPerModifier": {"value": \(i % 2 * 50), "currencyCode": "GBP"}}]}
                """)
        }
        var total: Int64 = 0
        for i in 0..<items { total += Int64(1 + i % 3) * Int64(250 + (i * 37) % 1500 + i % 2 * 50) }
        let json = """
            {"header": {"lines": [
              {"lineType": "Logo", "logo": {"svgImage": "\(logoSVG)"}},
              {"lineType": "MerchantName", "merchantName": {"name": "Benchmark Bistro"}},
              {"lineType": "MerchantAddress", "merchantAddress": {"addressLines": ["1 Test Street"], "postcode": "London E1 1AA"}},
              {"lineType": "HorizontalLine", "horizontalLine": {"line": "Single"}},
              {"lineType": "Text", "text": {"value": "Table 9", "size": "Header2", "align": "Left"}}]},
             "order": {"id": "bench", "status": "Accepted", "details": {"orderType": "DineIn"},
               "items": [\(lines.joined(separator: ",\n"))],
               "taxLines": [{"name": "VAT", "amountPercentage": 2000, "amountTotal": {"value": \(total / 6), "currencyCode": "GBP"}}],
               "totalAmount": {"value": \(total), "currencyCode": "GBP"}, "payable": true,
               "paidAmount": {"value": 0, "currencyCode": "GBP"}},
             "footer": {"lines": [
              {"lineType": "Text", "text": {"value": "Thank you", "size": "Header1", "align": "Center"}},
              {"lineType": "URL", "url": {"url": "https://www.website.com/feedback", "showQR": true, "showURL": true}},
              {"lineType": "TaxNumber", "taxNumber": {"name": "VAT", "number": "342 6287 32"}}]}}
            """
        return Array(json.utf8)
    }

    /// The corpus `billrender bench` runs without arguments, by name.
    public static var standard: [(name: String, json: [UInt8])] {
        [
            ("spec-example", specExample), ("30-items", bill(items: 30)), ("300-items", bill(items: 300)),
            ("3000-items", bill(items: 3000)),
        ]
    }

    static let names = ["Pizza Pepperoni", "Lager", "Burger", "Coca Cola", "Side salad", "Crème brûlée", "Espresso"]

    /// The Dojo logo from the spec example (single-quoted attributes, so it sits in JSON as is).
    static let logoSVG =
        "<svg viewBox='0 0 389 100' fill='none' xmlns='http://www.w3.org/2000/svg'><path d='M146.7 100C119.754 100 97.8318 77.5807 97.8318 50.0245C97.8318 22.4682 119.754 0.0489248 146.7 0.0489248C173.645 0.0489248 195.568 22.4682 195.568 50.0245C195.568 77.5807 173.645 100 146.7 100ZM146.616 17.6737C129.155 17.6737 114.946 32.204 114.946 50.0612C114.946 67.9183 129.155 82.4486 146.616 82.4486C164.078 82.4486 178.286 67.9183 178.286 50.0612C178.286 32.204 164.078 17.6737 146.616 17.6737ZM339.182 100C312.237 100 290.314 77.5807 290.314 50.0245C290.314 22.4682 312.237 0.0489248 339.182 0.0489248C366.128 0.0489248 388.05 22.4682 388.05 50.0245C388.05 77.5807 366.128 100 339.182 100ZM339.098 17.6737C321.637 17.6737 307.429 32.204 307.429 50.0612C307.429 67.9183 321.637 82.4486 339.098 82.4486C356.56 82.4486 370.768 67.9183 370.768 50.0612C370.768 32.204 356.56 17.6737 339.098 17.6737ZM17.5212 100C7.85764 100 0 91.9643 0 82.0817V17.9795C0 8.09687 7.85764 0.0489248 17.5212 0.0489248H38.2716C65.2172 0.0489248 87.1397 22.4682 87.1397 50.0245C87.1397 77.5807 65.2172 100 38.2716 100H17.5212ZM17.4136 17.6676C17.4136 17.6709 17.4108 17.6737 17.4075 17.6738C17.2907 17.677 17.1983 17.7736 17.1983 17.8938V82.2285C17.1983 82.3508 17.294 82.4486 17.4136 82.4486H37.853C55.3742 82.4486 69.7739 68.0651 69.9414 50.3792C70.0251 41.683 66.7601 33.476 60.7682 27.275C54.7643 21.0739 46.7751 17.6615 38.2716 17.6615H17.4197C17.4163 17.6615 17.4136 17.6642 17.4136 17.6676V17.6676ZM242.917 100C252.688 100 261.885 96.0983 268.822 89.0166C275.747 81.9349 279.562 72.5171 279.562 62.5245L279.61 2.66634C279.61 1.19863 278.438 0 277.003 0H264.995C263.56 0 262.388 1.19863 262.388 2.66634L262.34 62.5245C262.34 73.4711 253.621 82.3875 242.917 82.3875H242.618C232.081 82.2285 223.494 73.1654 223.494 62.2065V51.4432C223.494 49.9755 222.322 48.7769 220.887 48.7769H208.879C207.444 48.7769 206.272 49.9755 206.272 51.4432V62.1208C206.272 82.8889 222.621 99.8777 242.702 100H242.917Z' fill='#180F06'></path></svg>"
}
