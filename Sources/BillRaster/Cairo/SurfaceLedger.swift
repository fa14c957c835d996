import Synchronization

/// Counts the Cairo surfaces created while a piece of code runs in the current task, so a test
/// can assert that a render never drew on a surface taller than a band (other tasks' renders
/// running at the same time are not counted).
package final class SurfaceLedger: Sendable {
    @TaskLocal static var current: SurfaceLedger?

    private let tallest = Mutex(0)
    private let count = Mutex(0)

    package init() {}

    /// The tallest surface created so far under this ledger, in rows.
    package var tallestSurface: Int { tallest.withLock { $0 } }
    /// How many surfaces were created under this ledger.
    package var surfaces: Int { count.withLock { $0 } }

    /// Runs `body` with this ledger counting the surfaces it creates.
    package func measuring<R>(_ body: () throws -> R) rethrows -> R {
        try Self.$current.withValue(self) { try body() }
    }

    func record(height: Int) {
        tallest.withLock { $0 = max($0, height) }
        count.withLock { $0 += 1 }
    }
}
