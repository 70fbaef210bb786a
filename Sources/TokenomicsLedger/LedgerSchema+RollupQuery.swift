import Foundation
import TokenomicsCore

/// The SQL of a spend query over the rollups, shared by both backends: when the rollups hold
/// every dimension and the range is whole hours (else ``EventScan`` sums the events).
extension LedgerSchema {
    /// A parameter of a spend query.
    enum Parameter: Sendable, Hashable {
        case text(String)
        case integer(Int64)
    }

    /// A spend query: its SQL and parameters; it selects key columns `k0`, `k1`, … in dimension
    /// order.
    struct SpendQuery: Sendable {
        var sql: String
        var parameters: [Parameter]
    }

    /// The SQL of a spend query over the rollups, or `nil` when the rollups cannot answer it.
    ///
    /// - Parameters:
    ///   - dimensions: the group keys.
    ///   - since: the first instant included.
    ///   - until: the first instant excluded.
    ///   - grain: whether to split by hour or day (selected as `hour`: the hour, or the day's first).
    ///   - placeholder: the n-th parameter's text (`?` or `$n`).
    ///   - sum: the select item summing a rollup column's expression as the column.
    static func spendQuery(
        _ dimensions: [LedgerGroupKey], since: Date?, until: Date?, grain: RollupGrain, placeholder: (Int) -> String,
        sum: (_ expression: String, _ column: String) -> String = { "SUM(\($0)) AS \($1)" }
    ) -> SpendQuery? {
        let hours = hourRange(since: since, until: until)
        let wholeHours =
            since.map { date(hour: hour($0)) == $0 } ?? true && until.map { date(hour: hour($0)) == $0 } ?? true
        guard wholeHours, grain != .fiveMinutes else { return nil }
        let columns = dimensions.compactMap(\.rollupColumn)
        guard columns.count == dimensions.count else { return nil }
        // The daily rollups hold the same sums in a 24th of the rows: used when the range is whole
        // days and no hourly split is asked for.
        let wholeDays =
            since.map { date(hour: day(hour($0))) == $0 } ?? true
            && until.map { date(hour: day(hour($0))) == $0 } ?? true
        let table = wholeDays && grain != .hour ? dailyRollupsTable : "rollups"
        var parameters: [Parameter] = []
        func next(_ parameter: Parameter) -> String {
            parameters.append(parameter)
            return placeholder(parameters.count)
        }
        // The key columns are in `event_keys` (`k`), joined to the rollup rows (`r`) by key id.
        var select = columns.enumerated().map { index, column in
            "\(column == "long_context_threshold" ? "CAST(k.\(column) AS TEXT)" : "k.\(column)") AS k\(index)"
        }
        var conditions: [String] = []
        switch grain {
        case .total, .fiveMinutes: break
        case .hour: select.append("r.hour AS hour")
        case .day: select.append(table == dailyRollupsTable ? "r.hour AS hour" : "\(dayExpression("r.hour")) AS hour")
        }
        if hours.from != nil || hours.to != nil { conditions.append("r.hour <> \(next(.integer(noHour)))") }
        if let from = hours.from { conditions.append("r.hour >= \(next(.integer(from)))") }
        if let to = hours.to { conditions.append("r.hour < \(next(.integer(to)))") }
        select += rollupSumColumns.map { sum("r.\($0)", $0) }
        let groupBy = (0..<dimensions.count).map { "k\($0)" } + (grain == .total ? [] : ["hour"])
        let sql =
            "SELECT \(select.joined(separator: ", ")) FROM \(table) r"
            + (columns.isEmpty ? "" : " JOIN event_keys k ON k.key_id = r.key_id")
            + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            + (groupBy.isEmpty ? "" : " GROUP BY " + groupBy.joined(separator: ", "))
        return SpendQuery(sql: sql, parameters: parameters)
    }

    /// SQL giving the first hour of the UTC day of an hour number (hours before 1970 included).
    static func dayExpression(_ hour: String) -> String {
        "(\(hour) - ((\(hour) % 24) + 24) % 24)"
    }

    /// The first hour of the UTC day that holds an hour (``noHour`` stays itself).
    static func day(_ hour: Int64) -> Int64 {
        hour == noHour ? noHour : hour - ((hour % 24) + 24) % 24
    }

    /// The hour range of `[since, until)`: since rounded down, until rounded up.
    static func hourRange(since: Date?, until: Date?) -> (from: Int64?, to: Int64?) {
        let from = since.map { hour($0) }
        let to = until.map { until -> Int64 in
            let start = hour(until)
            return date(hour: start) < until ? start + 1 : start
        }
        return (from, to)
    }

    /// A key value read back: `''` and a negative threshold stand for none.
    static func keyValue(_ text: String?) -> String? {
        guard let text, !text.isEmpty, text != "-1" else { return nil }
        return text
    }

    /// The instant a row's `hour` column stands for: an hour number, or a five-minute slot
    /// number for ``RollupGrain/fiveMinutes``.
    static func rowHour(_ value: Int64?, grain: RollupGrain = .hour) -> Date? {
        guard let value, value != noHour else { return nil }
        return grain == .fiveMinutes ? Date(timeIntervalSince1970: Double(value) * 300) : date(hour: value)
    }

    /// The sums of a row read back, given how to read a count, the quality sum and an amount's
    /// two parts by column name.
    static func rollupSums(
        count: (String) -> Int64, real: (String) -> Double, nano: (String) -> Int64, atto: (String) -> Int64
    ) -> SpendSums {
        LedgerRollups.sums(
            counts: rollupCountColumns.map(count), qualitySum: real("quality_sum"),
            amounts: rollupAmountColumns.map {
                Money(
                    attodollars: Int128(nano("\($0)_nano")) * StoredAmount.attoPerNano + Int128(atto("\($0)_atto")))
            })
    }
}
