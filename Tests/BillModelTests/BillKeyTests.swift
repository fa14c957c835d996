import Testing

@testable import BillModel

/// The decoder finds a bill's members by their number in `BillKey.table`: each case's number
/// must be its place in `allCases`, which the table is made from.
@Suite struct BillKeyTests {
    @Test func everyCaseIndexIsItsPlaceInAllCases() {
        for (place, key) in BillKey.allCases.enumerated() {
            #expect(key.index == place, "\(key)")
            #expect(key.json.name == key.rawValue)
        }
    }
}
