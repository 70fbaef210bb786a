import Foundation
import GRDB
import TokenomicsCore

extension SQLiteLedgerStore {
    public func rollups(by dimensions: [LedgerGroupKey], since: Date?, until: Date?, per grain: RollupGrain)
        async throws
        -> [SpendRow]
    {
        let path = path
        guard
            let query = LedgerSchema.spendQuery(
                dimensions, since: since, until: until, grain: grain, placeholder: { _ in "?" })
        else {
            return try await run { db in
                var scan = EventScan(dimensions: dimensions, grain: grain)
                try Self.forEachEntry(in: db, since: since, until: until, path: path) { scan.add($0) }
                return scan.rows
            }
        }
        var arguments = StatementArguments()
        for parameter in query.parameters {
            switch parameter {
            case .text(let text): arguments += [text]
            case .integer(let value): arguments += [value]
            }
        }
        let count = dimensions.count
        let bound = arguments
        return try await run { db in
            var rows: [SpendRow] = []
            let cursor = try Row.fetchCursor(db, sql: query.sql, arguments: bound)
            while let row = try cursor.next() {
                // An empty table still yields one all-NULL aggregate row without GROUP BY.
                guard let requests: Int64 = row["requests"], requests > 0 else { continue }
                let key = (0..<count).map { index -> String? in
                    let value = row["k\(index)"] as DatabaseValue
                    return LedgerSchema.keyValue(value.isNull ? nil : value.description.trimmingCharacters(in: ["\""]))
                }
                let sums = LedgerSchema.rollupSums(
                    count: { row[$0] ?? 0 }, real: { row[$0] ?? 0 }, nano: { row[$0] ?? 0 }, atto: { row[$0] ?? 0 })
                rows.append(
                    SpendRow(
                        key: key, hour: grain == .total ? nil : LedgerSchema.rowHour(row["hour"], grain: grain),
                        sums: sums))
            }
            return rows
        }
    }
}
