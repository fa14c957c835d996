import BillSupport
import Synchronization

/// A small, thread-safe cache of encoded QR matrices keyed by payload and error-correction level.
///
/// A restaurant prints the same feedback URL on every bill, and finding a symbol's best mask is
/// most of the cost of a text or PNG render (libqrencode evaluates eight masks). Only short
/// payloads are kept, and at most `capacity` of them, so the cache never holds more than a few
/// hundred kilobytes; when it is full, the oldest entry makes room.
final class QRMatrixCache: Sendable {
    /// The cache `QREncoder.encode` uses.
    static let shared = QRMatrixCache(capacity: 32, maxPayloadBytes: 512)

    struct Key: Hashable, Sendable {
        var payload: String
        var level: QRErrorCorrection
    }

    let maxPayloadBytes: Int
    private let cache: BoundedCache<Key, QRMatrix>

    init(capacity: Int, maxPayloadBytes: Int) {
        self.maxPayloadBytes = maxPayloadBytes
        self.cache = BoundedCache(capacity: capacity)
    }

    /// The matrix for `key`, from the cache or made by `encode` (and kept when it is small enough).
    func matrix(for key: Key, encode: (String, QRErrorCorrection) throws(QREncodingError) -> QRMatrix)
        throws(QREncodingError) -> QRMatrix
    {
        guard key.payload.utf8.count <= maxPayloadBytes else { return try encode(key.payload, key.level) }
        if let hit = cache.value(for: key) { return hit }
        let matrix = try encode(key.payload, key.level)
        cache.insert(matrix, for: key)
        return matrix
    }

    /// Drops every matrix.
    func removeAll() {
        cache.removeAll()
    }

    /// How many matrices are held.
    var count: Int { cache.count }

    /// The most matrices held.
    var capacity: Int { cache.capacity }
}
