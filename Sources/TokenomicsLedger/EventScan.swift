import Foundation
import TokenomicsCore

/// The sums of stored events per group (and per hour, day or five minutes), for what the rollups
/// cannot answer: groups by user, trace or span id or tag, ranges that are not whole hours, and
/// five-minute buckets. Both backends read the events of the range and add them here, so both
/// give the same figures, computed by the same ``TokenomicsCore/SpendSums`` as the rollups.
struct EventScan {
    /// The group keys, in order.
    let dimensions: [LedgerGroupKey]
    /// How finely to split each group in time.
    let grain: RollupGrain
    private var sums: [Group: SpendSums] = [:]

    init(dimensions: [LedgerGroupKey], grain: RollupGrain) {
        self.dimensions = dimensions
        self.grain = grain
    }

    /// Adds a stored entry.
    mutating func add(_ entry: LedgerEntry) {
        let key = dimensions.map { LedgerSchema.keyValue(Self.value(of: $0, in: entry)) }
        var bucket: Int64?
        if grain != .total, let date = entry.event.timestamp {
            let microseconds = LedgerSchema.microseconds(date)
            switch grain {
            case .total: bucket = nil
            case .hour: bucket = LedgerSchema.hour(microseconds: microseconds)
            case .day: bucket = LedgerSchema.day(LedgerSchema.hour(microseconds: microseconds))
            case .fiveMinutes: bucket = Self.floor(microseconds, 300_000_000)
            }
        }
        sums[Group(key: key, bucket: bucket), default: SpendSums()].add(
            entry.event, cost: entry.cost, breakdown: entry.breakdown, cache: entry.cache)
    }

    /// The rows: one per group and bucket.
    var rows: [SpendRow] {
        sums.map { group, sums in
            SpendRow(key: group.key, hour: group.bucket.flatMap { LedgerSchema.rowHour($0, grain: grain) }, sums: sums)
        }
    }

    /// The value an entry has for a group key (`nil` for none), as the rollups store it.
    static func value(of dimension: LedgerGroupKey, in entry: LedgerEntry) -> String? {
        let event = entry.event
        switch dimension {
        case .provider: return event.provider
        case .model: return event.model
        case .pricedModel: return event.pricedModel
        case .serviceTier: return entry.pricedTier.rawValue
        case .catalogVersion: return entry.catalogVersion
        case .longContextThreshold: return entry.longContextThreshold.map { String($0) }
        case .attribution(let key): return event.attribution[key]
        case .tag(let name): return event.attribution.tags[name]
        case .tags: return LedgerSchema.tagsJSON(event.attribution.tags)
        }
    }

    /// `value / divisor` rounded toward negative infinity.
    static func floor(_ value: Int64, _ divisor: Int64) -> Int64 {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? quotient - 1 : quotient
    }

    private struct Group: Hashable {
        var key: [String?]
        var bucket: Int64?
    }
}

extension LedgerTotals {
    /// Adds a stored entry.
    mutating func add(_ entry: LedgerEntry) {
        requests += 1
        tokens += entry.event.tokens
        if let cost = entry.cost {
            pricedRequests += 1
            self.cost += cost
            breakdown += entry.breakdown
        }
    }
}

extension LedgerGroup {
    /// The groups of some totals per key value, largest cost first.
    static func sorted(_ totals: [String?: LedgerTotals]) -> [LedgerGroup] {
        totals.map { LedgerGroup(key: $0.key, totals: $0.value) }
            .sorted { ($0.totals.cost, $1.key ?? "") > ($1.totals.cost, $0.key ?? "") }
    }
}
