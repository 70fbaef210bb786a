import Foundation
import Testing
import TokenomicsCore
@testable import TokenomicsLedger

/// The behaviour every ``LedgerStore`` backend must have: each test is written once against
/// `any LedgerStore` and run for every backend in ``LedgerBackend/all``.
@Suite("LedgerStore conformance")
struct LedgerConformanceTests {
    @Test(
        "append stores new entries; re-appending the same ids stores nothing and counts duplicates",
        arguments: LedgerBackend.all)
    func appendIsIdempotent(backend: LedgerBackend) async throws {
        let store = try await backend.makeStore()
        let batch = (1...3).map { LedgerFixtures.entry("e\($0)") }
        #expect(try await store.append(batch) == AppendResult(stored: 3, duplicates: 0))
        #expect(try await store.append(batch) == AppendResult(stored: 0, duplicates: 3))
        let mixed = [LedgerFixtures.entry("e2"), LedgerFixtures.entry("e4")]
        #expect(try await store.append(mixed) == AppendResult(stored: 1, duplicates: 1))
        #expect(try await store.count() == 4)
        // A duplicate reported at another hour adds no rollup row for that hour.
        let later = LedgerFixtures.entry("e1", at: LedgerFixtures.march1.addingTimeInterval(5 * 3_600))
        #expect(try await store.append([later]) == AppendResult(stored: 0, duplicates: 1))
        let hours = try await store.rollups(by: [], since: nil, until: nil, per: .hour)
        #expect(hours.count == 1)
        #expect(hours.first?.sums.requests == 4)
    }

    @Test("an id repeated within one batch is stored once, the first occurrence kept", arguments: LedgerBackend.all)
    func duplicatesWithinBatch(backend: LedgerBackend) async throws {
        let store = try await backend.makeStore()
        let first = LedgerFixtures.entry("same", cost: Money(dollars: 1))
        let second = LedgerFixtures.entry("same", cost: Money(dollars: 2))
        let result = try await store.append([first, LedgerFixtures.entry("other"), second])
        #expect(result == AppendResult(stored: 2, duplicates: 1))
        let stored = try await store.entries(since: nil, until: nil, limit: nil)
        #expect(stored.first { $0.id == "same" }?.cost == Money(dollars: 1))
    }

    @Test(
        "ids with the same hash are all stored, each found again as a duplicate, in one batch or across batches",
        arguments: LedgerBackend.all)
    func hashCollisions(backend: LedgerBackend) async throws {
        let store = try await backend.makeStore()
        // Three different ids given one hash, as if the 64-bit hash of each were equal.
        func batch(_ ids: [String]) -> LedgerBatch {
            var batch = LedgerBatch()
            for id in ids { batch.append(LedgerFixtures.entry(id), hash: 42) }
            return batch
        }
        #expect(try await store.append(batch(["c1", "c2"])) == AppendResult(stored: 2, duplicates: 0))
        #expect(try await store.append(batch(["c2", "c3", "c1"])) == AppendResult(stored: 1, duplicates: 2))
        #expect(try await store.append(batch(["c3", "c3"])) == AppendResult(stored: 0, duplicates: 2))
        #expect(try await store.count() == 3)
        let ids = try await store.entries(since: nil, until: nil, limit: nil).map(\.id)
        #expect(ids.sorted() == ["c1", "c2", "c3"])
        let total = try await store.rollups(by: [], since: nil, until: nil, hourly: false)
        #expect(total.first?.sums.requests == 3)
        // Re-pricing reads and updates every one of them, a batch at a time.
        let repriced = try await store.reprice(
            since: nil, until: nil, batchSize: 1,
            price: { entry in
                var entry = entry
                entry.catalogVersion = "2026-01-01"
                entry.cost = Money(dollars: 1)
                entry.breakdown = CostBreakdown(input: Money(dollars: 1))
                return entry
            }, progress: { _ in })
        #expect(repriced.examined == 3)
        #expect(repriced.changed == 3)
        let after = try await store.entries(since: nil, until: nil, limit: nil)
        #expect(after.allSatisfy { $0.catalogVersion == "2026-01-01" && $0.cost == Money(dollars: 1) })
    }

    @Test(
        "appends racing with overlapping ids store each id once and count the rest as duplicates",
        arguments: LedgerBackend.all)
    func concurrentOverlappingAppends(backend: LedgerBackend) async throws {
        let store = try await backend.makeStore()
        // Four batches of 3,000 ids, each sharing 1,000 with the next.
        let batches = (0..<4).map { batch in
            (batch * 2_000..<batch * 2_000 + 3_000).map { LedgerFixtures.entry("r\($0)") }
        }
        let results = try await withThrowingTaskGroup(of: AppendResult.self) { group in
            for batch in batches { group.addTask { try await store.append(batch) } }
            return try await group.reduce(into: [AppendResult]()) { $0.append($1) }
        }
        #expect(results.map(\.stored).reduce(0, +) == 9_000)
        #expect(results.map(\.duplicates).reduce(0, +) == 3_000)
        #expect(try await store.count() == 9_000)
        let total = try await store.rollups(by: [], since: nil, until: nil, hourly: false)
        #expect(total.first?.sums.requests == 9_000)
    }

