/// Token counts of one event in the six classes, with the cache-write TTL split and a flag per
/// class saying whether the count was reported by the provider or estimated by Tokenomics.
///
/// The classes are disjoint: `total` is their plain sum. Importers are responsible for the
/// provider rules that keep them so (OpenAI's `prompt_tokens` includes cached tokens, Anthropic's
/// `input_tokens` excludes them, and so on; see FRAMEWORK.md §1).
public struct TokenCounts: Sendable, Hashable, Codable {
    /// Uncached prompt tokens (I).
    public var input: Int64
    /// Prompt tokens read from a cache (C).
    public var cacheRead: Int64
    /// Prompt tokens written to a 5-minute cache (part of W).
    public var cacheWrite5m: Int64
    /// Prompt tokens written to a 1-hour cache (part of W).
    public var cacheWrite1h: Int64
    /// Retrieved-context input tokens (R).
    public var retrieval: Int64
    /// Visible output tokens (O).
    public var output: Int64
    /// Hidden reasoning tokens (H).
    public var reasoning: Int64
    /// Classes whose count is an estimate, not a provider's report.
    public var estimated: TokenClassSet

    /// Creates counts; every class defaults to zero and reported.
    public init(
        input: Int64 = 0, cacheRead: Int64 = 0, cacheWrite5m: Int64 = 0, cacheWrite1h: Int64 = 0,
        retrieval: Int64 = 0, output: Int64 = 0, reasoning: Int64 = 0, estimated: TokenClassSet = []
    ) {
        self.input = input
        self.cacheRead = cacheRead
        self.cacheWrite5m = cacheWrite5m
        self.cacheWrite1h = cacheWrite1h
        self.retrieval = retrieval
        self.output = output
        self.reasoning = reasoning
        self.estimated = estimated
    }

    /// Cache-write tokens of both durations (W).
    public var cacheWrite: Int64 { cacheWrite5m + cacheWrite1h }

    /// All tokens of the event: `I + C + W + R + O + H`.
    public var total: Int64 { input + cacheRead + cacheWrite + retrieval + output + reasoning }

    /// Prompt-side tokens: `I + C + W + R`. This is the prompt size that long-context tiers test.
    public var prompt: Int64 { input + cacheRead + cacheWrite + retrieval }

    /// Generated tokens: `O + H`.
    public var generated: Int64 { output + reasoning }

    /// The count of one class.
    public subscript(tokenClass: TokenClass) -> Int64 {
        get {
            switch tokenClass {
            case .input: input
            case .cacheRead: cacheRead
            case .cacheWrite: cacheWrite
            case .retrieval: retrieval
            case .output: output
            case .reasoning: reasoning
            }
        }
    }

    /// Whether the count of `tokenClass` is an estimate.
    public func isEstimated(_ tokenClass: TokenClass) -> Bool { estimated.contains(tokenClass) }

    /// Adds another event's counts (the estimated flags are united).
    public static func += (lhs: inout TokenCounts, rhs: TokenCounts) {
        lhs.input += rhs.input
        lhs.cacheRead += rhs.cacheRead
        lhs.cacheWrite5m += rhs.cacheWrite5m
        lhs.cacheWrite1h += rhs.cacheWrite1h
        lhs.retrieval += rhs.retrieval
        lhs.output += rhs.output
        lhs.reasoning += rhs.reasoning
        lhs.estimated.formUnion(rhs.estimated)
    }
}

extension TokenCounts {
    /// An upper bound of the bytes ``write(to:)-(JSONCursor)`` writes (with a leading comma).
    static var maxJSONBytes: Int { JSONCursor.maxTokenBytes * 2 + 7 * (JSONCursor.maxIntBytes + 20) }

    /// Writes `{"input": …, "cache_read": …, "cache_write": …, "retrieval": …, "output": …, "reasoning": …}`,
    /// plus `cache_write_1h` when some cache writes had the 1-hour TTL: the same object as
    /// `write(to:)` on a ``JSONWriter``, through a cursor with room for ``maxJSONBytes`` bytes.
    func write(to json: inout JSONCursor) {
        json.separate()
        writeObject(to: &json)
        json.needsComma = true
    }

    /// Writes the object of ``write(to:)-(JSONCursor)`` as runs of keys between bare numbers,
    /// without a comma before it and without touching the comma state.
    @inline(__always)
    func writeObject(to json: inout JSONCursor) {
        json.position = withUnsafePointer(to: self) { Self.writeObject($0, at: json.position) }
    }

    /// ``writeObject(to:)`` at `at` for the counts at `counts`; returns the end.
    @inline(__always)
    static func writeObject(
        _ counts: UnsafePointer<TokenCounts>, at start: UnsafeMutablePointer<UInt8>
    ) -> UnsafeMutablePointer<UInt8> {
        var at = JSONCursor.raw(#"{"input":"#, at: start)
        at = JSONCursor.digits(counts.pointee.input, at: at)
        at = JSONCursor.raw(#","cache_read":"#, at: at)
        at = JSONCursor.digits(counts.pointee.cacheRead, at: at)
        at = JSONCursor.raw(#","cache_write":"#, at: at)
        at = JSONCursor.digits(counts.pointee.cacheWrite, at: at)
        at = JSONCursor.raw(#","retrieval":"#, at: at)
        at = JSONCursor.digits(counts.pointee.retrieval, at: at)
        at = JSONCursor.raw(#","output":"#, at: at)
        at = JSONCursor.digits(counts.pointee.output, at: at)
        at = JSONCursor.raw(#","reasoning":"#, at: at)
        at = JSONCursor.digits(counts.pointee.reasoning, at: at)
        if counts.pointee.cacheWrite1h != 0 {
            at = JSONCursor.raw(#","cache_write_1h":"#, at: at)
            at = JSONCursor.digits(counts.pointee.cacheWrite1h, at: at)
        }
        at.pointee = UInt8(ascii: "}")
        return at + 1
    }
}
