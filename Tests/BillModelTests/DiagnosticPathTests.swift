import BillModel
import Testing

/// Paths are spelled out only when something is reported; they must still name the exact place,
/// however deep.
@Suite struct DiagnosticPathTests {
    static let bill = #"""
        {"header":{"lines":[{"lineType":"MerchantAddress","merchantAddress":{"addressLines":["x",5],"postcode":"p"}},
          {"lineType":"Logo","logo":{"svgImage":"  "}}]},
         "order":{"id":"o","status":"Finalized","details":{"orderType":"DineIn"},"items":[
           {"name":"A","plu":"1","quantity":1,"amountPerItem":{"value":100,"currencyCode":"GBP"},
            "modifiers":[{"name":"m","plu":"m","quantity":"x","amountPerItem":{"value":1,"currencyCode":"GBP"}}],
            "subItems":[{"name":"s","plu":"s","quantity":1,"amountPerItem":{"value":1,"currencyCode":"GBP"},
                         "modifiers":[{"name":"q","plu":"q","quantity":1}]}]}],
          "discounts":[{"name":"d","amountTotal":{"value":5,"currencyCode":"GBP"}},3],
          "totalAmount":{"value":96,"currencyCode":"GBP"}},"footer":{"lines":[]}}
        """#

    @Test func nestedPathsAreExact() {
        let paths = Set(BillDecoder.decode(bytes: Array(Self.bill.utf8)).diagnostics.map(\.path))
        #expect(
            paths.isSuperset(of: [
                "header.lines[0].merchantAddress.addressLines[1]",
                "header.lines[1].logo.svgImage",
                "order.items[0].modifiers[0].quantity",
                "order.items[0].subItems[0].modifiers[0].amountPerModifier",
                "order.discounts[1]",
            ]))
    }
}
