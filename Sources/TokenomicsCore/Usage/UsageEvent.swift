import Foundation

/// One normalized call to a foundation model: what it consumed, in the six token classes, and
/// who caused it. Every importer produces these; pricing, the ledger and the analyses consume them.
public struct UsageEvent: Sendable, Hashable, Codable {
    /// The provider's response id where there is one, else a stable content hash (``contentHashID(_:)``).
    public var id: String
    /// When the call happened; `nil` when the source does not say (priced at the time of pricing).
    public var timestamp: Date?
    /// The provider (`openai`, `anthropic`, `gemini`, `bedrock`, …).
    public var provider: String
    /// The model as the source reported it.
    public var model: String
    /// The model id the catalog priced it as (set by pricing; `nil` until priced or if unknown).
    public var pricedModel: String?
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
        self.pricedModel = pricedModel
        self.operation = operation
        self.serviceTier = serviceTier
        self.tokens = tokens
        self.modality = modality
        self.timing = timing
        self.attribution = attribution
        self.outcome = outcome
    }

    /// A stable id for sources that carry none: `h-` and 16 hex digits of a 64-bit FNV-1a hash
    /// of the raw record text. The same line always gives the same id, so re-ingesting is idempotent.
    public static func contentHashID(_ bytes: some Sequence<UInt8>) -> String {
        let hex = String(FNV1a.hash(bytes), radix: 16)
        return "h-" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
