/// Prices charged per unit rather than per token: per generated image, per request and per
/// web-search query.
///
/// Unlike token rates, an absent request fee means *no such fee* (most models charge none). An
/// absent image or web-search fee is unknown: an event that generated images or made searches
/// without a matching price is left unpriced.
public struct UnitFees: Sendable, Hashable, Codable {
    /// USD per generated image (LiteLLM `output_cost_per_image`).
    public var image: Money?
    /// USD per input image (LiteLLM `input_cost_per_image`). Kept in the catalog; events do
    /// not count input images yet, so it is not charged.
    public var inputImage: Money?
    /// USD per request (LiteLLM `input_cost_per_request`, and `input_cost_per_query` for
    /// embedding and rerank models, where one request is one query).
    public var request: Money?
    /// USD per web-search query (LiteLLM `search_context_cost_per_query`, medium context size).
    public var webSearch: Money?

    /// Creates fees; every fee defaults to absent.
    public init(image: Money? = nil, inputImage: Money? = nil, request: Money? = nil, webSearch: Money? = nil) {
        self.image = image
        self.inputImage = inputImage
        self.request = request
        self.webSearch = webSearch
    }

    /// Whether no fee is set.
    public var isEmpty: Bool { image == nil && inputImage == nil && request == nil && webSearch == nil }
}
