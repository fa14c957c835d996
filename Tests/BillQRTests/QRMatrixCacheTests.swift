import BillSupport
import Testing

@testable import BillQR

/// The QR cache gives what libqrencode gives, holds no more than its capacity, and never keeps
/// long payloads or failures.
@Suite struct QRMatrixCacheTests {
    @Test func aCachedMatrixIsTheEncodedOne() throws {
        let payload = "https://www.website.com/feedback?cache-test"
        let first = try QREncoder.encode(payload, errorCorrection: .medium)
        let second = try QREncoder.encode(payload, errorCorrection: .medium)
        #expect(first == second)
        #expect(first == (try QREncoder.encodeUncached(payload, errorCorrection: .medium)))
        // The level is part of the key.
        #expect(
            try QREncoder.encode(payload, errorCorrection: .high)
                == QREncoder.encodeUncached(payload, errorCorrection: .high))
    }

    @Test func holdsAtMostItsCapacity() throws {
        let cache = QRMatrixCache(capacity: 4, maxPayloadBytes: 64)
        var encodes = 0
        let encode: (String, QRErrorCorrection) throws(QREncodingError) -> QRMatrix = {
            payload, level throws(QREncodingError) in
            encodes += 1
            return try QREncoder.encodeUncached(payload, errorCorrection: level)
        }
        for i in 0..<10 { _ = try cache.matrix(for: .init(payload: "p\(i)", level: .low), encode: encode) }
        #expect(cache.count == 4)
        #expect(encodes == 10)
        // The newest are kept, the oldest went.
        _ = try cache.matrix(for: .init(payload: "p9", level: .low), encode: encode)
        #expect(encodes == 10)
        _ = try cache.matrix(for: .init(payload: "p0", level: .low), encode: encode)
        #expect(encodes == 11)
        #expect(cache.count == 4)
    }

    @Test func keepsNeitherLongPayloadsNorFailures() throws {
        let cache = QRMatrixCache(capacity: 4, maxPayloadBytes: 8)
        let long = try cache.matrix(
            for: .init(payload: "a longer payload", level: .low), encode: QREncoder.encodeUncached)
        #expect(long.size == 21)
        #expect(cache.count == 0)
        #expect(throws: QREncodingError.empty) {
            try cache.matrix(for: .init(payload: "", level: .low), encode: QREncoder.encodeUncached)
        }
        #expect(cache.count == 0)
    }

    @Test func isSafeFromManyTasks() async throws {
        let payloads = (0..<64).map { "https://example.com/t/\($0 % 40)" }
        let expected = try payloads.map { try QREncoder.encodeUncached($0, errorCorrection: .medium) }
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var bad = 0
                    for k in payloads.indices {
                        let i = (k + worker * 5) % payloads.count
                        if (try? QREncoder.encode(payloads[i], errorCorrection: .medium)) != expected[i] { bad += 1 }
                    }
                    return bad
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
        #expect(QRMatrixCache.shared.count <= QRMatrixCache.shared.capacity)
    }

    @Test func removeAllEmptiesTheCacheAndItFillsAgain() throws {
        let cache = QRMatrixCache(capacity: 4, maxPayloadBytes: 64)
        var encodes = 0
        let encode: (String, QRErrorCorrection) throws(QREncodingError) -> QRMatrix = {
            payload, level throws(QREncodingError) in
            encodes += 1
            return try QREncoder.encodeUncached(payload, errorCorrection: level)
        }
        let first = try cache.matrix(for: .init(payload: "purge", level: .low), encode: encode)
        cache.removeAll()
        #expect(cache.count == 0)
        let again = try cache.matrix(for: .init(payload: "purge", level: .low), encode: encode)
        #expect(again == first && encodes == 2 && cache.count == 1)
    }
}
