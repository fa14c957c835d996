import BillESCPOS
import Testing

/// The code tables against their published charts.
struct CodeTableTests {
    @Test(
        arguments: [
            ("cp437", "£", 0x9C), ("cp437", "é", 0x82), ("cp850", "£", 0x9C), ("cp858", "€", 0xD5),
            ("cp852", "ł", 0x88), ("cp866", "Ж", 0x86), ("cp1252", "€", 0x80), ("cp1252", "£", 0xA3),
            ("cp1252", "’", 0x92), ("iso-8859-15", "€", 0xA4), ("iso-8859-15", "Š", 0xA6),
        ] as [(String, Unicode.Scalar, Int)])
    func publishedPositions(_ name: String, _ scalar: Unicode.Scalar, _ byte: Int) {
        let table = CodeTable.named(name)
        #expect(table?.byte(for: scalar) == UInt8(byte))
        #expect(table?.scalar(for: UInt8(byte)) == scalar)
    }

    @Test func everyTableRoundTripsAllItsBytes() {
        for table in CodeTable.all {
            for b in UInt8(0x20)...UInt8(0xFF) {
                guard let s = table.scalar(for: b) else { continue }
                #expect(table.byte(for: s) == b, "\(table.name) \(b)")
            }
        }
    }

    @Test func controlCharactersAreInNoTable() {
        for table in CodeTable.all {
            for v in Array(0..<0x20) + [0x7F] + Array(0x80..<0xA0) {
                #expect(table.byte(for: Unicode.Scalar(UInt8(v))) == nil)
            }
        }
    }

    @Test func euroIsNotInPC437AndPC850() {
        #expect(CodeTable.named("cp437")?.holds("€") == false)
        #expect(CodeTable.named("cp850")?.holds("€") == false)
        #expect(CodeTable.named("ISO_8859-15") != nil)
    }
}
