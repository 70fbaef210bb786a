import Foundation
import GRDB
import TokenomicsCore

extension SQLiteLedgerStore {
    public func rollups(by dimensions: [LedgerGroupKey], since: Date?, until: Date?, hourly: Bool) async throws
        -> [SpendRow]
    {
        let columns = try LedgerSchema.rollupColumns(dimensions, location: path)
        var arguments = StatementArguments()
        var select: [String] = []
        for (index, dimension) in dimensions.enumerated() {
            switch (dimension, columns[index]) {
            case (.tag(let name), _):
                // The JSON path is a bound parameter: a tag name never becomes SQL text.
                select.append("json_extract(NULLIF(tags, ''), ?) AS k\(index)")
                arguments += ["$.\"" + name.replacingOccurrences(of: "\"", with: "\\\"") + "\""]
            case (_, let column?):
                select.append("CAST(\(column) AS TEXT) AS k\(index)")
            case (_, nil):
                continue
            }
        }
        if hourly { select.append("hour") }
        let (from, to) = LedgerSchema.hourRange(since: since, until: until)
        var conditions: [String] = []
        if from != nil || to != nil {
            conditions.append("hour <> ?")
            arguments += [LedgerSchema.noHour]
        }
        if let from {
            conditions.append("hour >= ?")
            arguments += [from]
        }
        if let to {
            conditions.append("hour < ?")
            arguments += [to]
        }
        let groupBy = (0..<dimensions.count).map { "k\($0)" } + (hourly ? ["hour"] : [])
        let sql =
            "SELECT \((select + [LedgerSchema.rollupSumSelect]).joined(separator: ", ")) FROM rollups"
            + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            + (groupBy.isEmpty ? "" : " GROUP BY " + groupBy.joined(separator: ", "))
        let bound = arguments
        let count = dimensions.count
        return try await run { db in
            var rows: [SpendRow] = []
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: bound)
            while let row = try cursor.next() {
                // An empty table still yields one all-NULL aggregate row without GROUP BY.
                guard let requests: Int64 = row["requests"], requests > 0 else { continue }
                let key = (0..<count).map { LedgerSchema.keyValue(row["k\($0)"]) }
                let hour: Int64? = hourly ? row["hour"] : nil
                let sums = LedgerSchema.rollupSums(
                    count: { row[$0] ?? 0 }, real: { row[$0] ?? 0 }, nano: { row[$0] ?? 0 }, atto: { row[$0] ?? 0 })
                rows.append(
                    SpendRow(
                        key: key,
                        hour: hour.flatMap { $0 == LedgerSchema.noHour ? nil : LedgerSchema.date(hour: $0) },
                        sums: sums))
            }
            return rows
        }
    }
}
