import Foundation
import TokenomicsCore

/// The parts of a rollups query that both backends share: the hour range and reading rows back.
extension LedgerSchema {
    /// The hour range of `[since, until)`: since rounded down, until rounded up.
    static func hourRange(since: Date?, until: Date?) -> (from: Int64?, to: Int64?) {
        let from = since.map { hour($0) }
        let to = until.map { until -> Int64 in
            let start = hour(until)
            return date(hour: start) < until ? start + 1 : start
        }
        return (from, to)
    }

    /// The rollup columns of the dimensions, or a ledger error naming the first one rollups do
    /// not keep; a tag's column is `nil` (the caller reads it from `tags`).
    static func rollupColumns(_ dimensions: [LedgerGroupKey], location: String) throws -> [String?] {
        try dimensions.map { dimension in
            if case .tag = dimension { return nil }
            guard let column = dimension.rollupColumn else {
                throw LedgerError(
                    .unsupportedQuery, location: location,
                    "reports cannot group by \(dimension.name): trace and span ids are not kept in rollups")
            }
            return column
        }
    }

    /// The aggregate select list of a rollups query, after the dimension and hour columns.
    static let rollupSumSelect: String = rollupSumColumns.map { "SUM(\($0)) AS \($0)" }.joined(separator: ", ")

    /// A key value read back: `''` and a negative threshold stand for none.
    static func keyValue(_ text: String?) -> String? {
        guard let text, !text.isEmpty, text != "-1" else { return nil }
        return text
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
