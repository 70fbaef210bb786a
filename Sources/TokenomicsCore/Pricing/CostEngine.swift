import Foundation
import Synchronization

/// Prices usage events against a ``PriceCatalog`` (FRAMEWORK.md §2):
/// `cost = Σ_class T_class · p_class(model, tier, context, date) + per-unit fees`.
///
/// Rules:
/// - the record is the one in force at `event.timestamp ?? now`;
/// - above a long-context threshold (`tokens.prompt` greater than it) *all* tokens use that tier's
///   rates, cache rates included; the event's service tier picks batch, flex or priority rates;
/// - hidden reasoning is billed at the reasoning rate, else the output rate; retrieval at the
///   retrieval rate, else the input rate; 5-minute and 1-hour cache writes at their own rates;
/// - a class with tokens and no rate (cache reads on a model without a cache-read price, 1-hour
///   writes without a 1-hour rate, a tier the catalog does not list) leaves the event unpriced
///   with a ``IngestIssue/Kind/missingRate`` issue: no rate is guessed, no event costs a false $0;
/// - generated images cost the per-image fee unless the event reports output image tokens
///   (then the tokens are the bill); web searches cost the per-query fee; requests cost the
///   per-request fee, if the model has one.
///
/// The engine remembers the models it has resolved, so a stream of events prices each
/// without allocating. It is safe to share between tasks.
public struct CostEngine: Sendable {
    /// The catalog prices come from.
    public let catalog: PriceCatalog
    private let sharedLookups = SharedLookups()

    /// Creates an engine.
    ///
    /// - Parameter catalog: the prices.
    public init(catalog: PriceCatalog) { self.catalog = catalog }

    /// Prices one event.
    ///
    /// - Parameters:
    ///   - event: the usage.
    ///   - now: the date to price at when the event has no timestamp.
    /// - Returns: the event with its exact cost and breakdown, or unpriced with the reason.
    /// - Complexity: O(1) for a repeated model; a new model name costs one catalog lookup.
    public func price(_ event: consuming UsageEvent, now: Date) -> PricedEvent {
        var priced = PricedEvent(event: event, cost: nil, catalogVersion: catalog.version)
        let candidates = sharedLookups.candidates(model: priced.event.model, provider: priced.event.provider) {
            resolve(model: priced.event.model, provider: priced.event.provider)
        }
        price(&priced, now: now, candidates: candidates)
        return priced
    }

    /// Prices one event, resolving its model through a cache owned by the caller: the fastest
    /// path, for one stream on one thread (see ``CostStream``).
    ///
    /// - Parameters:
    ///   - event: the event; it moves into the result.
    ///   - now: the time to price at when the event has no timestamp.
    ///   - cache: the caller's cache of model-name resolutions for this engine's catalog.
    public func price(_ event: consuming UsageEvent, now: Date, cache: inout ModelLookupCache) -> PricedEvent {
        var priced = PricedEvent(event: event, cost: nil, catalogVersion: catalog.version)
        price(&priced, now: now, cache: &cache)
        return priced
    }

    /// Prices `priced.event` in place, the stream's path: a ``PricedEvent`` reused from event to
    /// event keeps its catalog version and storage, so pricing builds nothing.
    ///
    /// Sets the event's priced model and every pricing member but ``PricedEvent/catalogVersion``,
    /// which the caller set to this engine's ``PriceCatalog/version``.
    func price(_ priced: inout PricedEvent, now: Date, cache: inout ModelLookupCache) {
        let candidates = cache.candidates(model: priced.event.model, provider: priced.event.provider) {
            resolve(model: priced.event.model, provider: priced.event.provider)
        }
        price(&priced, now: now, candidates: candidates)
    }

    /// The compiled records a model name resolves to, best first (see ``PriceCatalog/price(for:provider:at:)``).
    private func resolve(model: String, provider: String) -> [CompiledPrice] {
        catalog.records.compiled(at: catalog.candidates(for: model, provider: provider))
    }

    private func price(_ priced: inout PricedEvent, now: Date, candidates: [CompiledPrice]) {
        let date = priced.event.timestamp ?? now
        let seconds = date.timeIntervalSince1970
        let tier = priced.event.serviceTier
        priced.serviceTier = tier
        for compiled in candidates {
            if compiled.isEffective(atSeconds: seconds) {
                charge(&priced, compiled, tier: tier)
                return
            }
        }
        priced.unprice(
            IngestIssue(
                .unknownModel, field: "model",
                candidates.isEmpty
                    ? "model '\(priced.event.model)' is not in the price catalog \(catalog.version)"
                    : "model '\(priced.event.model)' has no price in force at \(Timestamp.rfc3339(date)) "
                        + "in catalog \(catalog.version)"),
            longContextThreshold: nil)
    }

