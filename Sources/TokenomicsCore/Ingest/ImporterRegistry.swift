/// The formats Tokenomics recognises, in order of precedence.
///
/// Order matters only where one record could look like two formats: wrappers (OpenAI Batch
/// lines, OTLP exports) come before the responses they wrap.
public enum ImporterRegistry {
    /// A fresh importer of every JSON format, for one stream.
    public static func jsonImporters(options: ImportOptions) -> [any JSONUsageImporter] {
        var importers: [any JSONUsageImporter] = []
        // Wrappers, gateways and traces (OTLP exports and batch lines wrap provider records, so they come first).
        importers += [
            OTLPGenAIImporter(),
            OpenAIBatchImporter(),
            LiteLLMSpendLogImporter(),
            MooncakeTraceImporter(options: options),
        ]
        // Provider responses.
        importers += [
            OpenAIChatImporter(),
            OpenAIResponsesImporter(),
            AnthropicMessagesImporter(),
            GeminiImporter(),
            BedrockConverseImporter(),
        ]
        // Tokenomics' own events.
        importers.append(NativeEventImporter())
        return importers
    }

    /// The CSV importer for a header: the Azure trace by its exact header, else the mapped CSV importer.
    ///
    /// - Throws: ``IngestIssue`` when the header cannot be mapped to usage fields.
    public static func csvImporter(header: [String], options: ImportOptions) throws(IngestIssue)
        -> any CSVUsageImporter
    {
        if AzureTraceImporter.matches(header: header) { return AzureTraceImporter(options: options) }
        return try MappedCSVImporter(header: header, options: options)
    }
}
