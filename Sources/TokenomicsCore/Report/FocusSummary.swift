/// What a ``FocusExport`` wrote and what it left out, so that a caller can warn about it.
///
/// The exported cost and the left-out cost add up to the input's cost exactly:
/// `billedCost + undatedCost == Σ rows.sums.cost`. Unpriced events have no cost to leave out:
/// FOCUS rows never invent a cost for them, so they are only counted.
public struct FocusSummary: Sendable, Hashable, Codable {
    /// FOCUS rows written.
    public var rows: Int = 0
    /// The sum of `BilledCost` over the rows written.
    public var billedCost: Money = .zero
    /// Events without a price, in the exported hours: their cost is not in any row.
    public var unpricedRequests: Int64 = 0
    /// Input rows without an hour, left out (FOCUS needs a charge period).
    public var undatedRows: Int = 0
    /// Events in the undated rows.
    public var undatedRequests: Int64 = 0
    /// The cost of the undated rows.
    public var undatedCost: Money = .zero
    /// Rows whose cost could not be stated as quantity × one unit price and were written as a
    /// blended amount (`PricingUnit` "USD"; see ``FocusExport``).
    public var blendedRows: Int = 0

    /// An empty summary.
    public init() {}
}
