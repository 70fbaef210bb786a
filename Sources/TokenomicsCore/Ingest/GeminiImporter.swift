import Foundation

/// Reads Gemini `generateContent` responses (Gemini API and Vertex AI): records with `usageMetadata`.
///
/// The mapping (FRAMEWORK.md §1): `promptTokenCount` *includes* the cached content and
/// `candidatesTokenCount` *excludes* thoughts, so
/// - `I = promptTokenCount − cachedContentTokenCount − uncached audio/image prompt tokens + toolUsePromptTokenCount`
/// - `C = cachedContentTokenCount`, `H = thoughtsTokenCount`
/// - `O = candidatesTokenCount − audio/image candidate tokens`
///
/// Audio and image tokens named in `promptTokensDetails` / `candidatesTokensDetails` move to
/// ``ModalityCounts`` (prompt media less the media in `cacheTokensDetails`, which stays in `C`).
/// Video and document tokens stay in `I`: Gemini prices them as text. Each entry of
/// `candidates[].groundingMetadata.webSearchQueries` counts as a web-search query.
public struct GeminiImporter: JSONUsageImporter {
    /// ``SourceFormat/geminiGenerateContent``.
    public var format: SourceFormat { .geminiGenerateContent }

    /// Creates the importer.
    public init() {}

    /// Whether `record` has a `usageMetadata` object.
    public func matches(_ record: JSONValue) -> Bool {
        record["usageMetadata"]?.kind == .object
    }

    /// Appends the event of one response.
    ///
    /// - Throws: ``IngestIssue`` for a missing or invalid count or model, or media counts above their total.
    public func read(_ record: JSONValue, context: RecordContext, into events: inout UsageEvents)
        throws(IngestIssue)
    {
        guard let usage = record["usageMetadata"] else {
            throw IngestIssue(.missingField, field: "usageMetadata", "a response without usage cannot be priced")
        }
        // Gemini leaves out zero counts (proto3 JSON); only the prompt count is always present.
        let prompt = try usage.requiredCount("promptTokenCount", path: "usageMetadata.promptTokenCount")
        let cached = try usage.count("cachedContentTokenCount", path: "usageMetadata.cachedContentTokenCount") ?? 0
        let candidates = try usage.count("candidatesTokenCount", path: "usageMetadata.candidatesTokenCount") ?? 0
        let thoughts = try usage.count("thoughtsTokenCount", path: "usageMetadata.thoughtsTokenCount") ?? 0
        let toolUse = try usage.count("toolUsePromptTokenCount", path: "usageMetadata.toolUsePromptTokenCount") ?? 0

        let promptMedia = try Self.media(usage["promptTokensDetails"], path: "usageMetadata.promptTokensDetails")
        let cachedMedia = try Self.media(usage["cacheTokensDetails"], path: "usageMetadata.cacheTokensDetails")
        let outputMedia = try Self.media(
            usage["candidatesTokensDetails"], path: "usageMetadata.candidatesTokensDetails")
        let audioIn = max(0, promptMedia.audio - cachedMedia.audio)
        let imageIn = max(0, promptMedia.image - cachedMedia.image)

        let uncached = try CountSplit.remainder(
            prompt, minus: cached, partPath: "usageMetadata.cachedContentTokenCount",
            wholePath: "usageMetadata.promptTokenCount")
        let input = try CountSplit.remainder(
            uncached, minus: audioIn + imageIn, partPath: "usageMetadata.promptTokensDetails",
            wholePath: "usageMetadata.promptTokenCount less cachedContentTokenCount")
        let output = try CountSplit.remainder(
            candidates, minus: outputMedia.audio + outputMedia.image, partPath: "usageMetadata.candidatesTokensDetails",
            wholePath: "usageMetadata.candidatesTokenCount")

        var event = UsageEvent(
            id: record["responseId"]?.scalarText ?? context.contentHashID,
            timestamp: try record.date("createTime", path: "createTime"),
            provider: record["provider"]?.string ?? "gemini",
            model: try record.model("modelVersion", path: "modelVersion", context: context),
            operation: "generate_content",
            tokens: TokenCounts(input: input + toolUse, cacheRead: cached, output: output, reasoning: thoughts))
        event.modality.audioInputTokens = audioIn
        event.modality.imageInputTokens = imageIn
        event.modality.audioOutputTokens = outputMedia.audio
        event.modality.imageOutputTokens = outputMedia.image
        var searches: Int64 = 0
        for candidate in record["candidates"]?.elements ?? [] {
            if let queries = candidate["groundingMetadata", "webSearchQueries"], queries.kind == .array {
                searches += Int64(queries.elements.count)
            }
        }
        event.modality.webSearchQueries = searches
        events.append(event)
    }

    /// The audio and image token counts in a `[{modality, tokenCount}]` list (absent: zero).
    ///
    /// - Throws: ``IngestIssue`` for an invalid `tokenCount`.
    static func media(_ list: JSONValue?, path: String) throws(IngestIssue) -> (audio: Int64, image: Int64) {
        guard let list, list.kind == .array else { return (0, 0) }
        var audio: Int64 = 0
        var image: Int64 = 0
        for entry in list.elements {
            guard let modality = entry["modality"] else { continue }
            if modality.isString("AUDIO") {
                audio += try entry.count("tokenCount", path: path + ".tokenCount") ?? 0
            } else if modality.isString("IMAGE") {
                image += try entry.count("tokenCount", path: path + ".tokenCount") ?? 0
            } else {
                _ = try entry.count("tokenCount", path: path + ".tokenCount")
            }
        }
        return (audio, image)
    }
}
