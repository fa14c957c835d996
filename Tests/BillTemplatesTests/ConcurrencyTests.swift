import BillModel
import BillTemplates
import Testing

/// A POS host answers bill requests from many tasks at once with one parsed template.
@Suite struct ConcurrencyTests {
    @Test func buildingFromManyTasksGivesTheSameBills() async throws {
        let template = try BillTemplate.builtIn("restaurant")
        let merchant = try Fixtures.fullMerchant
        let expected = try BillBuilder.build(
            template: template, order: Fixtures.dineInFull, merchant: merchant,
            options: Fixtures.options
        ).bill
        let bills = try await withThrowingTaskGroup(of: OrderBill.self) { group in
            for _ in 0..<32 {
                group.addTask {
                    try BillBuilder.build(
                        template: template, order: Fixtures.dineInFull, merchant: merchant,
                        options: Fixtures.options
                    ).bill
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(bills.count == 32)
        #expect(bills.allSatisfy { $0 == expected })
    }
}
