import BillSupport
import Testing

@Suite struct BoundedCacheTests {
    @Test func evictsTheOldestByCount() {
        let cache = BoundedCache<Int, String>(capacity: 2)
        cache.insert("a", for: 1)
        cache.insert("b", for: 2)
        cache.insert("c", for: 3)
        #expect(cache.value(for: 1) == nil)
        #expect(cache.value(for: 2) == "b")
        #expect(cache.value(for: 3) == "c")
        #expect(cache.count == 2)
    }

    @Test func evictsByCostAndRefusesWhatAloneIsTooDear() {
        let cache = BoundedCache<Int, Int>(capacity: 10, maxTotalCost: 100)
        cache.insert(1, for: 1, cost: 60)
        cache.insert(2, for: 2, cost: 60)  // 120 > 100: the first goes
        #expect(cache.value(for: 1) == nil)
        #expect(cache.value(for: 2) == 2)
        cache.insert(3, for: 3, cost: 101)  // never kept
        #expect(cache.value(for: 3) == nil)
        #expect(cache.value(for: 2) == 2)
    }

    @Test func isSafeFromManyTasks() async {
        let cache = BoundedCache<Int, Int>(capacity: 64, maxTotalCost: 1_000)
        await withTaskGroup(of: Void.self) { group in
            for t in 0..<8 {
                group.addTask {
                    for i in 0..<2_000 {
                        cache.insert(i, for: (i * 7 + t) % 100, cost: i % 50)
                        _ = cache.value(for: i % 100)
                    }
                }
            }
        }
        #expect(cache.count <= 64)
    }
}

@Suite struct BoundedCacheRemoveAllTests {
    @Test func removeAllDropsEntriesAndTheirCost() {
        let cache = BoundedCache<Int, String>(capacity: 4, maxTotalCost: 10)
        cache.insert("a", for: 1, cost: 6)
        cache.insert("b", for: 2, cost: 4)
        cache.removeAll()
        #expect(cache.count == 0 && cache.value(for: 1) == nil)
        // The cost went with the entries: a value costing the whole budget fits again.
        cache.insert("c", for: 3, cost: 10)
        #expect(cache.value(for: 3) == "c")
    }
}
