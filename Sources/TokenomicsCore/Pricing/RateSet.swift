/// The rates of one price tier, per 1,000,000 tokens, for every token kind an event can carry.
///
/// A `nil` rate means *unknown*, never free: an event that needs it is left unpriced with a
/// ``IngestIssue/Kind/missingRate`` issue. A rate of zero is a real price (the tokens are free).
/// Two rates have derived defaults: ``retrieval`` is the input rate unless set, and
/// ``reasoning`` is the output rate unless set (hidden tokens are billed as output).
public struct RateSet: Sendable, Hashable, Codable {
    /// Uncached prompt tokens (I).
    public var input: Money?
    /// Prompt tokens read from a cache (C).
    public var cacheRead: Money?
    /// Prompt tokens written to a 5-minute cache (W, default TTL).
    public var cacheWrite5m: Money?
    /// Prompt tokens written to a 1-hour cache (W, long TTL).
    public var cacheWrite1h: Money?
    /// Retrieved-context tokens (R); `nil` means the input rate.
    public var retrieval: Money?
    /// Visible output tokens (O).
    public var output: Money?
    /// Hidden reasoning tokens (H); `nil` means the output rate.
    public var reasoning: Money?
    /// Audio tokens in the prompt.
    public var audioInput: Money?
    /// Audio tokens generated.
    public var audioOutput: Money?
    /// Image tokens in the prompt.
    public var imageInput: Money?
    /// Image tokens generated.
    public var imageOutput: Money?

    /// Creates a rate set; every rate defaults to unknown.
    public init(
        input: Money? = nil, cacheRead: Money? = nil, cacheWrite5m: Money? = nil, cacheWrite1h: Money? = nil,
        retrieval: Money? = nil, output: Money? = nil, reasoning: Money? = nil, audioInput: Money? = nil,
        audioOutput: Money? = nil, imageInput: Money? = nil, imageOutput: Money? = nil
    ) {
        self.input = input
        self.cacheRead = cacheRead
        self.cacheWrite5m = cacheWrite5m
        self.cacheWrite1h = cacheWrite1h
        self.retrieval = retrieval
        self.output = output
        self.reasoning = reasoning
        self.audioInput = audioInput
        self.audioOutput = audioOutput
        self.imageInput = imageInput
        self.imageOutput = imageOutput
    }

    /// The rate stored for `kind`, without the derived defaults.
    public subscript(kind: RateKind) -> Money? {
        get {
            switch kind {
            case .input: input
            case .cacheRead: cacheRead
            case .cacheWrite5m: cacheWrite5m
            case .cacheWrite1h: cacheWrite1h
            case .retrieval: retrieval
            case .output: output
            case .reasoning: reasoning
            case .audioInput: audioInput
            case .audioOutput: audioOutput
            case .imageInput: imageInput
            case .imageOutput: imageOutput
            }
        }
        set {
            switch kind {
            case .input: input = newValue
            case .cacheRead: cacheRead = newValue
            case .cacheWrite5m: cacheWrite5m = newValue
            case .cacheWrite1h: cacheWrite1h = newValue
            case .retrieval: retrieval = newValue
            case .output: output = newValue
            case .reasoning: reasoning = newValue
            case .audioInput: audioInput = newValue
            case .audioOutput: audioOutput = newValue
            case .imageInput: imageInput = newValue
            case .imageOutput: imageOutput = newValue
            }
        }
    }

    /// The rate that applies to `kind`: the stored rate, or for retrieval the input rate and for
    /// reasoning the output rate when none is stored.
    ///
    /// - Parameter kind: the token kind.
    /// - Returns: the rate per 1M tokens, or `nil` when unknown.
    public func effectiveRate(_ kind: RateKind) -> Money? {
        switch kind {
        case .retrieval: retrieval ?? input
        case .reasoning: reasoning ?? output
        default: self[kind]
        }
    }

    /// Whether no rate at all is set.
    public var isEmpty: Bool { RateKind.allCases.allSatisfy { self[$0] == nil } }

    /// This set with every unknown rate taken from `base`.
    ///
    /// - Parameter base: the less specific set to fall back on.
    /// - Returns: the merged set.
    public func filled(from base: RateSet) -> RateSet {
        var merged = self
        for kind in RateKind.allCases where merged[kind] == nil { merged[kind] = base[kind] }
        return merged
    }
}

/// A token kind that has its own rate: the six classes (cache writes split by TTL) and the
/// audio and image token counts.
public enum RateKind: String, Sendable, Hashable, Codable, CaseIterable {
    case input
    case cacheRead = "cache_read"
    case cacheWrite5m = "cache_write_5m"
    case cacheWrite1h = "cache_write_1h"
    case retrieval
    case output
    case reasoning
    case audioInput = "audio_input"
    case audioOutput = "audio_output"
    case imageInput = "image_input"
    case imageOutput = "image_output"
}
