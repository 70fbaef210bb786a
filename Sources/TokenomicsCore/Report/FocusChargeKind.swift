/// What one FOCUS row charges for: a token class, a modality, or a per-unit fee. Its raw value
/// is the row's `x_TokenClass`.
public enum FocusChargeKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Uncached prompt tokens.
    case input
    /// Prompt tokens read from a cache.
    case cacheRead = "cache_read"
    /// Prompt tokens written to a 5-minute cache.
    case cacheWrite5m = "cache_write_5m"
    /// Prompt tokens written to a 1-hour cache.
    case cacheWrite1h = "cache_write_1h"
    /// Retrieved-context tokens.
    case retrieval
    /// Visible output tokens.
    case output
    /// Hidden reasoning tokens.
    case reasoning
    /// Audio tokens, in and out.
    case audio
    /// Image tokens in and out, and per-image fees.
    case image
    /// Per-request fees.
    case requestFee = "request_fee"
    /// Web-search fees.
    case webSearch = "web_search"
    /// Cost a group's sums carry beyond the sum of its parts (never, for sums the ledger built
    /// from priced events): written so that no cost is lost.
    case other

    /// The `SkuMeter`: a readable name of what is metered.
    public var meter: String {
        switch self {
        case .input: "Input Tokens"
        case .cacheRead: "Cache Read Tokens"
        case .cacheWrite5m: "Cache Write Tokens (5-minute TTL)"
        case .cacheWrite1h: "Cache Write Tokens (1-hour TTL)"
        case .retrieval: "Retrieval Tokens"
        case .output: "Output Tokens"
        case .reasoning: "Reasoning Tokens"
        case .audio: "Audio Tokens"
        case .image: "Image Tokens and Images"
        case .requestFee: "Requests"
        case .webSearch: "Web Search Queries"
        case .other: "Other Charges"
        }
    }

    /// Whether the kind is one of the text token classes.
    public var isTextTokens: Bool {
        switch self {
        case .input, .cacheRead, .cacheWrite5m, .cacheWrite1h, .retrieval, .output, .reasoning: true
        case .audio, .image, .requestFee, .webSearch, .other: false
        }
    }
}
