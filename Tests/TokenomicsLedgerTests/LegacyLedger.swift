import Foundation
import Testing
import TokenomicsCore

@testable import TokenomicsLedger

/// Ledgers as versions before `v4-compact-events` wrote them (one column per field), to check
/// that reopening one brings it up to date with nothing lost.
enum LegacyLedger {
    /// A value of a `v1-events` column.
    enum Value {
        case text(String?)
        case integer(Int64?)
    }

    /// The `v1-events` column values of an entry, in ``LedgerSchema/v1EventColumns`` order, as
    /// the first versions stored it (timing, outcome and tags as JSON text).
    static func values(_ entry: LedgerEntry) throws -> [Value] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func json(_ value: some Encodable) throws -> String {
            String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        let event = entry.event
        let tokens = event.tokens
        let modality = event.modality
        var values: [Value] = [
            .text(event.id), .integer(event.timestamp.map { LedgerSchema.microseconds($0) }), .text(event.provider),
            .text(event.model), .text(event.pricedModel), .text(event.operation), .text(event.serviceTier.rawValue),
        ]
        values += [
            tokens.input, tokens.cacheRead, tokens.cacheWrite5m, tokens.cacheWrite1h, tokens.retrieval, tokens.output,
            tokens.reasoning, Int64(tokens.estimated.rawValue), modality.audioInputTokens, modality.audioOutputTokens,
            modality.imageInputTokens, modality.imageOutputTokens, modality.images, modality.requests,
            modality.webSearchQueries,
        ].map { .integer($0) }
        values += Attribution.Key.allCases.map { .text(event.attribution[$0]) }
        values.append(.text(LedgerSchema.tagsJSON(event.attribution.tags)))
        values.append(.text(event.timing == Timing() ? nil : try json(event.timing)))
        values.append(.text(try event.outcome.map { try json($0) }))
        values += [
            .text(entry.catalogVersion), .text(entry.pricedTier.rawValue), .integer(entry.longContextThreshold),
            .integer(entry.cost == nil ? 0 : 1), .text(entry.unpricedReason),
        ]
        let parts = entry.breakdown
        for amount in [
            entry.cost, parts.input, parts.cacheRead, parts.cacheWrite, parts.retrieval, parts.output, parts.reasoning,
            parts.audio, parts.image, parts.requests, parts.webSearch,
        ] {
            let stored = amount.flatMap { StoredAmount($0) }
            values += [.integer(stored?.nano), .integer(stored?.atto)]
        }
        precondition(values.count == LedgerSchema.v1EventColumns.count)
        return values
    }

    /// Entries of every kind the conversion must keep: outcomes, estimated reasoning, tags,
    /// timing, unpriced events, users and traces, events without a timestamp.
    static func entries(count: Int = 50) -> [LedgerEntry] {
        (0..<count).map { index in
            let at = index == 7 ? nil : LedgerFixtures.march1.addingTimeInterval(Double(index) * 300)
            let tags: [String: String] = index % 3 == 0 ? ["env": "prod", "app": "x/y"] : [:]
            var entry = LedgerFixtures.entry("b\(index)", at: at, team: index % 2 == 0 ? "a" : "b", tags: tags)
            entry.event.attribution.user = "user-\(index % 4)"
            entry.event.attribution.traceId = "trace-\(index)"
            if index % 5 == 0 {
                entry.event.outcome = Outcome(
                    success: index % 10 == 0, quality: 0.75, valueUSD: Money(attodollars: 1_234_567_890_123_456_789))
                entry.event.tokens.reasoning = 300
                entry.event.tokens.estimated = TokenClassSet(.reasoning)
                entry.breakdown.reasoning = Money(attodollars: 4_500_000_000_000_001)
                entry.event.timing = Timing(duration: 1.25, timeToFirstToken: 0.5)
            }
            if index == 11 {
                entry.cost = nil
                entry.breakdown = .zero
                entry.unpricedReason = "no price for gpt-9"
            }
            return entry
        }
    }

    /// Checks a ledger upgraded from the first version against a new one holding the same
    /// entries: the same entries read back, the same rollups, and appends that go on from them.
    static func expectUpgraded(
        _ reopened: some LedgerStore, holding entries: [LedgerEntry], like fresh: some LedgerStore
    ) async throws {
        #expect(try await reopened.count() == entries.count)
        let upgraded = try await reopened.entries(since: nil, until: nil, limit: nil)
        #expect(try await upgraded == fresh.entries(since: nil, until: nil, limit: nil))
        for (dimensions, grain) in [
            ([LedgerGroupKey.attribution(.team)], RollupGrain.hour), ([.attribution(.team), .tag("env")], .hour),
            ([.attribution(.user)], .day), ([], .total),
        ] {
            let upgraded = try await reopened.rollups(by: dimensions, since: nil, until: nil, per: grain)
            let expected = try await fresh.rollups(by: dimensions, since: nil, until: nil, per: grain)
            #expect(Set(upgraded) == Set(expected))
        }
        // Appending after the upgrade adds to the converted events and their rollups.
        #expect(try await reopened.append(entries).duplicates == entries.count)
        _ = try await reopened.append([LedgerFixtures.entry("b-new", team: "a")])
        let total = try await reopened.rollups(by: [], since: nil, until: nil, hourly: false)
        #expect(total.first?.sums.requests == Int64(entries.count + 1))
    }
}
