import Foundation
import Testing
import TokenomicsCore
import TokenomicsLedger

/// The rollups every backend keeps at append: the sums a report reads must equal the sums of the
/// stored events, whatever the grouping and range.
@Suite("LedgerStore rollups conformance")
struct LedgerRollupConformanceTests {
    /// Entries over three hours, two teams, a tag, one unpriced, one with estimated reasoning and
    /// an outcome, one with cached tokens.
    static func mixedEntries() -> [LedgerEntry] {
        var entries: [LedgerEntry] = []
        for index in 0..<30 {
            let at = LedgerFixtures.march1.addingTimeInterval(Double(index) * 400)
            var entry = LedgerFixtures.entry(
                "r\(index)", cost: Money(attodollars: 1_000_000_000_000_001 * Int128(index + 1)), at: at,
                team: index % 3 == 0 ? "ads" : "search", tags: index % 2 == 0 ? ["env": "prod"] : [:])
            entry.cache = CacheAccounting(
                readsAtInputRate: Money(attodollars: 4_000_000_000_000_000), writesAtInputRate: .zero,
                writes1h: .zero)
            entry.breakdown = CostBreakdown(input: entry.cost ?? .zero)
            if index == 7 {
                entry.cost = nil
                entry.breakdown = .zero
                entry.cache = .zero
                entry.unpricedReason = "model 'x' is not in the price catalog"
            }
            if index == 11 {
                entry.event.tokens.reasoning = 900
                entry.event.tokens.estimated = TokenClassSet(.reasoning)
                entry.event.outcome = Outcome(success: true, quality: 0.8, valueUSD: Money(dollars: 3))
            }
            entries.append(entry)
        }
        return entries
    }

    @Test("rollups with no dimension sum to the stored totals exactly", arguments: LedgerBackend.all)
    func totalsMatch(backend: LedgerBackend) async throws {
        let store = try await backend.makeStore()
        let entries = Self.mixedEntries()
        _ = try await store.append(Array(entries[..<20]))
        _ = try await store.append(entries)  // the first 20 again: duplicates add nothing
        let rows = try await store.rollups(by: [], since: nil, until: nil, hourly: false)
        #expect(rows.count == 1)
        let sums = try #require(rows.first?.sums)
        var expected = SpendSums()
        for entry in entries {
            expected.add(entry.event, cost: entry.cost, breakdown: entry.breakdown, cache: entry.cache)
        }
        #expect(sums.requests == 30)
        #expect(sums.unpricedRequests == 1)
        #expect(sums.cost == expected.cost)
        #expect(sums.tokens.total == expected.tokens.total)
        #expect(sums.reasoningEstimated == 900)
        #expect(sums.accepted == 1)
        #expect(sums.value == Money(dollars: 3))
        #expect(sums.cacheReadSavings == expected.cacheReadSavings)
        let totals = try await store.totals(since: nil, until: nil)
        #expect(sums.cost == totals.cost)
    }

    @Test("rollups by team and by tag match the events' groups", arguments: LedgerBackend.all)
    func groupsMatch(backend: LedgerBackend) async throws {
        let store = try await backend.makeStore()
        _ = try await store.append(Self.mixedEntries())
        for key in [LedgerGroupKey.attribution(.team), .tag("env"), .model, .serviceTier] {
            let rows = try await store.rollups(by: [key], since: nil, until: nil, hourly: false)
            let groups = try await store.groups(by: key, since: nil, until: nil)
            #expect(rows.count == groups.count, "\(key.name)")
            for group in groups {
                let row = rows.first { $0.key == [group.key] }
                #expect(row?.sums.cost == group.totals.cost, "\(key.name)=\(group.key ?? "nil")")
                #expect(row?.sums.requests == Int64(group.totals.requests))
            }
        }
    }

