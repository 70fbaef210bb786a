import Foundation
import TokenomicsCore

extension PostgresLedgerStore {
    // In progress: the PostgreSQL rollups (migration v2-rollups, upsert at append, this query).
    public func rollups(by dimensions: [LedgerGroupKey], since: Date?, until: Date?, hourly: Bool) async throws
        -> [SpendRow]
    {
        throw LedgerError(.unsupportedQuery, location: location, "rollups are not yet kept in PostgreSQL ledgers")
    }
}
