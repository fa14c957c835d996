import BillJSON
import BillModel
import Testing

/// The model → JSON encoder writes the spec's spellings and the examples' variants.
@Suite struct BillJSONEncodingTests {
    func json(_ line: BillLine) -> String { line.jsonValue.map { JSONWriter.write($0) } ?? "nil" }

    @Test func linesCarryBothSpellingsWhereSpecAndExamplesDisagree() {
        #expect(
            json(.text(BillLineText(value: "Hi", size: .header1, align: .center, bold: true)))
                == #"{"lineType":"Text","text":{"value":"Hi","size":"Header1","align":"Center","bold":true,"emphasisBold":true}}"#
        )
        #expect(
            json(.url(BillURL(url: "https://a.example", description: "d", showQR: true, showURL: false)))
                == #"{"lineType":"URL","url":{"url":"https://a.example","description":"d","showQR":true,"showURL":false,"showQr":true,"showUrl":false}}"#
        )
        #expect(
            json(.taxNumber(name: "VAT", number: "1"))
                == #"{"lineType":"TaxNumber","taxNumber":{"name":"VAT","number":"1"}}"#)
        #expect(
            json(.merchantAddress(lines: ["a"], postcode: "p"))
                == #"{"lineType":"MerchantAddress","merchantAddress":{"addressLines":["a"],"postcode":"p"}}"#)
        #expect(json(.image(svg: "<svg/>", align: nil)) == #"{"lineType":"Image","image":{"svgImage":"<svg/>"}}"#)
        #expect(json(.horizontalLine(.double)) == #"{"lineType":"HorizontalLine","horizontalLine":{"line":"Double"}}"#)
    }

    @Test func skippedLinesAreNeverWritten() {
        #expect(BillLine.skipped(lineType: "Hologram").jsonValue == nil)
        let section = BillSection(lines: [.skipped(lineType: "X"), .merchantName("A")])
        #expect(
            JSONWriter.write(section.jsonValue)
                == #"{"lines":[{"lineType":"MerchantName","merchantName":{"name":"A"}}]}"#)
    }

    @Test func modifiersCarryBothPriceKeys() {
        let m = Modifier(
            name: "Cheese", plu: "872", quantity: 1, amountPerModifier: Money(value: 100, currencyCode: "GBP"))
        #expect(
            JSONWriter.write(m.jsonValue)
                == #"{"name":"Cheese","plu":"872","quantity":1,"amountPerModifier":{"value":100,"currencyCode":"GBP"},"amountPerItem":{"value":100,"currencyCode":"GBP"}}"#
        )
    }

    @Test func anOrderAlwaysCarriesIdStatusAndItems() {
        let o = Order(
            details: OrderDetails(orderType: .dineIn),
            payments: [Payment(paidAmount: Money(value: 1, currencyCode: "EUR"))])
        #expect(
            JSONWriter.write(o.jsonValue)
                == #"{"id":"","status":"New","details":{"orderType":"DineIn","dineIn":{}},"items":[],"payments":[{"paymentIntentId":"","paidAmount":{"value":1,"currencyCode":"EUR"}}]}"#
        )
    }

    @Test func theEncoderRoundTripsThroughTheDecoder() throws {
        let bill = OrderBill(
            header: BillSection(lines: [.logo(svg: "<svg/>"), .text(BillLineText(value: "T", bold: true))]),
            order: Fixtures.dineInFull,
            footer: BillSection(lines: [
                .url(BillURL(url: "https://a.example", showQR: true)), .taxNumber(name: "VAT", number: "1"),
            ]))
        let decoded = BillDecoder.decode(bytes: Array(JSONWriter.write(bill.jsonValue).utf8))
        #expect(decoded.bill == bill)
        #expect(decoded.diagnostics == [])
    }
}