    @Test(
        "hourly rollups split by hour; whole-hour ranges read rollups, others the events exactly",
        arguments: LedgerBackend.all)
    func hourlyAndRange(backend: LedgerBackend) async throws {
        let store = try await backend.makeStore()
        _ = try await store.append(Self.mixedEntries())
        let hourly = try await store.rollups(by: [], since: nil, until: nil, hourly: true)
        // 30 events 400 s apart from 12:00 span 12:00 to 15:13: four hours.
        #expect(hourly.count == 4)
        #expect(hourly.map(\.sums.requests).reduce(0, +) == 30)
        #expect(hourly.allSatisfy { $0.hour != nil })
        // Whole hours read the rollups: 13:00 to 15:00 holds the events at index 9...26.
        let hour13 = LedgerFixtures.march1.addingTimeInterval(3_600)
        let whole = try await store.rollups(
            by: [], since: hour13, until: hour13.addingTimeInterval(7_200), hourly: false)
        #expect(whole.first?.sums.requests == 18)
        // Other bounds read the events, exactly: 13:10 to 14:01 holds index 11...18.
        let exact = try await store.rollups(
            by: [.attribution(.team)], since: hour13.addingTimeInterval(600), until: hour13.addingTimeInterval(3_660),
            hourly: false)
        #expect(exact.map(\.sums.requests).reduce(0, +) == 8)
    }

    @Test(
        "reports by user, tag or trace id sum the events, with the same figures as rollups",
        arguments: LedgerBackend.all)
    func keysOutsideRollups(backend: LedgerBackend) async throws {
        let store = try await backend.makeStore()
        _ = try await store.append(Self.mixedEntries())
        let fromRollups = try await store.rollups(by: [], since: nil, until: nil, hourly: true)
        for key in [LedgerGroupKey.attribution(.user), .attribution(.traceId), .tag("env")] {
            let fromEvents = try await store.rollups(by: [key], since: nil, until: nil, hourly: true)
            var total = SpendSums()
            for row in fromEvents { total += row.sums }
            var expected = SpendSums()
            for row in fromRollups { expected += row.sums }
            #expect(total == expected, "\(key.name)")
            #expect(Set(fromEvents.compactMap(\.hour)) == Set(fromRollups.compactMap(\.hour)))
        }
        let byTag = try await store.rollups(by: [.tag("env")], since: nil, until: nil, hourly: false)
        #expect(Set(byTag.map(\.key)) == [["prod"], [nil]])
    }

