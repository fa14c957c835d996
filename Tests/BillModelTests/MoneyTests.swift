import BillModel
import Testing

@Suite struct MoneyTests {
    @Test(
        arguments: [
            (6295, "GBP", "£62.95"), (-621, "GBP", "-£6.21"), (5, "EUR", "€0.05"), (123456789, "USD", "$1,234,567.89"),
            (1200, "JPY", "¥1,200"), (1250, "KWD", "KWD 1.250"), (1234, "XYZ", "XYZ 12.34"), (100, "THB", "THB 1.00"),
            (0, "GBP", "£0.00"), (Int64.min, "GBP", "-£92,233,720,368,547,758.08"),
        ] as [(Int64, String, String)])
    func formats(value: Int64, code: String, expected: String) {
        #expect(Money(value: value, currencyCode: code).formatted == expected)
    }

    @Test func knownAndUnknownCurrencies() {
        #expect(Currency(code: "GBP").isKnown)
        #expect(Currency(code: "THB").isKnown)
        #expect(!Currency(code: "XYZ").isKnown)
        #expect(Currency(code: "JPY").exponent == 0)
        #expect(Currency(code: "KWD").exponent == 3)
    }

    @Test(
        arguments: [
            (2000, "20%"), (1250, "12.5%"), (2510, "25.1%"), (20, "0.2%"), (5, "0.05%"), (0, "0%"),
            (1205, "12.05%"), (-1250, "-12.5%"), (-7, "-0.07%"), (123_456_700, "1234567%"),
            (.max, "92233720368547758.07%"), (.min, "-92233720368547758.08%"),
        ] as [(Int64, String)])
    func percentages(hundredths: Int64, expected: String) {
        #expect(Currency.formatPercentage(hundredths) == expected)
    }

    @Test func lineTotalsUseIntegerArithmeticAndCatchOverflow() {
        let gbp = { (v: Int64) in Money(value: v, currencyCode: "GBP") }
        var item = OrderItem(
            name: "Burger", quantity: 2, amountPerItem: gbp(1000),
            modifiers: [Modifier(name: "Cheese", quantity: 2, amountPerModifier: gbp(50))],
            subItems: [
                OrderSubItem(
                    name: "Fries", quantity: 1, amountPerItem: gbp(200),
                    modifiers: [Modifier(name: "Salt", amountPerModifier: gbp(5))])
            ])
        #expect(OrderFigures(Order(items: [item])).lineTotals == [2 * (1000 + 100 + 205)])
        item.quantity = Int64.max / 2
        let figures = OrderFigures(Order(items: [item]))
        #expect(figures.lineTotals == [nil])
        #expect(figures.overflowPaths.contains("items[0]"))
    }
}
