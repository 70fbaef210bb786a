import Foundation

/// The non-token columns of a LiteLLM spend-log row.
extension LiteLLMSpendLogImporter {
    /// A JSON object column that LiteLLM writes either as an object or as a JSON string
    /// (`metadata`, `request_tags`); `nil` when absent, `null` or empty.
    ///
    /// - Parameter owner: receives the separate document a string column is parsed into; keep it
    ///   alive while the returned value is used (values do not retain their document).
    /// - Throws: ``IngestIssue`` (`invalid_value`) naming `field` when the string is not JSON.
    static func object(_ value: JSONValue?, field: String, owner: inout JSONDocument?) throws(IngestIssue)
        -> JSONValue?
    {
        guard let value, !value.isNull else { return nil }
        guard let text = value.string else { return value }
        if text.isEmpty { return nil }
        do {
            // A separate document: values of the record's own document stay valid.
            let document = JSONDocument()
            owner = document
            return try document.parse(text)
        } catch {
            throw IngestIssue(.invalidValue, field: field, "not valid JSON: \(error)")
        }
    }

    /// A time column: RFC 3339 text (LiteLLM writes `2025-03-01T12:00:00.123000Z` or without a
    /// zone, meaning UTC) or a Unix epoch number.
    static func date(_ value: JSONValue?, field: String) throws(IngestIssue) -> Date? {
        guard let value, !value.isNull else { return nil }
        if let text = value.string {
            if text.isEmpty { return nil }
            if let date = Timestamp.parse(text) { return date }
        } else if value.kind == .number, let number = value.double {
            return Timestamp.fromEpoch(number)
        }
        throw IngestIssue(.invalidValue, field: field, "not an RFC 3339 time or Unix epoch number: \(value.jsonText)")
    }

    /// The provider: `custom_llm_provider`, else the prefix of a `provider/model` name, else the
    /// default provider, else `unknown`.
    static func provider(_ record: JSONValue, model: String, default fallback: String?) -> String {
        if let provider = record["custom_llm_provider"]?.string, !provider.isEmpty { return provider }
        if let slash = model.firstIndex(of: "/"), slash != model.startIndex { return String(model[..<slash]) }
        return fallback ?? "unknown"
    }

    /// The operation for a LiteLLM `call_type`: the async `a…` forms are the same operation,
    /// `completion` is `chat`, `embedding` stays `embedding`, and others pass through.
    static func operation(_ callType: String) -> String {
        let known = [
            "completion", "text_completion", "embedding", "image_generation", "responses", "transcription",
            "speech", "moderation", "rerank",
        ]
        var name = callType
        if name.hasPrefix("a"), known.contains(String(name.dropFirst())) { name.removeFirst() }
        switch name {
        case "completion": return "chat"
        case "anthropic_messages": return "messages"
        default: return name
        }
    }

    /// The row's attribution and tags (see ``read(_:context:into:)``).
    static func attribution(_ record: JSONValue, metadata: JSONValue?) throws(IngestIssue) -> Attribution {
        func text(_ value: JSONValue?) -> String? {
            guard let text = value?.scalarText, !text.isEmpty else { return nil }
            return text
        }
        var attribution = Attribution()
        attribution.user = text(record["user"]) ?? text(metadata?["user_api_key_user_id"])
        let teamID = text(record["team_id"]) ?? text(metadata?["user_api_key_team_id"])
        attribution.team = text(metadata?["user_api_key_team_alias"]) ?? teamID
        attribution.org = text(metadata?["user_api_key_org_id"])
        let tagColumns: [(String, JSONValue?)] = [
            ("end_user", record["end_user"]), ("api_key", record["api_key"]),
            ("api_key_alias", metadata?["user_api_key_alias"]), ("model_group", record["model_group"]),
            ("model_id", record["model_id"]),
            ("api_base", record["api_base"]),
        ]
        for (tag, value) in tagColumns {
            if let value = text(value) { attribution.tags[tag] = value }
        }
        if let teamID, attribution.team != teamID {
            attribution.tags["team_id"] = teamID
        }
        if let spend = record["spend"]?.decimalText { attribution.tags["litellm_spend"] = spend }
        if let hit = record["cache_hit"]?.scalarText?.lowercased(), hit == "true" {
            attribution.tags["litellm_cache_hit"] = "true"
        }
        var tagsOwner: JSONDocument?
        defer { withExtendedLifetime(tagsOwner) {} }
        if let tags = try object(record["request_tags"], field: "request_tags", owner: &tagsOwner) {
            let names = tags.elements.compactMap { $0.scalarText }
            if !names.isEmpty { attribution.tags["request_tags"] = names.joined(separator: ",") }
        }
        for (key, value) in metadata?["spend_logs_metadata"]?.members ?? [] {
            if let value = value.scalarText { attribution.tags[key] = value }
        }
        return attribution
    }
}
