import Foundation
import TokenomicsCore

/// The ledger's tables, shared by every backend so that SQLite and PostgreSQL store the same
/// columns in the same order: the compact events table (``compactEventColumns(integer:blob:rowNumber:)``),
/// and the one-column-per-field events table of the migrations before `v4-compact-events`, which
/// the migrations still create and read.
enum LedgerSchema {
    /// The money columns of the events table, each stored as `NAME_nano` and `NAME_atto`: the
    /// total cost, then the parts of ``TokenomicsCore/CostBreakdown`` in its order.
    static let amountColumns = [
        "cost", "input_cost", "cache_read_cost", "cache_write_cost", "retrieval_cost", "output_cost",
        "reasoning_cost", "audio_cost", "image_cost", "requests_cost", "web_search_cost",
    ]

    /// The token columns, in the order of the sums in ``LedgerTotals/tokens``.
    static let tokenColumns = [
        "input", "cache_read", "cache_write_5m", "cache_write_1h", "retrieval", "output", "reasoning",
    ]

    /// The modality count columns, in ``TokenomicsCore/ModalityCounts`` order.
    static let modalityColumns = [
        "audio_input", "audio_output", "image_input", "image_output", "images", "requests", "web_search_queries",
    ]

    /// The columns of the named attribution keys, in ``TokenomicsCore/Attribution/Key`` order
    /// (`user` is a keyword in PostgreSQL, hence `user_name`).
    static let attributionColumns = [
        "org", "project", "team", "user_name", "application", "workflow", "step", "trace_id", "span_id",
        "parent_span_id",
    ]

    /// Every column of the events table, in the order the backends bind them: the `v1-events`
    /// columns, then those added by `v2-rollups` (amounts, then the others).
    static let eventColumns: [String] =
        v1EventColumns + v2EventAmountColumns.flatMap { ["\($0)_nano", "\($0)_atto"] }
        + v2EventOtherColumns(integer: "", real: "").map(\.0)

    /// The columns the `v1-events` migration created.
    static let v1EventColumns: [String] =
        ["id", "ts_us", "provider", "model", "priced_model", "operation", "service_tier"]
        + tokenColumns + ["estimated"] + modalityColumns
        + attributionColumns + ["tags", "timing", "outcome"]
        + ["catalog_version", "priced_tier", "long_context_threshold", "priced", "unpriced_reason"]
        + amountColumns.flatMap { ["\($0)_nano", "\($0)_atto"] }

    /// The definitions of the `v1-events` table's columns, with `integer` as the 64-bit integer type
    /// (`INTEGER` in SQLite, `BIGINT` in PostgreSQL).
    static func eventColumnDefinitions(integer: String) -> [String] {
        [
            "id TEXT PRIMARY KEY NOT NULL", "ts_us \(integer)", "provider TEXT NOT NULL", "model TEXT NOT NULL",
            "priced_model TEXT", "operation TEXT NOT NULL", "service_tier TEXT NOT NULL",
        ]
            + (tokenColumns + ["estimated"] + modalityColumns).map { "\($0) \(integer) NOT NULL" }
            + attributionColumns.map { "\($0) TEXT" } + ["tags TEXT", "timing TEXT", "outcome TEXT"]
            + [
                "catalog_version TEXT NOT NULL", "priced_tier TEXT NOT NULL", "long_context_threshold \(integer)",
                "priced \(integer) NOT NULL", "unpriced_reason TEXT",
            ]
            + amountColumns.flatMap { ["\($0)_nano \(integer)", "\($0)_atto \(integer)"] }
    }

    /// Microseconds since 1970, the stored form of a timestamp.
    static func microseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    /// The instant a stored timestamp stands for.
    static func date(microseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(microseconds) / 1_000_000)
    }

    /// The cost breakdown whose parts are read in the order of the schema's amount columns after
    /// the total (input, cache read, cache write, retrieval, output, reasoning, audio, image,
    /// requests, web search).
    static func breakdown(_ parts: ArraySlice<Money>) -> CostBreakdown {
        let parts = Array(parts)
        return CostBreakdown(
            input: parts[0], cacheRead: parts[1], cacheWrite: parts[2], retrieval: parts[3], output: parts[4],
            reasoning: parts[5], audio: parts[6], image: parts[7], requests: parts[8], webSearch: parts[9])
    }
}

extension LedgerSchema {
    /// The columns of the events table since `v4-compact-events`, with `integer` as the 64-bit
    /// integer type: a row number when `rowNumber` gives its definition (SQLite's rowid, in
    /// storage order), the id and its hash (unique; `NULL` for an id whose hash another id
    /// holds), the timestamp, the ``EventKey``'s id and the ``EventRecord``.
    static func compactEventColumns(integer: String, blob: String = "BLOB", rowNumber: String? = nil) -> String {
        let columns = [
            "id TEXT NOT NULL", "id_hash \(integer)", "ts_us \(integer)", "key_id \(integer) NOT NULL",
            "record \(blob) NOT NULL",
        ]
        return ((rowNumber.map { ["seq \($0)"] } ?? []) + columns).joined(separator: ", ")
    }
}

extension LedgerSchema {
    /// The rollup key columns of `v2-rollups` (before `v4-compact-events` keyed rollups by
    /// event key id): the hour and every event key column.
    static let legacyRollupKeyColumns = ["hour"] + eventKeyColumns

    /// The rollups table's columns as `v2-rollups` created them.
    static func legacyRollupColumnDefinitions(integer: String, real: String) -> [String] {
        ["hour \(integer) NOT NULL"]
            + eventKeyColumns.map {
                $0 == "long_context_threshold" ? "\($0) \(integer) NOT NULL" : "\($0) TEXT NOT NULL"
            }
            + rollupSumDefinitions(integer: integer, real: real)
    }
}
