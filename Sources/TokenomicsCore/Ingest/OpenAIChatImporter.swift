import Foundation

/// Reads OpenAI Chat Completions responses (`object: "chat.completion"`, streamed
/// `chat.completion.chunk`s that carry `usage`) and bare `{model, usage: {prompt_tokens, …}}`
/// records written by gateways and loggers.
///
/// The mapping (FRAMEWORK.md §1): `prompt_tokens` *includes* cached and audio tokens and
/// `completion_tokens` *includes* reasoning and audio tokens, so
/// - `I = prompt_tokens − prompt_tokens_details.cached_tokens − prompt_tokens_details.audio_tokens`
/// - `C = prompt_tokens_details.cached_tokens`
/// - `H = completion_tokens_details.reasoning_tokens`
/// - `O = completion_tokens − reasoning_tokens − completion_tokens_details.audio_tokens`
///
/// Audio tokens go to ``ModalityCounts``. Streamed chunks without usage (all but the last one
/// of a stream with `include_usage`) are recognised and skipped. This is the hot path of bulk
/// ingestion: it reads each object in one pass, builds no dictionaries, and creates only the id
/// string; the model and provider strings come from the stream's ``StringInterner``, the
/// attribution from its ``AttributionCache``, and the event is written in place over a recycled
/// one (``UsageEvents``).
public struct OpenAIChatImporter: JSONUsageImporter {
    /// ``SourceFormat/openAIChat``.
    public var format: SourceFormat { .openAIChat }

    /// Creates the importer.
    public init() {}

    /// Whether `record` is a chat completion (or chunk), or an object-less record with
    /// `usage.prompt_tokens` and `model`.
    public func matches(_ record: JSONValue) -> Bool {
        Members(of: record).areChatCompletion
    }

    /// Appends the event of one completion; a stream chunk without usage appends nothing.
    ///
    /// - Throws: ``IngestIssue`` for a missing or invalid count, model, time or tier.
    public func read(_ record: JSONValue, context: RecordContext, into events: inout UsageEvents)
        throws(IngestIssue)
    {
        try read(Members(of: record), into: &events, context: context)
    }

    /// Reads `record` if it is a chat completion, finding its members once for both.
    public func read(ifMatching record: JSONValue, context: RecordContext, into events: inout UsageEvents)
        throws(IngestIssue) -> Bool
    {
        let members = Members(of: record)
        guard members.areChatCompletion else { return false }
        try read(members, into: &events, context: context)
        return true
    }

    /// ``read(_:context:into:)`` of a record whose members have been found.
    @inline(__always)
    private func read(_ members: Members, into events: inout UsageEvents, context: RecordContext)
        throws(IngestIssue)
    {
        guard let usage = members.usage, !usage.isNull else {
            // Every chunk of a stream but the last carries `"usage": null` (or nothing): no usage to record.
            if members.object?.isString("chat.completion.chunk") == true { return }
            throw IngestIssue(.missingField, field: "usage", "a chat completion without usage cannot be priced")
        }
        try Self.read(members, usage: usage, context: context, into: &events)
    }

    /// The members of a chat completion that its event is read from, found in one pass over the
    /// record rather than a lookup per field: this is the bulk-ingest hot path.
    struct Members {
        /// The record. Its members' values are kept as tape positions (-1 when absent): a third of
        /// the size of values, to make and to pass on.
        private let record: JSONValue
        private var idAt = -1, objectAt = -1, createdAt = -1, providerAt = -1, modelAt = -1
        private var tierAt = -1, userAt = -1, metadataAt = -1, usageAt = -1

        var id: JSONValue? { record.value(ifAt: idAt) }
        var object: JSONValue? { record.value(ifAt: objectAt) }
        var created: JSONValue? { record.value(ifAt: createdAt) }
        var provider: JSONValue? { record.value(ifAt: providerAt) }
        var model: JSONValue? { record.value(ifAt: modelAt) }
        var tier: JSONValue? { record.value(ifAt: tierAt) }
        var user: JSONValue? { record.value(ifAt: userAt) }
        var metadata: JSONValue? { record.value(ifAt: metadataAt) }
        var usage: JSONValue? { record.value(ifAt: usageAt) }

        /// Finds the members of `record`. Of a repeated name, `object` and `usage` keep the first
        /// (as a lookup by name does) and the others the last.
        @inline(__always)
        init(of record: JSONValue) {
            self.record = record
            record.forEachMemberKey { key, value in
                switch key.withUTF8(Name.init(utf8:)) {
                case .id: idAt = value.index
                case .object: if objectAt < 0 { objectAt = value.index }
                case .created: createdAt = value.index
                case .model: modelAt = value.index
                case .usage: if usageAt < 0 { usageAt = value.index }
                case .serviceTier: tierAt = value.index
                case .metadata: metadataAt = value.index
                case .user: userAt = value.index
                case .provider: providerAt = value.index
                case nil: break
                }
            }
        }

