import Foundation
import TokenomicsCore

/// The SQL of a spend query, shared by both backends: from the rollups when they hold every
/// dimension and the range is whole hours, else from the events (same sums, exact bounds).
extension LedgerSchema {
    /// A parameter of a spend query.
    enum Parameter: Sendable, Hashable {
        case text(String)
        case integer(Int64)
    }

    /// A spend query: its SQL and parameters, and how many key columns (`k0`, `k1`, …) it selects.
    struct SpendQuery: Sendable {
        var sql: String
        var parameters: [Parameter]
        /// Whether it reads the rollups (else the events).
        var readsRollups: Bool
    }

    /// The SQL of a spend query.
    ///
    /// - Parameters:
    ///   - dimensions: the group keys.
    ///   - since: the first instant included.
    ///   - until: the first instant excluded.
    ///   - grain: whether to split by hour or day (selected as `hour`: the hour, or the day's first).
    ///   - placeholder: the n-th parameter's text (`?` or `$n`).
    ///   - tag: the SQL reading a tag from a `tags` column expression, given the placeholder of
    ///     the tag's name or JSON path.
    ///   - tagParameter: the parameter text naming a tag.
    ///   - sum: the select item summing an expression as a sum column.
    static func spendQuery(
        _ dimensions: [LedgerGroupKey], since: Date?, until: Date?, grain: RollupGrain, placeholder: (Int) -> String,
        tag: (_ tags: String, _ placeholder: String) -> String, tagParameter: (String) -> String,
        sum: (_ expression: String, _ column: String) -> String = { "SUM(\($0)) AS \($1)" }
    ) -> SpendQuery {
        let hours = hourRange(since: since, until: until)
        let wholeHours =
            since.map { date(hour: hour($0)) == $0 } ?? true && until.map { date(hour: hour($0)) == $0 } ?? true
        let fromRollups = wholeHours && grain != .fiveMinutes && dimensions.allSatisfy { $0.rollupColumn != nil }
        // The daily rollups hold the same sums in a 24th of the rows: used when the range is whole
        // days and no hourly split is asked for.
        let wholeDays =
            since.map { date(hour: day(hour($0))) == $0 } ?? true
            && until.map { date(hour: day(hour($0))) == $0 } ?? true
        let table = fromRollups ? (wholeDays && grain != .hour ? dailyRollupsTable : "rollups") : "events"
        var parameters: [Parameter] = []
        func next(_ parameter: Parameter) -> String {
            parameters.append(parameter)
            return placeholder(parameters.count)
        }
        var select: [String] = []
        for (index, dimension) in dimensions.enumerated() {
            let expression: String
            if case .tag(let name) = dimension {
                expression = tag("tags", next(.text(tagParameter(name))))
            } else if fromRollups, let column = dimension.rollupColumn {
                expression = column == "long_context_threshold" ? "CAST(\(column) AS TEXT)" : column
            } else {
                expression = eventColumn(dimension)
            }
            select.append("\(expression) AS k\(index)")
        }
        var conditions: [String] = []
        if fromRollups {
            switch grain {
            case .total: break
            case .hour: select.append("hour")
            case .day: select.append(table == dailyRollupsTable ? "hour" : "\(dayExpression("hour")) AS hour")
            case .fiveMinutes: break  // never from rollups
            }
            if hours.from != nil || hours.to != nil { conditions.append("hour <> \(next(.integer(noHour)))") }
            if let from = hours.from { conditions.append("hour >= \(next(.integer(from)))") }
            if let to = hours.to { conditions.append("hour < \(next(.integer(to)))") }
            select += rollupSumColumns.map { sum($0, $0) }
        } else {
            switch grain {
            case .total: break
            case .hour: select.append("(ts_us / 3600000000) AS hour")
            case .day: select.append("\(dayExpression("(ts_us / 3600000000)")) AS hour")
            case .fiveMinutes: select.append("(ts_us / 300000000) AS hour")
            }
            if let since { conditions.append("ts_us >= \(next(.integer(microseconds(since))))") }
            if let until { conditions.append("ts_us < \(next(.integer(microseconds(until))))") }
            select += zip(rollupSumColumns, eventSumExpressions).map { sum($1, $0) }
        }
        let groupBy = (0..<dimensions.count).map { "k\($0)" } + (grain == .total ? [] : ["hour"])
        let sql =
            "SELECT \(select.joined(separator: ", ")) FROM \(table)"
            + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            + (groupBy.isEmpty ? "" : " GROUP BY " + groupBy.joined(separator: ", "))
        return SpendQuery(sql: sql, parameters: parameters, readsRollups: fromRollups)
    }

    /// SQL giving the first hour of the UTC day of an hour number (hours before 1970 included).
    static func dayExpression(_ hour: String) -> String {
        "(\(hour) - ((\(hour) % 24) + 24) % 24)"
    }

    /// The first hour of the UTC day that holds an hour (``noHour`` stays itself).
    static func day(_ hour: Int64) -> Int64 {
        hour == noHour ? noHour : hour - ((hour % 24) + 24) % 24
    }

    /// The events column (as text) of a dimension other than one tag.
    static func eventColumn(_ dimension: LedgerGroupKey) -> String {
        switch dimension {
        case .provider: "provider"
        case .model: "model"
        case .pricedModel: "priced_model"
        case .serviceTier: "priced_tier"
        case .catalogVersion: "catalog_version"
        case .longContextThreshold: "CAST(long_context_threshold AS TEXT)"
        case .attribution(let key): attributionColumns[key.rawValue]
        case .tag, .tags: "tags"
        }
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
