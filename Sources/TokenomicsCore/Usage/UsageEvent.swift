import Foundation

/// One normalized call to a foundation model: what it consumed, in the six token classes, and
/// who caused it. Every importer produces these; pricing, the ledger and the analyses consume them.
public struct UsageEvent: Sendable, Hashable {
    /// The provider's response id where there is one, else a stable content hash (``contentHashID(_:)``).
    public var id: String
    /// When the call happened; `nil` when the source does not say (priced at the time of pricing).
    public var timestamp: Date?
    /// The provider (`openai`, `anthropic`, `gemini`, `bedrock`, …).
    public var provider: String
    /// The model as the source reported it.
    public var model: String
    /// The model id the catalog priced it as (set by pricing; `nil` until priced or if unknown).
    public var pricedModel: String? {
        get { priced.id }
        set { priced.id = newValue }
    }
    /// The storage of ``pricedModel``. Not a bare `String?`: a stored optional string made the
    /// optimizer (Swift 6.3) copy and destroy the whole event at the end of every `init`, some 400
    /// instructions an event; an optional wrapped in a struct does not.
    private var priced: PricedModelID
    /// The kind of call: `chat`, `responses`, `messages`, `generate_content`, `converse`, `embedding`, ….
    public var operation: String
    /// The service tier.
    public var serviceTier: ServiceTier
    /// Tokens in the six classes.
    public var tokens: TokenCounts
    /// Audio, image, request and search quantities.
    public var modality: ModalityCounts
    /// Duration and time to first token.
    public var timing: Timing
    /// Who and what caused the call.
    public var attribution: Attribution
    /// What the call achieved, if known.
    public var outcome: Outcome?

    /// Creates an event.
    @inline(__always)
    public init(
        id: String, timestamp: Date? = nil, provider: String, model: String, pricedModel: String? = nil,
        operation: String = "chat", serviceTier: ServiceTier = .standard, tokens: TokenCounts = TokenCounts(),
        modality: ModalityCounts = ModalityCounts(), timing: Timing = Timing(),
        attribution: Attribution = Attribution(), outcome: Outcome? = nil
    ) {
        self.id = id
        self.timestamp = timestamp
        self.provider = provider
        self.model = model
        self.priced = PricedModelID(id: pricedModel)
        self.operation = operation
        self.serviceTier = serviceTier
        self.tokens = tokens
        self.modality = modality
        self.timing = timing
        self.attribution = attribution
        self.outcome = outcome
    }

    /// Makes this the blank event `UsageEvent(id: "", provider: "", model: "")`, keeping the
    /// storage of its attribution when it is not shared (see ``Attribution/removeAll()``): for
    /// readers that fill a recycled event in place (``UsageEvents/append(filling:)``).
    mutating func reset() {
        id = ""
        timestamp = nil
        provider = ""
        model = ""
        priced = PricedModelID(id: nil)
        operation = "chat"
        serviceTier = .standard
        tokens = TokenCounts()
        modality = ModalityCounts()
        timing = Timing()
        attribution.removeAll()
        outcome = nil
    }

    /// A model id that may be absent (see ``UsageEvent/pricedModel``).
    private struct PricedModelID: Sendable, Hashable {
        var id: String?
    }

    /// A stable id for sources that carry none: `h-` and 16 hex digits of a 64-bit FNV-1a hash
    /// of the raw record text. The same line always gives the same id, so re-ingesting is idempotent.
    public static func contentHashID(_ bytes: some Sequence<UInt8>) -> String {
        let hex = String(FNV1a.hash(bytes), radix: 16)
        return "h-" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Coded with the keys of the stored properties, as the synthesized conformance did before
/// ``UsageEvent/pricedModel`` was wrapped: absent optionals are left out and read back as `nil`.
extension UsageEvent: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, timestamp, provider, model, pricedModel, operation, serviceTier, tokens, modality, timing
        case attribution, outcome
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            timestamp: try container.decodeIfPresent(Date.self, forKey: .timestamp),
            provider: try container.decode(String.self, forKey: .provider),
            model: try container.decode(String.self, forKey: .model),
            pricedModel: try container.decodeIfPresent(String.self, forKey: .pricedModel),
            operation: try container.decode(String.self, forKey: .operation),
            serviceTier: try container.decode(ServiceTier.self, forKey: .serviceTier),
            tokens: try container.decode(TokenCounts.self, forKey: .tokens),
            modality: try container.decode(ModalityCounts.self, forKey: .modality),
            timing: try container.decode(Timing.self, forKey: .timing),
            attribution: try container.decode(Attribution.self, forKey: .attribution),
            outcome: try container.decodeIfPresent(Outcome.self, forKey: .outcome))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(timestamp, forKey: .timestamp)
        try container.encode(provider, forKey: .provider)
        try container.encode(model, forKey: .model)
        try container.encodeIfPresent(pricedModel, forKey: .pricedModel)
        try container.encode(operation, forKey: .operation)
        try container.encode(serviceTier, forKey: .serviceTier)
        try container.encode(tokens, forKey: .tokens)
        try container.encode(modality, forKey: .modality)
        try container.encode(timing, forKey: .timing)
        try container.encode(attribution, forKey: .attribution)
        try container.encodeIfPresent(outcome, forKey: .outcome)
    }
}