        /// Whether these are the members of a chat completion (see ``OpenAIChatImporter/matches(_:)``):
        /// its first `object` is `chat.completion` or `chat.completion.chunk`, or it has no `object`
        /// but a `model` and a first `usage` with `prompt_tokens`.
        var areChatCompletion: Bool {
            if let object {
                return object.kind == .string
                    && object.withUTF8 { $0.equals("chat.completion") || $0.equals("chat.completion.chunk") }
            }
            guard let usage, usage.member("prompt_tokens") != nil else { return false }
            return model != nil
        }

        /// The member names read.
        enum Name {
            case id, object, created, model, usage, serviceTier, metadata, user, provider

            /// The member a key names, matched on its bytes: by length, then one comparison.
            @inline(__always)
            init?(utf8 name: UnsafeBufferPointer<UInt8>) {
                switch name.count {
                case 2 where name.equals("id"): self = .id
                case 4 where name.equals("user"): self = .user
                case 5 where name.equals("model"): self = .model
                case 5 where name.equals("usage"): self = .usage
                case 6 where name.equals("object"): self = .object
                case 7 where name.equals("created"): self = .created
                case 8 where name.equals("metadata"): self = .metadata
                case 8 where name.equals("provider"): self = .provider
                case 12 where name.equals("service_tier"): self = .serviceTier
                default: return nil
                }
            }
        }
    }

    /// The members of `usage` that the counts are read from.
    struct UsageMembers {
        /// The `usage` object, and its members' tape positions (see ``Members``).
        private let usage: JSONValue
        private var promptAt = -1, completionAt = -1, promptDetailsAt = -1, completionDetailsAt = -1, searchesAt = -1

        var prompt: JSONValue? { usage.value(ifAt: promptAt) }
        var completion: JSONValue? { usage.value(ifAt: completionAt) }
        var promptDetails: JSONValue? { usage.value(ifAt: promptDetailsAt) }
        var completionDetails: JSONValue? { usage.value(ifAt: completionDetailsAt) }
        var searches: JSONValue? { usage.value(ifAt: searchesAt) }

        /// Finds the members of `usage` (of a repeated name, the last).
        @inline(__always)
        init(of usage: JSONValue) {
            self.usage = usage
            usage.forEachMemberKey { key, value in
                switch key.withUTF8(Name.init(utf8:)) {
                case .prompt: promptAt = value.index
                case .completion: completionAt = value.index
                case .promptDetails: promptDetailsAt = value.index
                case .completionDetails: completionDetailsAt = value.index
                case .searches: searchesAt = value.index
                case nil: break
                }
            }
        }

        /// The member names read.
        enum Name {
            case prompt, completion, promptDetails, completionDetails, searches

            /// The member a key names, matched on its bytes: the names have different lengths.
            @inline(__always)
            init?(utf8 name: UnsafeBufferPointer<UInt8>) {
                switch name.count {
                case 13 where name.equals("prompt_tokens"): self = .prompt
                case 17 where name.equals("completion_tokens"): self = .completion
                case 19 where name.equals("web_search_requests"): self = .searches
                case 21 where name.equals("prompt_tokens_details"): self = .promptDetails
                case 25 where name.equals("completion_tokens_details"): self = .completionDetails
                default: return nil
                }
            }
        }
    }

    /// Appends the event of one chat completion (also used for the bodies of OpenAI Batch lines).
    ///
    /// - Parameters:
    ///   - record: the completion object.
    ///   - usage: its `usage` member.
    ///   - context: where the record came from.
    ///   - events: where the event is appended.
    /// - Throws: ``IngestIssue`` for a missing or invalid count, model, time or tier.
    static func read(_ record: JSONValue, usage: JSONValue, context: RecordContext, into events: inout UsageEvents)
        throws(IngestIssue)
    {
        try read(Members(of: record), usage: usage, context: context, into: &events)
    }

