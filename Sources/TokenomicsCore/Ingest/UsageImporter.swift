/// An importer for one JSON source format: recognises a record and turns it into usage events.
///
/// Importers are values that may keep state across the records of one stream (the Mooncake
/// trace remembers which prefix blocks it has seen). One instance reads one stream.
public protocol JSONUsageImporter: Sendable {
    /// The format this importer reads.
    var format: SourceFormat { get }

    /// Whether `record` looks like this format. Must be cheap: it runs on every line until a
    /// format is found, and it must not match another importer's records.
    func matches(_ record: JSONValue) -> Bool

    /// Appends the events in `record` to `events`.
    ///
    /// - Throws: ``IngestIssue`` naming the field at fault; nothing is appended then.
    mutating func read(_ record: JSONValue, context: RecordContext, into events: inout UsageEvents)
        throws(IngestIssue)

    /// Appends the events in `record` if it is in this format (see ``matches(_:)``).
    ///
    /// One call for a reader to ask and read, so that the importer is not copied out of its list
    /// to be asked, and may look at the record once for both. The default asks ``matches(_:)``,
    /// then reads.
    ///
    /// - Returns: whether the record matched.
    /// - Throws: ``IngestIssue`` naming the field at fault; nothing is appended then.
    mutating func read(ifMatching record: JSONValue, context: RecordContext, into events: inout UsageEvents)
        throws(IngestIssue) -> Bool
}

extension JSONUsageImporter {
    /// ``matches(_:)``, then ``read(_:context:into:)``.
    public mutating func read(
        ifMatching record: JSONValue, context: RecordContext, into events: inout UsageEvents
    ) throws(IngestIssue) -> Bool {
        guard matches(record) else { return false }
        try read(record, context: context, into: &events)
        return true
    }
}

/// An importer for one CSV source format, chosen once per file from its header.
public protocol CSVUsageImporter: Sendable {
    /// The format this importer reads.
    var format: SourceFormat { get }

    /// Appends the event in one data row to `events`.
    ///
    /// - Parameter fields: the row's fields, in header order.
    /// - Throws: ``IngestIssue`` naming the column at fault.
    mutating func read(_ fields: [Substring], context: RecordContext, into events: inout UsageEvents)
        throws(IngestIssue)
}

/// The source formats Tokenomics reads.
public enum SourceFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case openAIChat = "openai_chat"
    case openAIResponses = "openai_responses"
    case openAIBatch = "openai_batch"
    case anthropicMessages = "anthropic_messages"
    case geminiGenerateContent = "gemini_generate_content"
    case bedrockConverse = "bedrock_converse"
    case otlpGenAI = "otlp_genai"
    case liteLLMSpendLog = "litellm_spend_log"
    case nativeEvent = "tokenomics_event"
    case mooncakeTrace = "mooncake_trace"
    case csv = "csv"
    case azureTrace = "azure_trace"
}
