import Foundation

/// The prices of one model over one effective date range.
///
/// A model whose prices changed has several records with the same ``id`` and adjacent ranges;
/// ``PriceCatalog/price(for:provider:at:)`` picks the one in force at the event's date.
///
/// Rates are resolved in layers: the service tier's set (``tiers``), above a threshold the
/// long-context tier's sets (``longContext``), and the standard set (``rates``). Whether a rate a
/// specific layer does not list is taken from the layer beneath is the record's
/// ``fallsBackToStandard`` rule: off (the default, and always for LiteLLM imports), a missing
/// rate leaves the event unpriced instead of silently charging the standard price.
public struct ModelPrice: Sendable, Hashable, Codable {
    /// The canonical model id (the LiteLLM key for imported records).
    public var id: String
    /// The provider that sells the model at these prices (`openai`, `anthropic`, `gemini`, …).
    public var provider: String
    /// Other names that mean this model.
    public var aliases: [String]
    /// The kind of model: `chat`, `completion`, `responses`, `embedding`, ….
    public var mode: String
    /// First instant the prices apply (`nil`: since always).
    public var effectiveFrom: Date?
    /// First instant the prices no longer apply, exclusive (`nil`: still in force).
    public var effectiveUntil: Date?
    /// Standard-tier rates per 1M tokens.
    public var rates: RateSet
    /// Batch, flex and priority rates per 1M tokens.
    public var tiers: [ServiceTier: RateSet]
    /// Long-context tiers, by ascending threshold.
    public var longContext: [LongContextTier]
    /// Per-image, per-request and per-search fees.
    public var fees: UnitFees
    /// Whether a rate missing from a service or long-context tier falls back to the layer beneath.
    public var fallsBackToStandard: Bool

    /// Creates a price record.
    ///
    /// - Parameters:
    ///   - id: the canonical model id.
    ///   - provider: the provider.
    ///   - aliases: other names of the model.
    ///   - mode: the kind of model.
    ///   - effectiveFrom: start of the range (`nil`: open).
    ///   - effectiveUntil: exclusive end of the range (`nil`: open).
    ///   - rates: standard-tier rates per 1M tokens.
    ///   - tiers: batch, flex and priority rates.
    ///   - longContext: long-context tiers (sorted by threshold here).
    ///   - fees: per-unit fees.
    ///   - fallsBackToStandard: the fallback rule for missing tier rates.
    public init(
        id: String, provider: String, aliases: [String] = [], mode: String = "chat", effectiveFrom: Date? = nil,
        effectiveUntil: Date? = nil, rates: RateSet, tiers: [ServiceTier: RateSet] = [:],
        longContext: [LongContextTier] = [], fees: UnitFees = UnitFees(), fallsBackToStandard: Bool = false
    ) {
        self.id = id
        self.provider = provider
        self.aliases = aliases
        self.mode = mode
        self.effectiveFrom = effectiveFrom
        self.effectiveUntil = effectiveUntil
        self.rates = rates
        self.tiers = tiers
        self.longContext = longContext.sorted { $0.threshold < $1.threshold }
        self.fees = fees
        self.fallsBackToStandard = fallsBackToStandard
    }

    /// The id without its provider prefix (`gemini/gemini-2.5-pro` → `gemini-2.5-pro`), which
    /// every record answers to as well as its ``aliases``; `nil` when the id has no prefix.
    public var implicitAlias: String? {
        let utf8 = id.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            // Beyond ASCII a slash may start a longer character (a slash and a combining mark).
            guard let slash = id.firstIndex(of: "/"), id.index(after: slash) < id.endIndex else { return nil }
            return String(id[id.index(after: slash)...])
        }
        // ASCII: every byte is a character, so the first slash byte is the first slash.
        guard let slash = utf8.firstIndex(of: UInt8(ascii: "/")), utf8.index(after: slash) < utf8.endIndex else {
            return nil
        }
        return String(id[utf8.index(after: slash)...])
    }

    /// Whether the record is in force at `date` (`effectiveFrom ≤ date < effectiveUntil`).
    public func isEffective(at date: Date) -> Bool {
        if let effectiveFrom, date < effectiveFrom { return false }
        if let effectiveUntil, date >= effectiveUntil { return false }
        return true
    }

    /// The long-context tier that applies to a prompt of `promptTokens` tokens, if any: the one
    /// with the highest threshold below the prompt size.
    ///
    /// - Complexity: O(number of long-context tiers).
    public func longContextTier(forPrompt promptTokens: Int64) -> LongContextTier? {
        longContext.last { promptTokens > $0.threshold }
    }

    /// The rates that apply on `tier` for a prompt of `promptTokens` tokens, with the
    /// record's fallback rule applied.
    ///
    /// Without fallback, a non-standard tier uses only the rates listed for it, above a threshold
    /// only the long-context tier's rates; every unlisted rate stays unknown. With fallback, each
    /// unknown rate is filled from the next layer: (tier, long context) → (standard, long
    /// context) → (tier, base) → (standard, base).
    ///
    /// - Parameters:
    ///   - tier: the service tier of the request.
    ///   - promptTokens: the prompt size, `tokens.prompt`.
    /// - Returns: the rate set to price the request with.
    public func rates(for tier: ServiceTier, promptTokens: Int64) -> RateSet {
        let base = tier == .standard ? rates : (tiers[tier] ?? RateSet())
        guard let long = longContextTier(forPrompt: promptTokens) else {
            return fallsBackToStandard ? base.filled(from: rates) : base
        }
        let longRates = tier == .standard ? long.rates : (long.tiers[tier] ?? RateSet())
        guard fallsBackToStandard else { return longRates }
        return longRates.filled(from: long.rates).filled(from: base).filled(from: rates)
    }
}
