import Foundation
import PropertyBased
import Testing

@testable import TokenomicsCore

@Suite("CostEngine properties")
struct CostPropertyTests {
    let engine = CostEngine(catalog: PricingFixtures.catalog)

    /// Counts small enough that the prompt stays below the 200k long-context threshold.
    static let count = Gen.int(in: 0...20_000)

    static func counts(_ values: [Int]) -> TokenCounts {
        TokenCounts(
            input: Int64(values[0]), cacheRead: Int64(values[1]), cacheWrite5m: Int64(values[2]),
            cacheWrite1h: Int64(values[3]), retrieval: Int64(values[4]), output: Int64(values[5]),
            reasoning: Int64(values[6]))
    }

    func cost(_ tokens: TokenCounts, requests: Int64 = 1, tier: ServiceTier = .standard) -> Money? {
        let event = PricingFixtures.event(
            "claude-test", tier: tier, tokens: tokens, modality: ModalityCounts(requests: requests))
        return engine.price(event, now: PricingFixtures.now).cost
    }

    @Test("within one price tier, cost is additive over splitting an event's tokens in two")
    func additive() async {
        await propertyCheck(input: Self.count.array(of: 7), Self.count.array(of: 7)) { first, second in
            let a = Self.counts(first)
            let b = Self.counts(second)
            var total = a
            total += b
            let whole = cost(total, requests: 2)
            let parts = [cost(a), cost(b)].compactMap { $0 }
            #expect(whole != nil)
            #expect(parts.count == 2)
            #expect(whole == parts.reduce(.zero, +))
        }
    }

    @Test("on the batch tier, cost is additive too (cache writes have no batch rate, so they are left out)")
    func additiveBatch() async {
        await propertyCheck(input: Self.count.array(of: 7), Self.count.array(of: 7)) { first, second in
            var a = Self.counts(first)
            var b = Self.counts(second)
            a.cacheWrite5m = 0
            a.cacheWrite1h = 0
            b.cacheWrite5m = 0
            b.cacheWrite1h = 0
            var total = a
            total += b
            let parts = [cost(a, tier: .batch), cost(b, tier: .batch)].compactMap { $0 }
            #expect(parts.count == 2)
            #expect(cost(total, requests: 2, tier: .batch) == parts.reduce(.zero, +))
        }
    }

    @Test("cost is monotone non-decreasing in every token count, across the long-context threshold too")
    func monotone() async {
        await propertyCheck(input: Gen.int(in: 0...150_000).array(of: 7), Gen.int(in: 0...6), Gen.int(in: 1...60_000)) {
            values, position, extra in
            var bigger = values
            bigger[position] += extra
            var small = Self.counts(values)
            var large = Self.counts(bigger)
            // The long-context tier has no 1-hour write rate: keep those events comparable.
            small.cacheWrite1h = 0
            large.cacheWrite1h = 0
            if let low = cost(small), let high = cost(large) {
                #expect(low <= high)
            } else {
                #expect(Bool(false), "both events must be priced")
            }
        }
    }
}
