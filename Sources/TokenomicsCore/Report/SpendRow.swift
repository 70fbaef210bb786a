import Foundation

/// The sums of one group of events in one hour: what a ledger's rollups hold and what a
/// ``SpendReport`` is built from.
public struct SpendRow: Sendable, Hashable {
    /// The group's value of each of the report's dimensions, in order (`nil` when the events
    /// have none).
    public var key: [String?]
    /// The hour the events fall in, or `nil` for events without a timestamp (or when the rows
    /// are not split by hour).
    public var hour: Date?
    /// The sums of the events.
    public var sums: SpendSums

    /// Creates a row.
    public init(key: [String?], hour: Date?, sums: SpendSums) {
        self.key = key
        self.hour = hour
        self.sums = sums
    }
}
