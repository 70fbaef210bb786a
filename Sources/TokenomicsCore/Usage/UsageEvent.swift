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
    public var timing: Timing {
        get { details.timing }
        set { details.timing = newValue }
    }
    /// Who and what caused the call.
    public var attribution: Attribution
    /// What the call achieved, if known.
    public var outcome: Outcome? {
        get { details.outcome }
        set { details.outcome = newValue }
    }
    /// The storage of ``timing`` and ``outcome`` (see ``Details``).
    private var details: Details

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
        self.attribution = attribution
        self.details = Details(timing: timing, outcome: outcome)
    }

    /// Makes this the event `UsageEvent(id: id, provider: provider, model: model)`, keeping the
    /// storage of its attribution, timing and outcome when it is not shared (see
    /// ``Attribution/removeAll()``): for readers that fill a recycled event in place
    /// (``UsageEvents/append(id:provider:model:_:)``).
    @inline(__always)
    mutating func reset(id: consuming String, provider: consuming String, model: consuming String) {
        self.id = id
        timestamp = nil
        self.provider = provider
        self.model = model
        priced = PricedModelID(id: nil)
        operation = "chat"
        serviceTier = .standard
        tokens = TokenCounts()
        modality = ModalityCounts()
        attribution.removeAll()
        details.removeAll()
    }

    /// A model id that may be absent (see ``UsageEvent/pricedModel``).
    private struct PricedModelID: Sendable, Hashable {
        var id: String?
    }

    /// An event's timing and outcome, which few sources give: kept out of line, in an object made
    /// when one is first set, so that an event is small to move (248 bytes instead of 321, which
    /// `memcpy` moves in a third of the instructions). Copies share the object until one changes
    /// it; a recycled event (``UsageEvent/reset(id:provider:model:)``) keeps it, emptied.
    private struct Details: Sendable, Hashable {
        /// `nil` while neither is set.
        private var box: Box?

        @inline(__always)
        init(timing: Timing, outcome: Outcome?) {
            if timing != Timing() || outcome != nil { box = Box(timing: timing, outcome: outcome) }
        }

        var timing: Timing {
            @inline(__always) get { box?.timing ?? Timing() }
            set { uniqueBox(unlessSetting: newValue == Timing())?.timing = newValue }
        }

        var outcome: Outcome? {
            @inline(__always) get { box?.outcome }
            set { uniqueBox(unlessSetting: newValue == nil)?.outcome = newValue }
        }

        /// The object, made or copied so that this alone holds it; `nil` when there is none and
        /// the value to set is the default (nothing to store).
        private mutating func uniqueBox(unlessSetting isDefault: Bool) -> Box? {
            if box == nil {
                guard !isDefault else { return nil }
                box = Box(timing: Timing(), outcome: nil)
            } else if !isKnownUniquelyReferenced(&box) {
                box = box.map { Box(timing: $0.timing, outcome: $0.outcome) }
            }
            return box
        }

        /// Unsets both, keeping the object when it is not shared.
        @inline(__always)
        mutating func removeAll() {
            guard box != nil else { return }
            if isKnownUniquelyReferenced(&box) {
                box?.timing = Timing()
                box?.outcome = nil
            } else {
                box = nil
            }
        }

        static func == (lhs: Details, rhs: Details) -> Bool {
            lhs.timing == rhs.timing && lhs.outcome == rhs.outcome
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(timing)
            hasher.combine(outcome)
        }

        /// Mutated only while uniquely referenced, so a shared instance is never changed.
        private final class Box: @unchecked Sendable {
            var timing: Timing
            var outcome: Outcome?

            init(timing: Timing, outcome: Outcome?) {
                self.timing = timing
                self.outcome = outcome
            }
        }
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
