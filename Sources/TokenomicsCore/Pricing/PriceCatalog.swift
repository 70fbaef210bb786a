import Foundation

/// A versioned set of model prices: what every model costs, on every tier, over time.
///
/// A catalog is immutable once built. Building it indexes every model id and alias (and the id
/// without its provider prefix) by lower-cased name, and compiles every record for the pricing
/// hot path (see ``CostEngine``).
public struct PriceCatalog: Sendable, Hashable {
    /// Where the prices come from and which snapshot, e.g. `litellm-1.110.2@3f2a…`.
    public let version: String
    /// Attribution and licence of the source data.
    public let source: String
    /// The price records, sorted by id, then effective start.
    public let models: [ModelPrice]
    /// Lower-cased name → record indices; bit 0 set when the name is an alias, not the id.
    let index: [String: [Int32]]
    /// The records compiled for pricing, parallel to ``models``.
    let compiled: [CompiledPrice]

    /// Creates a catalog.
    ///
    /// - Parameters:
    ///   - version: the snapshot's version label.
    ///   - source: attribution and licence text.
    ///   - models: the price records, in any order.
    /// - Complexity: O(n log n) in the number of records.
    public init(version: String, source: String, models: [ModelPrice]) {
        self.version = version
        self.source = source
        let sorted = models.sorted { lhs, rhs in
            if lhs.id != rhs.id { return lhs.id < rhs.id }
            if lhs.provider != rhs.provider { return lhs.provider < rhs.provider }
            return (lhs.effectiveFrom ?? .distantPast) < (rhs.effectiveFrom ?? .distantPast)
        }
        self.models = sorted
        var index: [String: [Int32]] = [:]
        index.reserveCapacity(sorted.count * 2)
        for (position, model) in sorted.enumerated() {
            let id = model.id.lowercased()
            index[id, default: []].append(Int32(position) << 1)
            var aliases = Set(model.aliases.map { $0.lowercased() })
            if let implicit = model.implicitAlias { aliases.insert(implicit.lowercased()) }
            aliases.remove(id)
            for alias in aliases.sorted() { index[alias, default: []].append(Int32(position) << 1 | 1) }
        }
        self.index = index
        self.compiled = sorted.map(CompiledPrice.init)
    }

    /// An empty catalog: every model is unknown.
    public static let empty = PriceCatalog(version: "empty", source: "", models: [])

    /// Catalogs are equal when their version, source and records are.
    public static func == (lhs: PriceCatalog, rhs: PriceCatalog) -> Bool {
        lhs.version == rhs.version && lhs.source == rhs.source && lhs.models == rhs.models
    }

    /// Hashes the version, source and records.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(version)
        hasher.combine(source)
        hasher.combine(models)
    }

    /// The price of `model` in force at `date`.
    ///
    /// Names resolve in order: exact id or alias → the name without provider prefixes
    /// (`openai/gpt-4o`, `models/gemini-2.5-pro`) → the name without a trailing date or
    /// `latest` suffix (`-2024-08-06`, `-20241022`, `@20240620`, `-latest`). Within a step, records
    /// whose provider matches `provider` (or the name's prefix) come first, then ids before
    /// aliases; the first step whose best record has the right provider decides (else the first
    /// step that found anything). The first of its records effective at `date` is the answer.
    ///
    /// - Parameters:
    ///   - model: the model name as reported.
    ///   - provider: the event's provider, to prefer its records; `nil` for no preference.
    ///   - date: the instant the prices must be in force.
    /// - Returns: the record, or `nil` when the model is unknown or has no price at `date`.
    /// - Complexity: O(length of the name + records for the name).
    public func price(for model: String, provider: String?, at date: Date) -> ModelPrice? {
        let seconds = date.timeIntervalSince1970
        for position in candidates(for: model, provider: provider)
        where compiled[Int(position)].isEffective(atSeconds: seconds) {
            return models[Int(position)]
        }
        return nil
    }

    /// Every record with exactly this id, in effective-date order.
    public func records(withID id: String) -> [ModelPrice] { models.filter { $0.id == id } }
}
