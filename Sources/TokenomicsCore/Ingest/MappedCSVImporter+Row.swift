import Foundation

extension MappedCSVImporter {
    /// One data row seen through the resolved column mapping.
    struct Row {
        let fields: [Substring]
        let columns: [String: (index: Int, name: String)]

        /// The cell of a field, or `nil` when the column is not mapped or the row is short.
        func cell(_ field: String) -> Substring? {
            guard let column = columns[field], column.index < fields.count else { return nil }
            return fields[column.index]
        }

        /// The file's name for a field's column (the field name when unmapped).
        func name(_ field: String) -> String { columns[field]?.name ?? field }

        /// The trimmed text of a field's cell, `nil` when absent or empty.
        func text(_ field: String) -> String? {
            guard let cell = cell(field) else { return nil }
            let text = cell.trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }

        /// The count in a field's cell, or `nil`.
        func count(_ field: String) throws(IngestIssue) -> Int64? {
            guard let cell = cell(field) else { return nil }
            return try CSVField.count(cell, column: name(field))
        }

        /// The six classes of the row (see ``MappedCSVImporter`` for the prompt and completion rules).
        func tokens() throws(IngestIssue) -> TokenCounts {
            let cacheRead = try count("cache_read") ?? 0
            let cacheWrite1h = try count("cache_write_1h") ?? 0
            let cacheWrite = try count("cache_write") ?? cacheWrite1h
            let retrieval = try count("retrieval") ?? 0
            let reasoning = try count("reasoning") ?? 0
            guard cacheWrite1h <= cacheWrite else {
                throw IngestIssue(
                    .invalidValue, field: name("cache_write_1h"),
                    "1-hour cache writes (\(cacheWrite1h)) exceed the cache writes in \(name("cache_write")) (\(cacheWrite))"
                )
            }
            var input: Int64 = 0
            if let uncached = try count("input") {
                input = uncached
            } else if let prompt = try count("prompt") {
                input = prompt - cacheRead - cacheWrite - retrieval
                guard input >= 0 else {
                    throw IngestIssue(
                        .invalidValue, field: name("prompt"),
                        "prompt tokens (\(prompt)) are fewer than the cached, cache-write and retrieval tokens"
                            + " they include (\(cacheRead + cacheWrite + retrieval))")
                }
            }
            var output: Int64 = 0
            if let visible = try count("output") {
                output = visible
            } else if let completion = try count("completion") {
                output = completion - reasoning
                guard output >= 0 else {
                    throw IngestIssue(
                        .invalidValue, field: name("completion"),
                        "completion tokens (\(completion)) are fewer than the reasoning tokens they include (\(reasoning))"
                    )
                }
            }
            return TokenCounts(
                input: input, cacheRead: cacheRead, cacheWrite5m: cacheWrite - cacheWrite1h, cacheWrite1h: cacheWrite1h,
                retrieval: retrieval, output: output, reasoning: reasoning)
        }

        /// The outcome columns, or `nil` when the row has none.
        func outcome() throws(IngestIssue) -> Outcome? {
            var outcome = Outcome()
            if let cell = cell("success") { outcome.success = try CSVField.bool(cell, column: name("success")) }
            if let cell = cell("quality") { outcome.quality = try CSVField.double(cell, column: name("quality")) }
            if let text = text("value_usd") {
                guard let value = Money(decimal: text, rounding: true) else {
                    throw IngestIssue(.invalidValue, field: name("value_usd"), "not a decimal amount: '\(text)'")
                }
                outcome.valueUSD = value
            }
            return outcome == Outcome() ? nil : outcome
        }
    }
}
