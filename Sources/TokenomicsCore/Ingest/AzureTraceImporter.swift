import Foundation

/// Reads the Azure LLM inference trace (Patel et al., *Splitwise*, ISCA 2024): a CSV with the
/// exact header `TIMESTAMP,ContextTokens,GeneratedTokens` and one request a row.
///
/// Mapping:
/// - `TIMESTAMP` (`2023-11-16 18:15:46.6805900`, no zone: UTC) → ``UsageEvent/timestamp``.
/// - `ContextTokens` → uncached input `I` (the trace says nothing about caching).
/// - `GeneratedTokens` → visible output `O` (nor about reasoning).
/// - The trace names no model: ``ImportOptions/defaultModel`` is required, the provider is
///   ``ImportOptions/defaultProvider`` or `unknown`, and the operation is `chat`.
/// - The id is ``RecordContext/lineQualifiedHashID``: the trace holds identical rows (same
///   instant, same lengths) that are distinct requests, so the line number is part of the hash.
///   The same file read again gives the same ids.
public struct AzureTraceImporter: CSVUsageImporter {
    /// The header that identifies the trace, column for column.
    public static let header = ["TIMESTAMP", "ContextTokens", "GeneratedTokens"]

    /// Always ``SourceFormat/azureTrace``.
    public var format: SourceFormat { .azureTrace }

    private let model: String?
    private let provider: String

    /// Creates an importer for one trace file.
    ///
    /// - Parameter options: supplies the model (required to read rows) and the provider.
    public init(options: ImportOptions) {
        self.model = options.defaultModel
        self.provider = options.defaultProvider ?? "unknown"
    }

    /// Whether a CSV header is the Azure trace's (surrounding spaces ignored).
    public static func matches(header: [String]) -> Bool {
        header.map { $0.trimmingCharacters(in: .whitespaces) } == Self.header
    }

    /// Appends the request of one trace row.
    ///
    /// - Throws: ``IngestIssue`` when no model was given, the row does not have three fields, the
    ///   time is not a date, or a count is not a valid token count (naming the column).
    public mutating func read(_ fields: [Substring], context: RecordContext, into events: inout UsageEvents)
        throws(IngestIssue)
    {
        guard let model else {
            throw IngestIssue(.missingField, field: "model", "the Azure trace names no model: use --model")
        }
        guard fields.count == 3 else {
            throw IngestIssue(
                .malformed, "expected 3 fields (TIMESTAMP,ContextTokens,GeneratedTokens), found \(fields.count)")
        }
        guard let timestamp = try CSVField.date(fields[0], column: "TIMESTAMP") else {
            throw IngestIssue(.missingField, field: "TIMESTAMP", "the request time is empty")
        }
        guard let contextTokens = try CSVField.count(fields[1], column: "ContextTokens") else {
            throw IngestIssue(.missingField, field: "ContextTokens", "the prompt length is empty")
        }
        guard let generated = try CSVField.count(fields[2], column: "GeneratedTokens") else {
            throw IngestIssue(.missingField, field: "GeneratedTokens", "the output length is empty")
        }
        events.append(
            UsageEvent(
                id: context.lineQualifiedHashID, timestamp: timestamp, provider: provider, model: model,
                operation: "chat", tokens: TokenCounts(input: contextTokens, output: generated)))
    }
}
