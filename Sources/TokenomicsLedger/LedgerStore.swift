import Foundation
import TokenomicsCore

/// The storage seam of the usage ledger: where priced events, and the lines that could not be
/// used, are kept.
///
/// Every method is `async` so that a network backend (PostgreSQL) can conform as well as the
/// embedded SQLite store; every backend runs the same conformance suite.
public protocol LedgerStore: Sendable {
    /// Where the ledger is, fit to print: a file path, or a PostgreSQL URL without its password.
    var location: String { get }

    /// Brings the schema up to date by applying the named migrations not yet applied.
    ///
    /// - Throws: ``LedgerError`` when the store is not a ledger, is locked, or a migration fails.
    func migrate() async throws

    /// Stores entries in one transaction: either all new entries are stored or none.
    ///
    /// An entry whose ``LedgerEntry/id`` is already stored, or appears earlier in the same batch,
    /// is a duplicate and is not stored again.
    ///
    /// - Parameter batch: the entries, in order, with their stored form worked out.
    /// - Returns: how many were stored and how many were duplicates.
    /// - Throws: ``LedgerError``.
    func append(_ batch: LedgerBatch) async throws -> AppendResult

    /// How many ``append(_:)-(LedgerBatch)`` calls a writer should keep running at once: 1 for a
    /// store with a single writer (SQLite), more for a server that writes several transactions
    /// at once (PostgreSQL), so that it works on one batch while the next one travels.
    var appendsInFlight: Int { get }

    /// Keeps lines that could not be used, in one transaction.
    ///
    /// - Parameter items: the lines; their ``QuarantineItem/id`` is ignored and assigned by the store.
    /// - Throws: ``LedgerError``.
    func quarantine(_ items: [QuarantineItem]) async throws

    /// The quarantined lines, oldest first, each with its ``QuarantineItem/id``.
    ///
    /// - Parameter limit: the most items to return, or `nil` for all.
    /// - Throws: ``LedgerError``.
    func quarantined(limit: Int?) async throws -> [QuarantineItem]

    /// Removes quarantined lines (after a retry stored them, or a user gave up on them).
    ///
    /// - Parameter ids: the ids to remove; unknown ids are ignored.
    /// - Returns: how many were removed.
    /// - Throws: ``LedgerError``.
    func removeQuarantined(ids: [Int64]) async throws -> Int

    /// The number of stored entries.
    ///
    /// - Throws: ``LedgerError``.
    func count() async throws -> Int

    /// Stored entries with a timestamp in `[since, until)`, ordered by timestamp then id.
    ///
    /// - Parameters:
    ///   - since: the first instant included, or `nil` for no lower bound.
    ///   - until: the first instant excluded, or `nil` for no upper bound.
    ///   - limit: the most entries to return, or `nil` for all.
    /// - Throws: ``LedgerError``.
    func entries(since: Date?, until: Date?, limit: Int?) async throws -> [LedgerEntry]

    /// Tokens, cost and request counts of the entries in `[since, until)`.
    ///
    /// With either bound set, entries without a timestamp are left out.
    ///
    /// - Throws: ``LedgerError``.
    func totals(since: Date?, until: Date?) async throws -> LedgerTotals

    /// ``totals(since:until:)`` per value of one attribution key, largest cost first.
    ///
    /// - Parameters:
    ///   - key: what to group by.
    ///   - since: the first instant included, or `nil`.
    ///   - until: the first instant excluded, or `nil`.
    /// - Throws: ``LedgerError``.
    func groups(by key: LedgerGroupKey, since: Date?, until: Date?) async throws -> [LedgerGroup]

    /// The sums of the stored events per group (and per hour or day), read from the rollups that
    /// ``append(_:)`` keeps up to date — hourly, and daily for reports that need no finer grain:
    /// what a report is built from.
    ///
    /// - Parameters:
    ///   - dimensions: what to group by, in key order (none: one group of everything). Users,
    ///     trace and span ids and tags are not kept in rollups: grouping by them sums the events.
    ///   - since: the first instant included, or `nil`.
    ///   - until: the first instant excluded, or `nil`.
    ///   - grain: whether to split each group by hour or day.
    /// - Returns: one row per group (and hour or day), with `nil` key values for events without
    ///   one. With either bound set, events without a timestamp are left out. Bounds that are not
    ///   whole hours sum the events, exactly.
    /// - Throws: ``LedgerError``.
    func rollups(by dimensions: [LedgerGroupKey], since: Date?, until: Date?, per grain: RollupGrain) async throws
        -> [SpendRow]

    /// Re-prices the stored events with a timestamp in `[since, until)`, in transactions of
    /// `batchSize` events. An event whose pricing changes is updated in place, its previous
    /// catalog version, priced model and cost are kept in the repricings table, and the rollups
    /// follow; an event that cannot be priced now becomes unpriced (never $0).
    ///
    /// - Parameters:
    ///   - since: the first instant included, or `nil`.
    ///   - until: the first instant excluded, or `nil`.
    ///   - batchSize: events per transaction.
    ///   - price: the new pricing of a stored entry.
    ///   - progress: called after each transaction with the events examined so far.
    /// - Returns: what changed.
    /// - Throws: ``LedgerError``.
    func reprice(
        since: Date?, until: Date?, batchSize: Int, price: @escaping @Sendable (LedgerEntry) -> LedgerEntry,
        progress: @escaping @Sendable (Int) -> Void
    ) async throws -> RepriceResult
}

extension LedgerStore {
    /// Stores entries in one transaction (see ``append(_:)-(LedgerBatch)``).
    public func append(_ entries: [LedgerEntry]) async throws -> AppendResult {
        try await append(LedgerBatch(entries))
    }

    /// ``rollups(by:since:until:per:)`` with or without an hourly split.
    public func rollups(by dimensions: [LedgerGroupKey], since: Date?, until: Date?, hourly: Bool) async throws
        -> [SpendRow]
    {
        try await rollups(by: dimensions, since: since, until: until, per: hourly ? .hour : .total)
    }
}
