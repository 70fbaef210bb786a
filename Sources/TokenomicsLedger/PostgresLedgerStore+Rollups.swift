import Foundation
import TokenomicsCore

extension PostgresLedgerStore {
    // In progress: the PostgreSQL rollups (migration v2-rollups, upsert at append, this query).
    public func rollups(by dimensions: [LedgerGroupKey], since: Date?, until: Date?, per grain: RollupGrain)
        async throws
        -> [SpendRow]
    {
        throw LedgerError(.unsupportedQuery, location: location, "rollups are not yet kept in PostgreSQL ledgers")
    }
}

extension PostgresLedgerStore {
    // In progress: re-pricing a PostgreSQL ledger.
    public func reprice(
        since: Date?, until: Date?, batchSize: Int, price: @escaping @Sendable (LedgerEntry) -> LedgerEntry,
        progress: @escaping @Sendable (Int) -> Void
    ) async throws -> RepriceResult {
        throw LedgerError(
            .unsupportedQuery, location: location, "re-pricing is not yet available for PostgreSQL ledgers")
    }
}
