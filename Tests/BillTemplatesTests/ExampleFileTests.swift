import BillJSON
import BillModel
import BillTemplates
import TestSupport
import Testing

/// The example inputs in `templates/examples/` (the README's walk-through) are the fixtures the
/// goldens were built from, read through billrender's own order decoder.
@Suite struct ExampleFileTests {
    static let files: [(file: String, order: Order)] = [
        ("order-dine-in.json", Fixtures.dineInFull),
        ("order-collection.json", Fixtures.collectionASAP),
        ("order-minimal.json", Fixtures.minimalData),
    ]

    @Test(arguments: files.indices)
    func anExampleOrderFileDecodesToItsFixture(_ i: Int) throws {
        let json = try JSONParser.parse(try Repository.bytes("templates/examples/" + Self.files[i].file))
        let decoded = BillDecoder.decodeOrder(json: json)
        #expect(decoded.order == Self.files[i].order)
        #expect(!decoded.diagnostics.contains { $0.severity == .error })
    }

    @Test func theNameOnlyMerchantFileIsTheNameOnlyFixture() throws {
        let m = try MerchantData(bytes: try Repository.bytes("templates/examples/merchant-name-only.json"))
        #expect(m.name == Fixtures.nameOnlyMerchant.name)
        #expect(try Fixtures.fullMerchant.waiters == ["42": "Giulia"])
    }
}
