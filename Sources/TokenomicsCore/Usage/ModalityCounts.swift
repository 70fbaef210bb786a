/// Non-text quantities on an event, priced separately from the six text token classes.
///
/// Audio and image tokens are *not* part of ``TokenCounts``: importers move them out of the
/// provider's prompt or completion totals so that no token is priced twice.
public struct ModalityCounts: Sendable, Hashable, Codable {
    /// Audio tokens in the prompt.
    public var audioInputTokens: Int64
    /// Audio tokens generated.
    public var audioOutputTokens: Int64
    /// Image tokens in the prompt.
    public var imageInputTokens: Int64
    /// Image tokens generated.
    public var imageOutputTokens: Int64
    /// Images generated (priced per image where a model has such a fee).
    public var images: Int64
    /// Billable requests (normally 1 per event).
    public var requests: Int64
    /// Web-search (grounding) queries made by the model.
    public var webSearchQueries: Int64

    /// Creates counts; an event is one request unless told otherwise.
    public init(
        audioInputTokens: Int64 = 0, audioOutputTokens: Int64 = 0, imageInputTokens: Int64 = 0,
        imageOutputTokens: Int64 = 0, images: Int64 = 0, requests: Int64 = 1, webSearchQueries: Int64 = 0
    ) {
        self.audioInputTokens = audioInputTokens
        self.audioOutputTokens = audioOutputTokens
        self.imageInputTokens = imageInputTokens
        self.imageOutputTokens = imageOutputTokens
        self.images = images
        self.requests = requests
        self.webSearchQueries = webSearchQueries
    }

    /// Whether any quantity beyond the single request is present.
    public var hasMedia: Bool {
        audioInputTokens != 0 || audioOutputTokens != 0 || imageInputTokens != 0 || imageOutputTokens != 0
            || images != 0 || webSearchQueries != 0
    }
}

extension ModalityCounts {
    /// Adds another event's counts.
    public static func += (lhs: inout ModalityCounts, rhs: ModalityCounts) {
        lhs.audioInputTokens += rhs.audioInputTokens
        lhs.audioOutputTokens += rhs.audioOutputTokens
        lhs.imageInputTokens += rhs.imageInputTokens
        lhs.imageOutputTokens += rhs.imageOutputTokens
        lhs.images += rhs.images
        lhs.requests += rhs.requests
        lhs.webSearchQueries += rhs.webSearchQueries
    }
}
