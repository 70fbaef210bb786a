import Foundation

/// Reads a generic usage CSV with a header, one event a row, by mapping its columns to fields.
///
/// Columns are found by their usual names, case-insensitively (``defaultColumns``), or by
/// ``ImportOptions/csvColumns``: our field name (or one of its usual column names) → the file's
/// column, e.g. `["input": "PromptTok"]`. A key that names no field maps a column to a tag.
///
/// Token columns (no double counting):
/// - `input_tokens` is the **uncached** input `I`. If the file has no input column but a
///   `prompt_tokens` one, that is the **whole** prompt, OpenAI-style: `I = prompt − C − W − R`.
/// - `output_tokens` is the **visible** output `O`. If the file has no output column but a
///   `completion_tokens` one, that includes reasoning, OpenAI-style: `O = completion − H`.
/// - `cache_write_tokens` is all cache writes `W`; `cache_write_1h_tokens` is the 1-hour part of
///   it (alone, it is all of `W`).
///
/// A row with no model takes ``ImportOptions/defaultModel`` or is an issue; the provider defaults
/// to ``ImportOptions/defaultProvider`` or `unknown`; a row with no id gets
/// ``RecordContext/lineQualifiedHashID``. Every issue names the file's column.
public struct MappedCSVImporter: CSVUsageImporter {
    /// Our field names and the column names recognised for each, in order of preference.
    public static let defaultColumns: [(field: String, names: [String])] = [
        ("id", ["id", "request_id", "event_id"]),
        ("timestamp", ["timestamp", "time", "date", "datetime", "start_time", "created_at"]),
        ("provider", ["provider"]), ("model", ["model", "model_name"]),
        ("operation", ["operation", "call_type"]), ("service_tier", ["service_tier", "tier"]),
        ("input", ["input_tokens", "uncached_input_tokens"]), ("prompt", ["prompt_tokens"]),
        ("cache_read", ["cached_tokens", "cache_read_tokens", "cache_read_input_tokens"]),
        ("cache_write", ["cache_write_tokens", "cache_creation_tokens", "cache_creation_input_tokens"]),
        ("cache_write_1h", ["cache_write_1h_tokens"]), ("retrieval", ["retrieval_tokens"]),
        ("output", ["output_tokens"]), ("completion", ["completion_tokens"]), ("reasoning", ["reasoning_tokens"]),
        ("org", ["org", "organization"]), ("project", ["project"]), ("team", ["team"]), ("user", ["user"]),
        ("application", ["application", "app"]), ("workflow", ["workflow"]), ("step", ["step"]),
        ("trace_id", ["trace_id"]), ("span_id", ["span_id"]), ("parent_span_id", ["parent_span_id"]),
        ("success", ["success"]), ("quality", ["quality"]), ("value_usd", ["value_usd"]),
        ("duration_s", ["duration_s", "duration"]), ("ttft_s", ["ttft_s"]),
    ]

    /// The fields that hold token counts; a header must map at least one.
    public static let tokenFields = [
        "input", "prompt", "cache_read", "cache_write", "cache_write_1h", "retrieval", "output", "completion",
        "reasoning",
    ]

    /// Always ``SourceFormat/csv``.
    public var format: SourceFormat { .csv }

    /// The resolved mapping: field → (column index, column name as in the header).
    public let columns: [String: (index: Int, name: String)]
    /// Columns mapped to tags by ``ImportOptions/csvColumns``: tag → (index, column name).
    let tagColumns: [String: (index: Int, name: String)]
    let options: ImportOptions

    /// Maps a header.
    ///
    /// - Parameters:
    ///   - header: the column names of the file.
    ///   - options: the column overrides, default model and provider.
    /// - Throws: ``IngestIssue`` (`unknown_format`) when an override names a column the header
    ///   lacks, or when no token column is found (the message lists the names looked for).
    public init(header: [String], options: ImportOptions) throws(IngestIssue) {
        var position: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            if position[key] == nil { position[key] = index }
        }
        func column(_ name: String) -> (index: Int, name: String)? {
            position[name.lowercased()].map { ($0, header[$0].trimmingCharacters(in: .whitespaces)) }
        }
        var columns: [String: (index: Int, name: String)] = [:]
        var tags: [String: (index: Int, name: String)] = [:]
        for (key, name) in options.csvColumns.sorted(by: { $0.key < $1.key }) {
            guard let found = column(name) else {
                throw IngestIssue(
                    .unknownFormat, field: name, "column '\(name)' mapped to '\(key)' is not in the header \(header)")
            }
            let lowered = key.lowercased()
            if let field = Self.defaultColumns.first(where: { $0.field == lowered || $0.names.contains(lowered) }) {
                columns[field.field] = found
            } else {
                tags[key] = found
            }
        }
        for (field, names) in Self.defaultColumns where columns[field] == nil {
            if let found = names.lazy.compactMap(column).first { columns[field] = found }
        }
        guard Self.tokenFields.contains(where: { columns[$0] != nil }) else {
            let looked = Self.defaultColumns.filter { Self.tokenFields.contains($0.field) }.flatMap(\.names)
            throw IngestIssue(
                .unknownFormat,
                "no token column in the CSV header \(header): looked for \(looked.joined(separator: ", "))"
                    + " (map one with a column option, e.g. input=YourColumn)")
        }
        self.columns = columns
        self.tagColumns = tags
        self.options = options
    }

    /// Appends the event of one data row.
    ///
    /// - Throws: ``IngestIssue`` naming the column at fault (or `model` when no model is known).
    public mutating func read(_ fields: [Substring], context: RecordContext, into events: inout UsageEvents)
        throws(IngestIssue)
    {
        let row = Row(fields: fields, columns: columns)
        guard let model = row.text("model") ?? options.defaultModel else {
            throw IngestIssue(
                .missingField, field: "model", "the row names no model: add a model column or use --model")
        }
        var event = UsageEvent(
            id: row.text("id") ?? context.lineQualifiedHashID,
            provider: row.text("provider") ?? options.defaultProvider ?? "unknown", model: model,
            operation: row.text("operation") ?? "chat")
        event.tokens = try row.tokens()
        if let tierName = row.text("service_tier") {
            guard let tier = ServiceTier(providerName: tierName) else {
                throw IngestIssue(.invalidValue, field: row.name("service_tier"), "unknown service tier '\(tierName)'")
            }
            event.serviceTier = tier
        }
        if let cell = row.cell("timestamp") { event.timestamp = try CSVField.date(cell, column: row.name("timestamp")) }
        if let cell = row.cell("duration_s") {
            event.timing.duration = try CSVField.double(cell, column: row.name("duration_s"))
        }
        if let cell = row.cell("ttft_s") {
            event.timing.timeToFirstToken = try CSVField.double(cell, column: row.name("ttft_s"))
        }
        for key in Attribution.keyNames {
            if let value = row.text(key) { event.attribution[key] = value }
        }
        for (tag, column) in tagColumns where column.index < fields.count {
            let value = fields[column.index].trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { event.attribution.tags[tag] = value }
        }
        event.outcome = try row.outcome()
        events.append(event)
    }
}
