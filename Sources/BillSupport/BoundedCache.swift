import Synchronization

/// A small thread-safe cache with a bound on its entries and on their total cost (bytes, say);
/// when it is full, the oldest entries make room. For values that every bill of a restaurant
/// repeats (its QR URL, its logo), so that they are made once, not per bill.
package final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    @usableFromInline struct Entries {
        @usableFromInline var values: [Key: (value: Value, cost: Int)] = [:]
        /// Keys in insertion order; the first is the next to go.
        @usableFromInline var order: [Key] = []
        @usableFromInline var totalCost = 0

        @usableFromInline init() {}
    }

    /// The most entries kept.
    package let capacity: Int
    /// The most total cost kept; a single value costing more is never kept.
    package let maxTotalCost: Int
    @usableFromInline let entries = Mutex(Entries())

    package init(capacity: Int, maxTotalCost: Int = .max) {
        self.capacity = max(1, capacity)
        self.maxTotalCost = max(0, maxTotalCost)
    }

    /// The value for `key`, if it is held. Inlinable, so that a caller in another module looks it
    /// up specialised for its key type (generic, a lookup costs several times more).
    @inlinable
    package func value(for key: Key) -> Value? {
        entries.withLock { $0.values[key]?.value }
    }

    /// Keeps `value` for `key` (unless it alone costs more than the whole cache may hold).
    package func insert(_ value: Value, for key: Key, cost: Int = 0) {
        guard cost <= maxTotalCost else { return }
        entries.withLock { e in
            guard e.values[key] == nil else { return }
            e.values[key] = (value, cost)
            e.order.append(key)
            e.totalCost += cost
            while e.order.count > capacity || e.totalCost > maxTotalCost, !e.order.isEmpty {
                let oldest = e.order.removeFirst()
                e.totalCost -= e.values.removeValue(forKey: oldest)?.cost ?? 0
            }
        }
    }

    /// How many entries are held.
    package var count: Int { entries.withLock { $0.values.count } }

    /// Drops every entry (a host freeing memory; the next lookups make their values again).
    package func removeAll() {
        entries.withLock { $0 = Entries() }
    }
}