    /// Charges the event at `compiled`'s rates for its tier and prompt size.
    @inline(__always)
    private func charge(_ priced: inout PricedEvent, _ compiled: CompiledPrice, tier: ServiceTier) {
        // Most models have no long-context tier: no prompt size to add up.
        let level = compiled.thresholds.isEmpty ? 0 : compiled.level(forPrompt: priced.event.tokens.prompt)
        let threshold = level > 0 ? compiled.thresholds[level - 1] : nil
        priced.event.pricedModel = compiled.id
        var bill = Bill(compiled: compiled, set: level * CompiledPrice.tierCount + tier.slot)
        bill.charge(priced.event.tokens, priced.event.modality, into: &priced.breakdown, cache: &priced.cache)
        guard let missing = bill.missing else {
            // An event this engine priced has no issue (it sets one only without a cost), and
            // clearing an absent issue still costs a release, so only an unpriced one is cleared.
            if priced.cost == nil { priced.issue = nil }
            priced.cost = priced.breakdown.total
            priced.longContextThreshold = threshold
            return
        }
        var reason = "model '\(compiled.id)' has no \(missing) rate on the \(tier.rawValue) tier"
        if let threshold { reason += " above \(threshold) prompt tokens" }
        reason += " in catalog \(catalog.version)"
        priced.unprice(IngestIssue(.missingRate, field: missing, reason), longContextThreshold: threshold)
    }
}

/// The engine's own cache of resolved model names, shared by every caller of
/// ``CostEngine/price(_:now:)``: a ``ModelLookupCache`` behind a lock, with names resolved outside it.
private final class SharedLookups: Sendable {
    private let cache = Mutex(ModelLookupCache())

    func candidates(model: String, provider: String, resolve: () -> [CompiledPrice]) -> [CompiledPrice] {
        if let hit = cache.withLock({ $0.cached(model: model, provider: provider) }) { return hit }
        let resolved = resolve()
        cache.withLock { $0.store(resolved, model: model, provider: provider) }
        return resolved
    }
}

/// A direct-mapped cache of model-name resolutions (model and provider → compiled records) for
/// one stream: no lock and no `Hasher`, just an FNV-1a hash of the bytes and a string comparison.
///
/// Resolving a name (lower-casing, provider prefixes, dated snapshots) costs microseconds; a
/// stream names few models, so after the first events every lookup is a hit.
public struct ModelLookupCache: Sendable {
    private struct Slot {
        var isFilled = false
        var model = ""
        var provider = ""
        var candidates: [CompiledPrice] = []
    }

    private static let size = 256
    /// Not optional, so that members are compared in place: copying a slot out would retain its
    /// three references.
    private var slots: [Slot]

    /// Creates an empty cache.
    public init() { slots = Array(repeating: Slot(), count: Self.size) }

    /// The slot of a name: ``hash(_:seed:)`` of the provider, then the model, its bits mixed
    /// (a step of SplitMix64's finalizer) so that the top ones, which pick the slot, depend on all.
    @inline(__always)
    private static func slot(model: String, provider: String) -> Int {
        let hash = hash(model, seed: hash(provider, seed: FNV1a.offsetBasis))
        let mixed = (hash ^ hash >> 31) &* 0xbf58_476d_1ce4_e5b9
        return Int(truncatingIfNeeded: mixed >> 56) & (size - 1)
    }

    /// A hash of the UTF-8 of `text`, read in place: FNV-1a for a text shorter than a word, else
    /// its length and its first and last eight bytes, mixed by two multiplications.
    ///
    /// A stream names a handful of models, which those bytes tell apart; names that collide only
    /// share a slot (the names themselves are compared), so a cheap hash is the fast one.
    @inline(__always)
    private static func hash(_ text: String, seed: UInt64) -> UInt64 {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            let count = bytes.count
            guard count >= 8, let base = bytes.baseAddress else { return FNV1a.hash(bytes, seed: seed) }
            let first = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
            let last = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
            let prime: UInt64 = 0x0000_0100_0000_01b3
            return (((seed ^ first) &* prime) ^ last ^ UInt64(truncatingIfNeeded: count)) &* prime
        } ?? FNV1a.hash(text.utf8, seed: seed)
    }

    /// The cached compiled records for `model` and `provider`, if any.
    @inline(__always)
    func cached(model: String, provider: String) -> [CompiledPrice]? {
        let index = Self.slot(model: model, provider: provider)
        guard slots[index].isFilled, slots[index].model == model, slots[index].provider == provider else { return nil }
        return slots[index].candidates
    }

    /// Caches the compiled records for `model` and `provider` (replacing whatever shared the slot).
    mutating func store(_ candidates: [CompiledPrice], model: String, provider: String) {
        slots[Self.slot(model: model, provider: provider)] = Slot(
            isFilled: true, model: model, provider: provider, candidates: candidates)
    }

    /// The compiled records for `model` and `provider`, from the cache or else from `resolve`.
    @inline(__always)
    mutating func candidates(
        model: String, provider: String, resolve: () -> [CompiledPrice]
    ) -> [CompiledPrice] {
        if let hit = cached(model: model, provider: provider) { return hit }
        let resolved = resolve()
        store(resolved, model: model, provider: provider)
        return resolved
    }
}
