import Foundation
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
}
