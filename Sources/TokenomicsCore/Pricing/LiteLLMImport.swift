import Foundation

/// Converts the LiteLLM price map (`model_prices_and_context_window.json`, USD per token) into a
/// ``PriceCatalog`` (USD per 1M tokens), exactly: every number is read from its decimal text,
/// never through `Double`.
///
/// What is imported, per entry whose `mode` is one of ``Options/modes``:
/// - per-token rates: `input_cost_per_token`, `output_cost_per_token`,
///   `output_cost_per_reasoning_token`, `cache_read_input_token_cost` (or DeepSeek's
///   `input_cost_per_token_cache_hit`), `cache_creation_input_token_cost` (5-minute write) and
///   `cache_creation_input_token_cost_above_1hr` (1-hour write), audio and image token rates;
/// - each with its `_batches`, `_flex`, `_priority` tier and `_above_<N>k_tokens` long-context
///   variants, combined in either order LiteLLM writes them;
/// - fees: `output_cost_per_image`, `input_cost_per_image`, `input_cost_per_request` (or
///   `input_cost_per_query`), `search_context_cost_per_query` (medium context size).
///
/// Aliases: every record answers to its LiteLLM key and, implicitly, to the key without its
/// provider prefix (``ModelPrice/implicitAlias``), so the catalog file does not repeat them.
///
/// Imported records never fall back to standard rates: LiteLLM omits a tier's key both when the
/// tier costs the same and when nobody recorded it, so a missing tier rate is unknown.
public enum LiteLLMImport {
    /// What to import and how to label it.
    public struct Options: Sendable, Hashable {
        /// The catalog version label, e.g. `litellm-1.110.2@9c1e…`.
        public var version: String
        /// Attribution and licence text stored in the catalog.
        public var source: String
        /// Start of the effective range of every record (`nil`: since always). A price map has
        /// no dates; give the day the snapshot was taken to keep older events on older prices.
        public var effectiveFrom: Date?
        /// The LiteLLM modes to keep.
        public var modes: Set<String>

        /// Creates options.
        ///
        /// - Parameters:
        ///   - version: the catalog version label.
        ///   - source: attribution text.
        ///   - effectiveFrom: start of the effective range of every record.
        ///   - modes: the modes to keep (text models by default).
        public init(
            version: String = "litellm", source: String = LiteLLMImport.attribution(litellmVersion: nil),
            effectiveFrom: Date? = nil, modes: Set<String> = ["chat", "completion", "responses", "embedding"]
        ) {
            self.version = version
            self.source = source
            self.effectiveFrom = effectiveFrom
            self.modes = modes
        }
    }

    /// The attribution the LiteLLM licence asks for.
    ///
    /// - Parameter litellmVersion: the LiteLLM release the map came from, if known.
    /// - Returns: one paragraph naming the source, the release and the licence.
    public static func attribution(litellmVersion: String?) -> String {
        let release = litellmVersion.map { " \($0)" } ?? ""
        return "Prices from the LiteLLM model price map (BerriAI/litellm\(release), "
            + "model_prices_and_context_window.json), MIT licence, Copyright (c) 2023 Berri AI. "
            + "Prices are facts as published by the providers; converted to USD per 1M tokens by Tokenomics."
    }

    /// Imports a LiteLLM price map.
    ///
    /// - Parameters:
    ///   - data: the JSON text of the map.
    ///   - options: version label, attribution, effective start and modes.
    /// - Returns: the catalog; entries of other modes, and entries without any price Tokenomics
    ///   can apply (per-second, per-character pricing), are left out.
    /// - Throws: ``PricingError`` when the text is not a JSON object.
    /// - Complexity: O(n) in the size of the map.
    public static func catalog(from data: Data, options: Options = Options()) throws -> PriceCatalog {
        do {
            return try JSONDocument().withRoot(of: data) { try catalog(from: $0, options: options) }
        } catch let error as JSONSyntaxError {
            throw PricingError("the LiteLLM map is not valid JSON: \(error)")
        }
    }

    static func catalog(from root: JSONValue, options: Options) throws -> PriceCatalog {
        guard root.kind == .object else { throw PricingError("a LiteLLM price map must be a JSON object") }
        var models: [ModelPrice] = []
        for (key, entry) in root.members where entry.kind == .object {
            guard let mode = entry["mode"]?.string, options.modes.contains(mode) else { continue }
            if let model = model(key: key, entry: entry, mode: mode, options: options) { models.append(model) }
        }
        return PriceCatalog(version: options.version, source: options.source, models: models)
    }

    /// The record for one map entry, or `nil` when it has no applicable price.
    static func model(key: String, entry: JSONValue, mode: String, options: Options) -> ModelPrice? {
        var rates = RateSet()
        var tiers: [ServiceTier: RateSet] = [:]
        var long: [Int64: LongContextTier] = [:]
        var cacheHit: Money?
        var fees = UnitFees()
        for (name, value) in entry.members {
            if let costKey = LiteLLMCostKey(name) {
                guard let perToken = amount(value) else { continue }
                let rate = Money(attodollars: perToken.attodollars * 1_000_000)
                if costKey.isCacheHitAlias {
                    cacheHit = rate
                } else if let threshold = costKey.threshold {
                    var tier = long[threshold] ?? LongContextTier(threshold: threshold, rates: RateSet())
                    if costKey.tier == .standard {
                        tier.rates[costKey.kind] = rate
                    } else {
                        tier.tiers[costKey.tier, default: RateSet()][costKey.kind] = rate
                    }
                    long[threshold] = tier
                } else if costKey.tier == .standard {
                    rates[costKey.kind] = rate
                } else {
                    tiers[costKey.tier, default: RateSet()][costKey.kind] = rate
                }
                continue
            }
            switch name {
            case "output_cost_per_image": fees.image = amount(value)
            case "input_cost_per_image": fees.inputImage = amount(value)
            case "input_cost_per_request": fees.request = amount(value) ?? fees.request
            case "input_cost_per_query": fees.request = fees.request ?? amount(value)
            case "search_context_cost_per_query": fees.webSearch = amount(value["search_context_size_medium"])
            default: break
            }
        }
        if rates.cacheRead == nil { rates.cacheRead = cacheHit }
        guard !rates.isEmpty || !tiers.isEmpty || !long.isEmpty || !fees.isEmpty else { return nil }
        let provider = entry["litellm_provider"]?.string ?? key.split(separator: "/").first.map(String.init) ?? key
        return ModelPrice(
            id: key, provider: provider, mode: mode, effectiveFrom: options.effectiveFrom,
            rates: rates, tiers: tiers, longContext: Array(long.values), fees: fees, fallsBackToStandard: false)
    }

    /// A non-negative amount read exactly from a number's text (rounded to the attodollar).
    private static func amount(_ value: JSONValue?) -> Money? {
        guard let value, value.kind == .number || value.kind == .string, let text = value.decimalText,
            let money = Money(decimal: text, rounding: true), money >= .zero
        else { return nil }
        return money
    }
}