    /// ``read(_:usage:context:into:)`` for a chat completion whose members have been found.
    @inline(__always)
    private static func read(
        _ members: Members, usage: JSONValue, context: RecordContext, into events: inout UsageEvents
    ) throws(IngestIssue) {
        let counts = UsageMembers(of: usage)
        let promptTokens = try JSONValue.requiredCount(counts.prompt, path: "usage.prompt_tokens")
        let completionTokens = try JSONValue.requiredCount(counts.completion, path: "usage.completion_tokens")
        var cached: Int64 = 0
        var audioIn: Int64 = 0
        if let details = counts.promptDetails {
            let (cachedValue, audioValue) = details.members("cached_tokens", "audio_tokens")
            cached = try JSONValue.count(cachedValue, path: "usage.prompt_tokens_details.cached_tokens") ?? 0
            audioIn = try JSONValue.count(audioValue, path: "usage.prompt_tokens_details.audio_tokens") ?? 0
        }
        var reasoning: Int64 = 0
        var audioOut: Int64 = 0
        if let details = counts.completionDetails {
            let (reasoningValue, audioValue) = details.members("reasoning_tokens", "audio_tokens")
            reasoning =
                try JSONValue.count(reasoningValue, path: "usage.completion_tokens_details.reasoning_tokens") ?? 0
            audioOut = try JSONValue.count(audioValue, path: "usage.completion_tokens_details.audio_tokens") ?? 0
        }
        let uncached = try CountSplit.remainder(
            promptTokens, minus: cached, partPath: "usage.prompt_tokens_details.cached_tokens",
            wholePath: "usage.prompt_tokens")
        let input = try CountSplit.remainder(
            uncached, minus: audioIn, partPath: "usage.prompt_tokens_details.audio_tokens",
            wholePath: "usage.prompt_tokens less cached_tokens")
        let visible = try CountSplit.remainder(
            completionTokens, minus: reasoning, partPath: "usage.completion_tokens_details.reasoning_tokens",
            wholePath: "usage.completion_tokens")
        let output = try CountSplit.remainder(
            visible, minus: audioOut, partPath: "usage.completion_tokens_details.audio_tokens",
            wholePath: "usage.completion_tokens less reasoning_tokens")
        let timestamp = try JSONValue.date(members.created, path: "created")
        let model = try JSONValue.model(members.model, path: "model", context: context)
        let serviceTier = try JSONValue.serviceTier(members.tier, path: "service_tier")
        let searches = try JSONValue.count(counts.searches, path: "usage.web_search_requests") ?? 0

        // Everything that can fail is read first: the event is then written in place, once.
        events.append(
            id: members.id?.scalarText ?? context.contentHashID,
            provider: members.provider?.string(interning: context.strings) ?? "openai", model: model
        ) { event in
            event.timestamp = timestamp
            event.serviceTier = serviceTier
            event.tokens = TokenCounts(input: input, cacheRead: cached, output: output, reasoning: reasoning)
            event.modality.audioInputTokens = audioIn
            event.modality.audioOutputTokens = audioOut
            event.modality.webSearchQueries = searches
            readAttribution(user: members.user, metadata: members.metadata, context: context, into: &event.attribution)
        }
    }

    /// Reads a record's attribution into `attribution`, which is empty: the members of a
    /// `metadata` object (by attribution key name, others as tags; see
    /// ``JSONValue/readAttributionMembers(strings:into:)``), and a top-level `user` where the
    /// metadata names none.
    static func readAttribution(of record: JSONValue, context: RecordContext, into attribution: inout Attribution) {
        readAttribution(user: record["user"], metadata: record["metadata"], context: context, into: &attribution)
    }

    /// ``readAttribution(of:context:into:)`` from the record's `user` and `metadata` values, already found.
    static func readAttribution(
        user: JSONValue?, metadata: JSONValue?, context: RecordContext, into attribution: inout Attribution
    ) {
        if let metadata, metadata.kind == .object {
            // Metadata repeats from record to record: its attribution is read once per text.
            context.attributions.read(metadata, strings: context.strings, into: &attribution)
        }
        if attribution.user == nil, let name = user?.string(interning: context.strings), !name.isEmpty {
            attribution.user = name
        }
    }
}

extension JSONValue {
    /// Copies the members of an object into `attribution`: attribution key names (`team`,
    /// `application`, `trace_id`, …) to their keys, any other member with a scalar value to a tag.
    /// Keys are matched without creating strings; values (and tag names) come from `strings`.
    func readAttributionMembers(strings: StringInterner, into attribution: inout Attribution) {
        guard kind == .object else { return }
        // Taken once: setting each key through the attribution would check its storage each time.
        let named = attribution.uniqueNamedKeys()
        forEachMemberKey { key, value in
            guard let text = value.scalarText(interning: strings) else { return }
            if let key = key.withUTF8(Attribution.Key.init(utf8:)) {
                named[key] = text
            } else if let name = key.string(interning: strings) {
                attribution.tags[name] = text
            }
        }
    }
}
