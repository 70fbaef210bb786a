import Foundation
import TokenomicsCore

/// The key of one rollup row: an hour and an event key.
struct RollupKey: Hashable, Sendable {
    /// Hours since 1970, or ``LedgerSchema/noHour``.
    var hour: Int64
    /// The price set and attribution.
    var key: EventKey

    /// The key of an entry, in its hour.
    init(_ entry: LedgerEntry) {
        hour =
            entry.event.timestamp.map { LedgerSchema.hour(microseconds: LedgerSchema.microseconds($0)) }
            ?? LedgerSchema.noHour
        key = EventKey(entry)
    }

}

/// The rollup rows of a batch of stored entries, summed in memory before they are added to the
/// stored rollups in the batch's transaction.
struct LedgerRollups: Sendable {
    /// The sums per key.
    private(set) var rows: [RollupKey: SpendSums] = [:]

    /// Whether no entry was added.
    var isEmpty: Bool { rows.isEmpty }

    /// The same sums per UTC day: each key's hour becomes its day's first hour.
    var daily: LedgerRollups {
        var daily = LedgerRollups()
        for (key, sums) in rows {
            var day = key
            day.hour = LedgerSchema.day(key.hour)
            daily.rows[day, default: SpendSums()] += sums
        }
        return daily
    }

    /// Adds a stored entry.
    ///
    /// - Parameters:
    ///   - entry: the entry.
    ///   - removing: whether to take the entry out (a duplicate, or re-pricing changed it) instead.
    mutating func add(_ entry: LedgerEntry, removing: Bool = false) {
        let key = RollupKey(entry)
        if removing {
            rows[key, default: SpendSums()] += -LedgerRollups.sums(of: entry)
        } else {
            rows[key, default: SpendSums()].add(
                entry.event, cost: entry.cost, breakdown: entry.breakdown, cache: entry.cache)
        }
    }

    /// The sums of one entry.
    static func sums(of entry: LedgerEntry) -> SpendSums {
        var sums = SpendSums()
        sums.add(entry.event, cost: entry.cost, breakdown: entry.breakdown, cache: entry.cache)
        return sums
    }

    /// The count columns of a row's sums, in ``LedgerSchema/rollupCountColumns`` order.
    static func counts(_ sums: SpendSums) -> [Int64] {
        let tokens = sums.tokens
        let modality = sums.modality
        return [
            sums.requests, sums.unpricedRequests, tokens.input, tokens.cacheRead, tokens.cacheWrite5m,
            tokens.cacheWrite1h, tokens.retrieval, tokens.output, tokens.reasoning, sums.reasoningEstimated,
            modality.audioInputTokens, modality.audioOutputTokens, modality.imageInputTokens,
            modality.imageOutputTokens, modality.images, modality.requests, modality.webSearchQueries, sums.outcomes,
            sums.accepted, sums.qualityCount, sums.valued,
        ]
    }

    /// The amounts of a row's sums, in ``LedgerSchema/rollupAmountColumns`` order.
    static func amounts(_ sums: SpendSums) -> [Money] {
        let parts = sums.breakdown
        return [
            sums.cost, parts.input, parts.cacheRead, parts.cacheWrite, parts.retrieval, parts.output, parts.reasoning,
            parts.audio, parts.image, parts.requests, parts.webSearch, sums.reasoningEstimatedCost,
            sums.cache.readsAtInputRate, sums.cache.writesAtInputRate, sums.cache.writes1h, sums.value,
        ]
    }

    /// The sums a row of counts, quality sum and amounts (read back from a store) stands for.
    static func sums(counts: [Int64], qualitySum: Double, amounts: [Money]) -> SpendSums {
        var sums = SpendSums()
        sums.requests = counts[0]
        sums.unpricedRequests = counts[1]
        sums.tokens = TokenCounts(
            input: counts[2], cacheRead: counts[3], cacheWrite5m: counts[4], cacheWrite1h: counts[5],
            retrieval: counts[6], output: counts[7], reasoning: counts[8])
        sums.reasoningEstimated = counts[9]
        sums.modality = ModalityCounts(
            audioInputTokens: counts[10], audioOutputTokens: counts[11], imageInputTokens: counts[12],
            imageOutputTokens: counts[13], images: counts[14], requests: counts[15], webSearchQueries: counts[16])
        sums.outcomes = counts[17]
        sums.accepted = counts[18]
        sums.qualityCount = counts[19]
        sums.valued = counts[20]
        sums.qualitySum = qualitySum
        sums.cost = amounts[0]
        sums.breakdown = LedgerSchema.breakdown(amounts[1...10])
        sums.reasoningEstimatedCost = amounts[11]
        sums.cache = CacheAccounting(
            readsAtInputRate: amounts[12], writesAtInputRate: amounts[13], writes1h: amounts[14])
        sums.value = amounts[15]
        return sums
    }
}

extension LedgerSchema {
    /// Tags as canonical JSON (keys sorted), or `nil` for no tags: the stored form, equal for
    /// equal tags so that rollups group them together.
    static func tagsJSON(_ tags: [String: String]) -> String? {
        guard !tags.isEmpty else { return nil }
        var writer = JSONWriter(capacity: 64)
        writer.beginObject()
        for key in tags.keys.sorted() {
            writer.key(key)
            writer.string(tags[key])
        }
        writer.endObject()
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

/// Where a rollup row's values go, one after another: a SQLite statement's parameters or a
/// PostgreSQL row array.
protocol RollupRowWriter {
    mutating func write(_ value: Int64)
    mutating func write(_ value: Double)
}

extension LedgerRollups {
    /// Writes one rollup row in the table's column order: the hour, the key id, the counts, the
    /// quality sum, then each amount as nanodollars and attodollars. Both backends store rows
    /// through this.
    ///
    /// - Throws: ``LedgerError`` (`amountOutOfRange`) when a sum's nanodollars do not fit 64 bits.
    static func write(
        hour: Int64, keyID: Int64, _ sums: SpendSums, to writer: inout some RollupRowWriter, location: String
    ) throws {
        writer.write(hour)
        writer.write(keyID)
        for count in counts(sums) { writer.write(count) }
        writer.write(sums.qualitySum)
        for amount in amounts(sums) {
            let stored = try StoredAmount.checked(amount, location: location, owner: "a rollup sum")
            writer.write(stored.nano)
            writer.write(stored.atto)
        }
    }
}
