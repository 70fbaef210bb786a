import Foundation
import GRDB
import TokenomicsCore

extension SQLiteLedgerStore {
    public func rollups(by dimensions: [LedgerGroupKey], since: Date?, until: Date?, per grain: RollupGrain)
        async throws
        -> [SpendRow]
    {
        let query = LedgerSchema.spendQuery(
            dimensions, since: since, until: until, grain: grain, placeholder: { _ in "?" },
            tag: { tags, path in "json_extract(\(tags), \(path))" },
            // The JSON path is a bound parameter: a tag name never becomes SQL text.
            tagParameter: { "$.\"" + $0.replacingOccurrences(of: "\"", with: "\\\"") + "\"" })
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
                    // Text, or a number for a threshold or a numeric tag.
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
