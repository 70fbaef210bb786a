import Foundation

/// The attributes of an OTLP/JSON resource or span (`[{"key": …, "value": {"intValue": "12"}}]`),
/// by key, with typed reads of their `AnyValue`s.
///
/// OTLP/JSON writes 64-bit integers as strings (`{"intValue": "123"}`); numbers are accepted too,
/// and so are `stringValue`, `doubleValue` and `boolValue`.
///
/// Attribution read from them (span attributes win over resource attributes):
/// - `service.name` → application (`tokenomics.application` overrides it);
/// - `user.id`, `enduser.id` → user; `team`, `tokenomics.team` → team; likewise `org`,
///   `project`, `workflow`, `step`, with or without the `tokenomics.` prefix;
/// - `gen_ai.agent.name` → tag `agent`, `gen_ai.conversation.id` → tag `conversation_id`,
///   `deployment.environment(.name)` → tag `environment`, `tokenomics.tag.<k>` → tag `<k>`.
struct OTLPAttributes {
    private var values: [String: JSONValue] = [:]

    /// Collects the attributes of an `attributes` array (absent: none).
    init(_ list: JSONValue?) {
        for attribute in list?.elements ?? [] {
            guard let key = attribute["key"]?.string, let value = attribute["value"] else { continue }
            values[key] = value
        }
    }

    /// Whether any `gen_ai.usage.` attribute is present.
    var hasGenAIUsage: Bool { values.keys.contains { $0.hasPrefix("gen_ai.usage.") } }

    /// The scalar inside an `AnyValue`, whichever of its typed members holds it.
    private func scalar(_ key: String) -> JSONValue? {
        guard let value = values[key] else { return nil }
        for member in ["stringValue", "intValue", "doubleValue", "boolValue"] {
            if let inner = value[member], !inner.isNull { return inner }
        }
        return value.kind == .object ? nil : value
    }

    /// The attribute as text (numbers and booleans as written), or `nil`; empty text is `nil`.
    func string(_ key: String) -> String? {
        guard let text = scalar(key)?.scalarText, !text.isEmpty else { return nil }
        return text
    }

    /// The attribute as a number, or `nil`.
    func double(_ key: String) -> Double? { scalar(key)?.double }

    /// The attribute as a token count, or `nil` when absent.
    ///
    /// - Throws: ``IngestIssue`` naming the attribute key for a bad count.
    func count(_ key: String) throws(IngestIssue) -> Int64? {
        guard values[key] != nil else { return nil }
        guard let value = scalar(key) else {
            throw IngestIssue(.invalidValue, field: key, "expected a token count, found an empty value")
        }
        return try value.countValue(path: key)
    }

    /// The attribution of a span from its resource's and its own attributes.
    static func attribution(resource: OTLPAttributes, span: OTLPAttributes) -> Attribution {
        var attribution = Attribution()
        for source in [resource, span] {
            source.apply(to: &attribution)
        }
        return attribution
    }

    private func apply(to attribution: inout Attribution) {
        if let service = string("service.name") { attribution.application = service }
        for key in ["enduser.id", "user.id", "tokenomics.user"] {
            if let user = string(key) { attribution.user = user }
        }
        for name in ["org", "project", "team", "application", "workflow", "step"] {
            for key in [name, "tokenomics." + name] {
                if let value = string(key) { attribution[name] = value }
            }
        }
        let tags = [
            ("gen_ai.agent.name", "agent"), ("gen_ai.conversation.id", "conversation_id"),
            ("deployment.environment", "environment"), ("deployment.environment.name", "environment"),
        ]
        for (key, tag) in tags {
            if let value = string(key) { attribution.tags[tag] = value }
        }
        for (key, _) in values where key.hasPrefix("tokenomics.tag.") {
            if let value = string(key) { attribution.tags[String(key.dropFirst("tokenomics.tag.".count))] = value }
        }
    }
}
