import Foundation
import TokenomicsCore

/// The hourly rollups table, kept up to date at ingest: one row per hour and ``EventKey`` (price
/// set and attribution down to the step, by its id in `event_keys`), holding the
/// ``TokenomicsCore/SpendSums`` of its events. A report adds up rollup rows instead of scanning
/// events.
///
/// Users and free tags are not in the key: there can be as many of them as events, and a rollup
/// that is as long as the events table saves nothing. A report by user or tag sums the events
/// themselves (see ``EventScan``).
extension LedgerSchema {
    /// The rollup key columns: the hour (``noHour`` for events without a timestamp) and the
    /// event key's id.
    static let rollupKeyColumns = ["hour", "key_id"]

    /// The columns of `event_keys` after its `key_id`, in ``EventKey`` order. None is NULL (a
    /// unique key must compare equal): a missing text is stored as `''`, a missing long-context
    /// threshold as -1.
    static let eventKeyColumns = [
        "provider", "model", "priced_model", "service_tier", "long_context_threshold", "catalog_version", "org",
        "project", "team", "application", "workflow", "step",
    ]

    /// The daily rollups table: the same columns, one row per UTC day (its `hour` is the day's
    /// first hour) and key.
    static let dailyRollupsTable = "rollups_daily"

    /// The hour stored for events without a timestamp.
    static let noHour = Int64.min

    /// The rollup count columns, in the order ``RollupSums`` binds them.
    static let rollupCountColumns = [
        "requests", "unpriced_requests", "input", "cache_read", "cache_write_5m", "cache_write_1h", "retrieval",
        "output", "reasoning", "reasoning_estimated", "audio_input", "audio_output", "image_input", "image_output",
        "images", "billed_requests", "web_search_queries", "outcomes", "accepted", "quality_count", "valued",
    ]

    /// The rollup money columns (each `NAME_nano`, `NAME_atto`): the cost, its parts, then the
    /// reasoning cost of estimated tokens, the cache baseline, and the outcome value.
    static let rollupAmountColumns =
        amountColumns + [
            "reasoning_estimated_cost", "cache_reads_at_input", "cache_writes_at_input", "cache_writes_1h",
        ]
        + ["outcome_value"]

    /// Every rollup sum column (counts, the quality sum, amounts), in bind order.
    static let rollupSumColumns =
        rollupCountColumns + ["quality_sum"] + rollupAmountColumns.flatMap { ["\($0)_nano", "\($0)_atto"] }

    /// The money columns added to events by the `v2-rollups` migration: the cache baseline, the
    /// reasoning cost of estimated tokens, and the outcome's value.
    static let v2EventAmountColumns = [
        "cache_reads_at_input", "cache_writes_at_input", "cache_writes_1h", "reasoning_estimated_cost",
        "outcome_value",
    ]

    /// The other columns added to events by `v2-rollups`, with their SQL type given the integer
    /// and floating-point type names: estimated reasoning tokens, and the outcome's acceptance
    /// (1, 0 or NULL) and quality.
    static func v2EventOtherColumns(integer: String, real: String) -> [(String, String)] {
        [("reasoning_estimated", integer), ("outcome_success", integer), ("outcome_quality", real)]
    }

    /// The definitions of the rollups table's columns, with `integer` as the 64-bit integer type
    /// and `real` as the floating-point type.
    static func rollupColumnDefinitions(integer: String, real: String) -> [String] {
        ["hour \(integer) NOT NULL", "key_id \(integer) NOT NULL"] + rollupSumDefinitions(integer: integer, real: real)
    }

    /// The definitions of the rollups table's sum columns.
    static func rollupSumDefinitions(integer: String, real: String) -> [String] {
        rollupCountColumns.map { "\($0) \(integer) NOT NULL" } + ["quality_sum \(real) NOT NULL"]
            + rollupAmountColumns.flatMap { ["\($0)_nano \(integer) NOT NULL", "\($0)_atto \(integer) NOT NULL"] }
    }

    /// `INSERT … ON CONFLICT (key) DO UPDATE` adding a row's sums to the stored ones, with
    /// `placeholders` giving the parameter text for the n-th column (`?` or `$n`).
    static func rollupUpsertSQL(table: String = "rollups", placeholder: (Int) -> String) -> String {
        let columns = rollupKeyColumns + rollupSumColumns
        let values = columns.indices.map { placeholder($0 + 1) }.joined(separator: ", ")
        let updates = rollupSumColumns.map { "\($0) = \(table).\($0) + excluded.\($0)" }.joined(separator: ", ")
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(values)) "
            + "ON CONFLICT (\(rollupKeyColumns.joined(separator: ", "))) DO UPDATE SET \(updates)"
    }

    /// The hours since 1970 of an instant (rounded down).
    static func hour(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / 3_600).rounded(.down))
    }

    /// The instant an hour number starts.
    static func date(hour: Int64) -> Date {
        Date(timeIntervalSince1970: Double(hour) * 3_600)
    }
}