    @Test(
        "daily rollups hold the same sums per UTC day as the hourly ones and the events",
        arguments: LedgerBackend.all)
    func dailyRollups(backend: LedgerBackend) async throws {
        let store = try await backend.makeStore()
        var entries = Self.mixedEntries()
        // A second day, and an event just before midnight.
        entries.append(LedgerFixtures.entry("d1", at: LedgerFixtures.march1.addingTimeInterval(86_400)))
        entries.append(LedgerFixtures.entry("d2", at: LedgerFixtures.march1.addingTimeInterval(12 * 3_600 - 1)))
        _ = try await store.append(entries)
        let hourly = try await store.rollups(by: [.attribution(.team)], since: nil, until: nil, per: .hour)
        let daily = try await store.rollups(by: [.attribution(.team)], since: nil, until: nil, per: .day)
        var fromHours: [[String?]: SpendSums] = [:]
        for row in hourly {
            let day = TimeBucket.day.start(of: try #require(row.hour))
            fromHours[row.key + [Timestamp.rfc3339(day)], default: SpendSums()] += row.sums
        }
        var fromDays: [[String?]: SpendSums] = [:]
        for row in daily {
            fromDays[row.key + [Timestamp.rfc3339(try #require(row.hour))], default: SpendSums()] += row.sums
        }
        #expect(fromDays == fromHours)
        #expect(Set(daily.compactMap(\.hour)).count == 2)
        // A whole-day range reads the daily rollups; a whole-hour one the hourly; both agree with
        // the events (read for a user grouping).
        let day1 = TimeBucket.day.start(of: LedgerFixtures.march1)
        let day2 = day1.addingTimeInterval(86_400)
        let byDay = try await store.rollups(by: [], since: day1, until: day2, per: .total)
        let byHour = try await store.rollups(
            by: [], since: day1.addingTimeInterval(3_600), until: day2.addingTimeInterval(-3_600), per: .total)
        let byEvents = try await store.rollups(by: [.attribution(.user)], since: day1, until: day2, per: .total)
        #expect(byDay.first?.sums.requests == 31)
        #expect(byHour.first?.sums.requests == 30)  // without d2, at 23:59:59
        #expect(byEvents.map(\.sums.requests).reduce(0, +) == 31)
        #expect(byDay.first?.sums.cost == byEvents.first?.sums.cost)
    }

    @Test(
        "re-pricing updates events and both rollups, unprices what the new catalog cannot price, and is exact",
        arguments: LedgerBackend.all)
    func reprice(backend: LedgerBackend) async throws {
        let store = try await backend.makeStore()
        _ = try await store.append((0..<25).map { LedgerFixtures.entry("p\($0)", cost: Money(dollars: 2)) })
        let result = try await store.reprice(
            since: nil, until: nil, batchSize: 10,
            price: { entry in
                var entry = entry
                entry.catalogVersion = "2026-01-01"
                entry.event.pricedModel = "gpt-4o"
                let unpriced = entry.id.hasSuffix("0") || entry.id.hasSuffix("5")
                entry.cost = unpriced ? nil : Money(attodollars: 3_000_000_000_000_000_007)
                entry.breakdown = CostBreakdown(input: entry.cost ?? .zero)
                entry.unpricedReason = unpriced ? "no price" : nil
                return entry
            }, progress: { _ in })
        #expect(result.examined == 25)
        #expect(result.changed == 25)
        #expect(result.nowUnpriced == 5)
        #expect(result.oldTotal == Money(dollars: 50))
        #expect(result.newTotal == Money(attodollars: 20 * 3_000_000_000_000_000_007))
        for grain in [RollupGrain.total, .hour, .day] {
            let rows = try await store.rollups(by: [.catalogVersion], since: nil, until: nil, per: grain)
            #expect(Set(rows.map(\.key)) == [["2026-01-01"]], "\(grain)")
            #expect(rows.map(\.sums.cost).reduce(.zero, +) == result.newTotal)
            #expect(rows.map(\.sums.unpricedRequests).reduce(0, +) == 5)
        }
        let stored = try await store.entries(since: nil, until: nil, limit: nil)
        #expect(stored.filter { $0.cost == nil }.count == 5)
        #expect(stored.allSatisfy { $0.catalogVersion == "2026-01-01" })
        // The same prices again: nothing changes.
        let again = try await store.reprice(
            since: nil, until: nil, batchSize: 10,
            price: { entry in
                var entry = entry
                entry.event.pricedModel = "gpt-4o"
                return entry
            }, progress: { _ in })
        #expect(again.changed == 0)
    }

    @Test("five-minute rows are summed from the events, each in its five minutes", arguments: LedgerBackend.all)
    func fiveMinutes(backend: LedgerBackend) async throws {
        let store = try await backend.makeStore()
        _ = try await store.append(Self.mixedEntries())
        let rows = try await store.rollups(by: [.attribution(.team)], since: nil, until: nil, per: .fiveMinutes)
        // 30 events 400 s apart: one in each of 30 distinct five-minute slots.
        #expect(rows.map(\.sums.requests).reduce(0, +) == 30)
        #expect(Set(rows.compactMap(\.hour)).count == 30)
        for row in rows {
            let start = try #require(row.hour)
            #expect(TimeBucket.fiveMinutes.start(of: start) == start)
        }
        #expect(rows.compactMap(\.hour).min() == LedgerFixtures.march1)
    }

    @Test("an empty ledger has no rollup rows", arguments: LedgerBackend.all)
    func emptyLedger(backend: LedgerBackend) async throws {
        let store = try await backend.makeStore()
        #expect(try await store.rollups(by: [], since: nil, until: nil, hourly: false).isEmpty)
    }
}
