import BillQR
import BillSupport
import Testing

@Suite("QREncoder")
struct QREncoderTests {
    @Test func encodesAURLAtTheSmallestVersion() throws {
        let matrix = try QREncoder.encode("https://www.website.com", errorCorrection: .medium)
        // 23 bytes at M fit version 2 (25 × 25 modules).
        #expect(matrix.size == 25)
        // Finder pattern corners: dark outer ring, light separator.
        #expect(matrix[0, 0] && matrix[6, 0] && matrix[0, 6] && matrix[6, 6])
        #expect(!matrix[7, 0] && !matrix[1, 1])
        #expect(matrix[-1, 0] == false && matrix[25, 25] == false)
    }

    @Test(arguments: QRErrorCorrection.allCases)
    func higherCorrectionNeverShrinksTheSymbol(level: QRErrorCorrection) throws {
        let low = try QREncoder.encode(String(repeating: "x", count: 120), errorCorrection: .low)
        let other = try QREncoder.encode(String(repeating: "x", count: 120), errorCorrection: level)
        #expect(other.size >= low.size)
    }

    @Test func isDeterministic() throws {
        let a = try QREncoder.encode("£62.95 paid", errorCorrection: .quartile)
        let b = try QREncoder.encode("£62.95 paid", errorCorrection: .quartile)
        #expect(a == b)
    }

    @Test func emptyPayloadThrows() {
        #expect(throws: QREncodingError.empty) { try QREncoder.encode("", errorCorrection: .low) }
    }

    @Test func payloadBeyondCapacityThrowsTooLong() {
        // 2,953 bytes fit 40-L but not 40-H (1,273 bytes).
        let payload = String(repeating: "a", count: 2000)
        #expect(throws: QREncodingError.tooLong(bytes: 2000)) {
            try QREncoder.encode(payload, errorCorrection: .high)
        }
        let huge = String(repeating: "é", count: 100_000)
        #expect(throws: QREncodingError.tooLong(bytes: 200_000)) {
            try QREncoder.encode(huge, errorCorrection: .low)
        }
    }

    @Test func largestPayloadAtLowFitsVersion40() throws {
        let matrix = try QREncoder.encode(String(repeating: "a", count: 2953), errorCorrection: .low)
        #expect(matrix.size == 177)
    }

    @Test func encodesBytesWithNUL() throws {
        let matrix = try QREncoder.encode("a\u{0}b", errorCorrection: .low)
        #expect(matrix.size == 21)
    }
}
