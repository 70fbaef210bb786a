/// The six token classes of the ledger (FRAMEWORK.md §1): `T = I + C + W + R + O + H`.
///
/// Cache writes are one class with two durations (5-minute and 1-hour TTL), which providers
/// price differently; ``TokenCounts`` keeps the split.
public enum TokenClass: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Prompt tokens read fresh (not from a cache, not retrieved context).
    case input
    /// Prompt tokens served from a prompt cache.
    case cacheRead = "cache_read"
    /// Prompt tokens written to a cache.
    case cacheWrite = "cache_write"
    /// Input tokens that came from retrieved context (RAG), as attributed by the caller.
    case retrieval
    /// Output tokens the user sees.
    case output
    /// Hidden reasoning tokens: billed as output, never shown.
    case reasoning

    /// The name used in JSON, CSV and reports (`cache_read`, …).
    public var description: String { rawValue }

    /// Whether the class is part of the prompt (priced at an input-side rate).
    public var isInputSide: Bool {
        switch self {
        case .input, .cacheRead, .cacheWrite, .retrieval: true
        case .output, .reasoning: false
        }
    }
}

/// A set of token classes, used to mark which counts are estimated rather than reported.
public struct TokenClassSet: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The set holding one class.
    public init(_ tokenClass: TokenClass) {
        switch tokenClass {
        case .input: rawValue = 1
        case .cacheRead: rawValue = 2
        case .cacheWrite: rawValue = 4
        case .retrieval: rawValue = 8
        case .output: rawValue = 16
        case .reasoning: rawValue = 32
        }
    }

    /// Whether `tokenClass` is in the set.
    public func contains(_ tokenClass: TokenClass) -> Bool { contains(TokenClassSet(tokenClass)) }

    /// The classes in the set, in ledger order.
    public var classes: [TokenClass] { TokenClass.allCases.filter { contains($0) } }
}
