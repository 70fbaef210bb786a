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
    private let lastLookup = LastLookup()

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
        let date = event.timestamp ?? now
        let candidates = lastLookup.candidates(model: event.model, provider: event.provider) {
            catalog.candidates(for: event.model, provider: event.provider)
        }
        let seconds = date.timeIntervalSince1970
        var chosen = -1
        for position in candidates where catalog.compiled[Int(position)].isEffective(atSeconds: seconds) {
            chosen = Int(position)
            break
        }
        let tier = event.serviceTier
        // The event moves into the result: no copy of its strings and tags.
        var result = PricedEvent(event: event, cost: nil, catalogVersion: catalog.version, serviceTier: tier)
        guard chosen >= 0 else {
            let reason =
                candidates.isEmpty
                ? "model '\(result.event.model)' is not in the price catalog \(catalog.version)"
                : "model '\(result.event.model)' has no price in force at \(Timestamp.rfc3339(date)) in catalog \(catalog.version)"
            result.issue = IngestIssue(.unknownModel, field: "model", reason)
            return result
        }
        let pricedModel = catalog.models[chosen].id
        result.event.pricedModel = pricedModel
        let compiled = catalog.compiled[chosen]
        let level = compiled.level(forPrompt: result.event.tokens.prompt)
        var bill = Bill(compiled: compiled, set: level * CompiledPrice.tierCount + result.event.serviceTier.slot)
        let breakdown = bill.charge(result.event.tokens, result.event.modality)
        let threshold = level > 0 ? compiled.thresholds[level - 1] : nil
        result.longContextThreshold = threshold
        if let missing = bill.missing {
            var reason =
                "model '\(pricedModel)' has no \(missing) rate on the \(result.event.serviceTier.rawValue) tier"
            if let threshold { reason += " above \(threshold) prompt tokens" }
            reason += " in catalog \(catalog.version)"
            result.issue = IngestIssue(.missingRate, field: missing, reason)
            return result
        }
        result.cost = breakdown.total
        result.breakdown = breakdown
        return result
    }
}

/// The engine's cache of resolved model names: (model, provider) → catalog records. Streams
/// name a handful of models over and over; each name is resolved once (bounded to 4,096 names).
private final class LastLookup: Sendable {
    private struct Key: Hashable {
        var model: String
        var provider: String
    }

    private let entries = Mutex<[Key: [Int32]]>([:])
    private static let capacity = 4_096

    func candidates(model: String, provider: String, resolve: () -> [Int32]) -> [Int32] {
        let key = Key(model: model, provider: provider)
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let resolved = resolve()
        entries.withLock { cache in
            if cache.count >= Self.capacity { cache.removeAll(keepingCapacity: true) }
            cache[key] = resolved
        }
        return resolved
    }
}
