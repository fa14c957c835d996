import BillModel

/// What `BillBuilder.build` returns: the bill and what it noticed on the way.
public struct BillBuildResult: Sendable, Equatable {
    /// The `GetOrderBillById` response body.
    public var bill: OrderBill
    /// Filled-in figures, unreadable timestamps, removed control characters (warnings only).
    public var diagnostics: [Diagnostic]

    public init(bill: OrderBill, diagnostics: [Diagnostic]) {
        self.bill = bill
        self.diagnostics = diagnostics
    }
}