    @Test(
        "a time range holds exactly its events, whatever order they were stored in", arguments: LedgerBackend.all)
    func rangesOverShuffledEvents(backend: LedgerBackend) async throws {
        let store = try await backend.makeStore()
        // 600 events over 50 hours, stored in a shuffled order across several batches, one
        // without a timestamp.
        var generator = SystemRandomNumberGenerator()
        let entries = (0..<600).map { index in
            LedgerFixtures.entry(
                "s\(index)", at: index == 0 ? nil : LedgerFixtures.march1.addingTimeInterval(Double(index) * 299.5))
        }.shuffled(using: &generator)
        for start in stride(from: 0, to: entries.count, by: 150) {
            _ = try await store.append(Array(entries[start..<start + 150]))
        }
        for (from, to) in [(0.0, 3_600.0), (1_000.5, 90_000.25), (-5.0, 200_000.0), (179_000.0, 179_700.0)] {
            let since = LedgerFixtures.march1.addingTimeInterval(from)
            let until = LedgerFixtures.march1.addingTimeInterval(to)
            let expected = entries.filter { entry in entry.event.timestamp.map { $0 >= since && $0 < until } ?? false }
            let found = try await store.entries(since: since, until: until, limit: nil)
            #expect(Set(found.map(\.id)) == Set(expected.map(\.id)), "range \(from)–\(to) s")
            let totals = try await store.totals(since: since, until: until)
            #expect(totals.requests == expected.count)
        }
        #expect(try await store.entries(since: nil, until: nil, limit: nil).count == 600)
    }

    @Test("ids with tabs, newlines, backslashes and any Unicode are stored as given", arguments: LedgerBackend.all)
    func awkwardIDs(backend: LedgerBackend) async throws {
        let store = try await backend.makeStore()
        let ids = ["a\tb", "line\nbreak\r", "back\\slash\\N", "\\N", "ключ-😀", " ", "\\x00"]
        #expect(try await store.append(ids.map { LedgerFixtures.entry($0) }) == AppendResult(stored: 7, duplicates: 0))
        #expect(try await store.append(ids.map { LedgerFixtures.entry($0) }) == AppendResult(stored: 0, duplicates: 7))
        let stored = try await store.entries(since: nil, until: nil, limit: nil).map(\.id)
        #expect(Set(stored) == Set(ids))
    }

    @Test("the sum of many small amounts equals their exact Int128 sum", arguments: LedgerBackend.all)
    func moneySumIsExact(backend: LedgerBackend) async throws {
        let store = try await backend.makeStore()
        // Amounts with digits in every decimal place down to the attodollar, so that the
        // remainders carry into whole nanodollars many times over.
        let entries = (0..<5_000).map { index in
            LedgerFixtures.entry(
                "m\(index)", cost: Money(attodollars: 123_456_789_987_654_321 + Int128(index) * 999_999_937))
        }
        _ = try await store.append(entries)
        let expected = entries.reduce(Int128(0)) { $0 + ($1.cost?.attodollars ?? 0) }
        let totals = try await store.totals(since: nil, until: nil)
        #expect(totals.cost.attodollars == expected)
        #expect(totals.breakdown.input.attodollars == expected)
        #expect(totals.requests == 5_000)
        #expect(totals.pricedRequests == 5_000)
        #expect(totals.tokens.cacheRead == 800 * 5_000)
    }

    @Test(
        "zero, one attodollar and the largest storable amount round-trip exactly",
        arguments: LedgerBackend.all,
        [
            Int128(0), 1, 999_999_999, 1_000_000_000, Int128(Int64.max) * 1_000_000_000 + 999_999_999,
        ])
    func moneyExtremesRoundTrip(backend: LedgerBackend, attodollars: Int128) async throws {
        let store = try await backend.makeStore()
        let entry = LedgerFixtures.entry("x", cost: Money(attodollars: attodollars))
        _ = try await store.append([entry])
        let stored = try await store.entries(since: nil, until: nil, limit: nil)
        #expect(stored.first?.cost?.attodollars == attodollars)
        #expect(try await store.totals(since: nil, until: nil).cost.attodollars == attodollars)
    }

