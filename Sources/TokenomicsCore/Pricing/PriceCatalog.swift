import Foundation

/// A versioned set of model prices: what every model costs, on every tier, over time.
///
/// A catalog is immutable once built. Building it indexes every model id and alias (and the id
/// without its provider prefix) by lower-cased name; each record is compiled for the pricing hot
/// path (see ``CostEngine``) the first time an event needs it.
public struct PriceCatalog: Sendable, Hashable {
    /// Where the prices come from and which snapshot, e.g. `litellm-1.110.2@3f2a…`.
    public let version: String
    /// Attribution and licence of the source data.
    public let source: String
    /// The price records, sorted by id, then provider, then effective start.
    ///
    /// A catalog read with ``loadTrusted(_:)`` reads every record the first time this is asked for.
    public var models: [ModelPrice] { records.all }
    /// Lower-cased name → record positions in ``models`` shifted left by one, bit 0 set when the
    /// name is an alias, not the id.
    let index: NameIndex
    /// The records, and their compiled forms, made when first needed.
    let records: CatalogRecords

    /// Creates a catalog.
    ///
    /// - Parameters:
    ///   - version: the snapshot's version label.
    ///   - source: attribution and licence text.
    ///   - models: the price records, in any order.
    /// - Complexity: O(n log n) in the number of records.
    public init(version: String, source: String, models: [ModelPrice]) {
        let sorted = models.sorted { lhs, rhs in
            if lhs.id != rhs.id { return lhs.id < rhs.id }
            if lhs.provider != rhs.provider { return lhs.provider < rhs.provider }
            return (lhs.effectiveFrom ?? .distantPast) < (rhs.effectiveFrom ?? .distantPast)
        }
        var index = NameIndex(capacity: 2 * sorted.count)
        for (position, model) in sorted.enumerated() {
            let others = model.aliases + (model.implicitAlias.map { [$0] } ?? [])
            Self.addNames(
                id: NameIndex.key(model.id.lowercased()), others: others.map { NameIndex.key($0.lowercased()) },
                position: position, to: &index)
        }
        self.init(version: version, source: source, index: index, records: CatalogRecords(models: sorted))
    }

    /// Creates a catalog from its parts: `index` names the positions of `records`.
    init(version: String, source: String, index: NameIndex, records: CatalogRecords) {
        self.version = version
        self.source = source
        self.index = index
        self.records = records
    }

    /// Indexes the names of the record at `position` (each the bytes of a ``NameIndex/key(_:)``
    /// of a lower-cased name): its id, then each of its other names (aliases, the id without its
    /// provider prefix) once.
    static func addNames(
        id: ArraySlice<UInt8>, others: [ArraySlice<UInt8>], position: Int, to index: inout NameIndex
    ) {
        let entry = Int32(position) << 1
        index.add(entry, name: id)
        for (offset, name) in others.enumerated()
        where name != id && !others[..<offset].contains(name) {
            index.add(entry | 1, name: name)
        }
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
        let positions = candidates(for: model, provider: provider)
        for (position, compiled) in zip(positions, records.compiled(at: positions))
        where compiled.isEffective(atSeconds: seconds) {
            return records.model(at: Int(position))
        }
        return nil
    }

    /// Every record with exactly this id, in effective-date order.
    public func records(withID id: String) -> [ModelPrice] { models.filter { $0.id == id } }
}
