/// What an event achieved, where the caller knows: the link from spend to value.
public struct Outcome: Sendable, Hashable, Codable {
    /// Whether the result was accepted (task succeeded).
    public var success: Bool?
    /// A quality score, normally in [0, 1].
    public var quality: Double?
    /// Value realized, in exact dollars.
    public var valueUSD: Money?

    public init(success: Bool? = nil, quality: Double? = nil, valueUSD: Money? = nil) {
        self.success = success
        self.quality = quality
        self.valueUSD = valueUSD
    }
}

/// Wall-clock timing of a request, where known.
public struct Timing: Sendable, Hashable, Codable {
    /// Total duration in seconds.
    public var duration: Double?
    /// Time to first token in seconds.
    public var timeToFirstToken: Double?

    public init(duration: Double? = nil, timeToFirstToken: Double? = nil) {
        self.duration = duration
        self.timeToFirstToken = timeToFirstToken
    }
}