    @Test("an amount beyond the stored range is refused, and the whole batch with it", arguments: LedgerBackend.all)
    func moneyOutOfRange(backend: LedgerBackend) async throws {
        let store = try await backend.makeStore()
        let huge = Money(attodollars: (Int128(Int64.max) + 1) * 1_000_000_000)
        let error = await #expect(throws: LedgerError.self) {
            try await store.append([LedgerFixtures.entry("ok"), LedgerFixtures.entry("huge", cost: huge)])
        }
        #expect(error?.kind == .amountOutOfRange)
        #expect(try await store.count() == 0)
    }

    @Test(
        "every field of the event and its pricing round-trips, attribution and tags included",
        arguments: LedgerBackend.all)
    func entryRoundTrip(backend: LedgerBackend) async throws {
        let store = try await backend.makeStore()
        var event = UsageEvent(
            id: "chatcmpl-9", timestamp: LedgerFixtures.march1, provider: "anthropic", model: "claude-sonnet-4",
            pricedModel: "claude-sonnet-4-20250514", operation: "messages", serviceTier: .batch,
            tokens: TokenCounts(
                input: 1, cacheRead: 2, cacheWrite5m: 3, cacheWrite1h: 4, retrieval: 5, output: 6, reasoning: 7,
                estimated: TokenClassSet(.reasoning).union(TokenClassSet(.retrieval))),
            modality: ModalityCounts(
                audioInputTokens: 8, audioOutputTokens: 9, imageInputTokens: 10, imageOutputTokens: 11, images: 12,
                requests: 13, webSearchQueries: 14),
            timing: Timing(duration: 1.5, timeToFirstToken: 0.25),
            attribution: Attribution(
                org: "acme", project: "p", team: "search", user: "ana", application: "bot", workflow: "wf",
                step: "plan", traceId: "ab", spanId: "cd", parentSpanId: "ef",
                tags: ["env": "prod", "quote\"d": "value with spaces"]),
            outcome: Outcome(success: true, quality: 0.75, valueUSD: Money(decimal: "0.42")))
        event.attribution["cost_center"] = "cc-7"
        let breakdown = CostBreakdown(
            input: Money(attodollars: 1), cacheRead: Money(attodollars: 2), cacheWrite: Money(attodollars: 3),
            retrieval: Money(attodollars: 4), output: Money(attodollars: 5), reasoning: Money(attodollars: 6),
            audio: Money(attodollars: 7), image: Money(attodollars: 8), requests: Money(attodollars: 9),
            webSearch: Money(attodollars: 10))
        let entry = LedgerEntry(
            event: event, catalogVersion: "v7", pricedTier: .batch, longContextThreshold: 200_000,
            cost: breakdown.total, breakdown: breakdown)
        let unpriced = LedgerEntry(
            event: UsageEvent(id: "no-price", provider: "openai", model: "mystery"), catalogVersion: "v7", cost: nil,
            unpricedReason: "model 'mystery' is not in the price catalog")
        _ = try await store.append([entry, unpriced])
        let stored = try await store.entries(since: nil, until: nil, limit: nil)
        #expect(stored.count == 2)
        #expect(stored.first { $0.id == "chatcmpl-9" } == entry)
        let back = try #require(stored.first { $0.id == "no-price" })
        #expect(back == unpriced)
        #expect(back.cost == nil)
    }

    @Test("totals honour the time range; groups split by attribution key and by tag", arguments: LedgerBackend.all)
    func totalsAndGroups(backend: LedgerBackend) async throws {
        let store = try await backend.makeStore()
        let day: TimeInterval = 86_400
        _ = try await store.append([
            LedgerFixtures.entry("a", cost: Money(dollars: 1), team: "search", tags: ["env": "prod"]),
            LedgerFixtures.entry(
                "b", cost: Money(dollars: 2), at: LedgerFixtures.march1 + day, team: "ads", tags: ["env": "dev"]),
            LedgerFixtures.entry(
                "c", cost: Money(dollars: 4), at: LedgerFixtures.march1 + 2 * day, team: "search", tags: ["env": "prod"]
            ),
        ])
        let window = try await store.totals(since: LedgerFixtures.march1 + day, until: LedgerFixtures.march1 + 2 * day)
        #expect(window.requests == 1)
        #expect(window.cost == Money(dollars: 2))
        let teams = try await store.groups(by: .attribution(.team), since: nil, until: nil)
        #expect(teams.map(\.key) == ["search", "ads"])
        #expect(teams.map(\.totals.cost) == [Money(dollars: 5), Money(dollars: 2)])
        let environments = try await store.groups(by: .tag("env"), since: nil, until: nil)
        #expect(environments.map(\.key) == ["prod", "dev"])
        #expect(environments.map(\.totals.requests) == [2, 1])
    }

    @Test("quarantined lines are listed oldest first with their ids, and removed by id", arguments: LedgerBackend.all)
    func quarantineLifecycle(backend: LedgerBackend) async throws {
        let store = try await backend.makeStore()
        #expect(try await store.quarantined(limit: nil).isEmpty)
        try await store.quarantine([
            QuarantineItem(source: "a.jsonl", line: 3, reason: "not JSON", raw: "this is not json"),
            QuarantineItem(source: "a.jsonl", line: 7, reason: "unknown model", raw: #"{"model":"x"}"#),
            QuarantineItem(source: "doc.json", line: nil, reason: "truncated", raw: ""),
        ])
        let items = try await store.quarantined(limit: nil)
        #expect(items.map(\.line) == [3, 7, nil])
        #expect(items.map(\.raw) == ["this is not json", #"{"model":"x"}"#, ""])
        #expect(items[0].location == "a.jsonl:3")
        #expect(Set(items.compactMap(\.id)).count == 3)
        #expect(try await store.quarantined(limit: 1).count == 1)
        let removed = try await store.removeQuarantined(ids: [try #require(items[0].id), 999_999])
        #expect(removed == 1)
        #expect(try await store.quarantined(limit: nil).map(\.line) == [7, nil])
    }
}
