/// What ``LedgerStore/append(_:)`` did with a batch.
public struct AppendResult: Sendable, Hashable, Codable {
    /// Entries stored by this call.
    public var stored: Int
    /// Entries not stored because an entry with the same id was already stored.
    public var duplicates: Int

    /// Creates a result.
    public init(stored: Int = 0, duplicates: Int = 0) {
        self.stored = stored
        self.duplicates = duplicates
    }

    /// Adds another batch's counts.
    public static func += (lhs: inout AppendResult, rhs: AppendResult) {
        lhs.stored += rhs.stored
        lhs.duplicates += rhs.duplicates
    }
}
