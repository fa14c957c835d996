/// An enum the reader finds by the bytes of its raw value, as the parser finds keys: without
/// making a `String` and comparing it with each case's.
protocol SpelledEnum: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    /// The cases by their spellings.
    static var spellings: EnumSpellings<Self> { get }
}

/// The cases of an enum by the UTF-8 bytes of their raw values.
struct EnumSpellings<E: RawRepresentable & CaseIterable & Sendable>: Sendable where E.RawValue == String {
    /// Every case; the table's key `k` is `cases[k - 1]`.
    private let cases: [E]
    private let table: JSONKeyTable

    init() {
        cases = Array(E.allCases)
        table = JSONKeyTable(cases.indices.map { [cases] in (UInt8($0 + 1), Array(cases[$0].rawValue.utf8)) })
    }

    /// The case spelled exactly by `bytes`, or nil.
    func match(_ bytes: UnsafeBufferPointer<UInt8>) -> E? {
        let key = table.match(bytes, 0, bytes.count)
        return key == 0 ? nil : cases[Int(key) - 1]
    }
}

extension BillAlign: SpelledEnum { static let spellings = EnumSpellings<BillAlign>() }
extension BillTextSize: SpelledEnum { static let spellings = EnumSpellings<BillTextSize>() }
extension BillRule: SpelledEnum { static let spellings = EnumSpellings<BillRule>() }
extension OrderType: SpelledEnum { static let spellings = EnumSpellings<OrderType>() }
