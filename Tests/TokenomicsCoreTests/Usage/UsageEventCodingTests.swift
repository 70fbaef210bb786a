import Foundation
import Testing

@testable import TokenomicsCore

@Suite("UsageEvent coding")
struct UsageEventCodingTests {
    @Test("encodes the stored properties by name, leaving out absent optionals, and decodes back")
    func roundTrip() throws {
        var event = UsageEvent(
            id: "c1", timestamp: Date(timeIntervalSince1970: 1_700_000_000), provider: "openai", model: "gpt-4o",
            tokens: TokenCounts(input: 3, output: 4), attribution: Attribution(team: "finance"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let bare = try JSONSerialization.jsonObject(with: encoder.encode(event)) as? [String: Any]
        #expect(
            bare.map { Set($0.keys) }
                == [
                    "id", "timestamp", "provider", "model", "operation", "serviceTier", "tokens", "modality", "timing",
                    "attribution",
                ])
        #expect(try JSONDecoder().decode(UsageEvent.self, from: encoder.encode(event)) == event)

        event.pricedModel = "gpt-4o-2024-08-06"
        event.outcome = Outcome(success: true)
        let full = try JSONSerialization.jsonObject(with: encoder.encode(event)) as? [String: Any]
        #expect(full?["pricedModel"] as? String == "gpt-4o-2024-08-06")
        #expect(full?["outcome"] != nil)
        let decoded = try JSONDecoder().decode(UsageEvent.self, from: encoder.encode(event))
        #expect(decoded == event)
        #expect(decoded.pricedModel == "gpt-4o-2024-08-06")
    }

    @Test("the priced model is read and written through its storage; events differing in it differ")
    func pricedModel() {
        var event = UsageEvent(id: "c1", provider: "openai", model: "o3")
        #expect(event.pricedModel == nil)
        let unpriced = event
        event.pricedModel = "o3"
        #expect(event.pricedModel == "o3" && event != unpriced)
        event.pricedModel = nil
        #expect(event == unpriced && event.hashValue == unpriced.hashValue)
        #expect(UsageEvent(id: "c1", provider: "openai", model: "o3", pricedModel: "o3").pricedModel == "o3")
    }

    @Test("timing and outcome are read and written through their shared storage, compared and hashed by value")
    func timingAndOutcome() throws {
        let plain = UsageEvent(id: "c1", provider: "openai", model: "o3")
        var event = plain
        event.timing.duration = 1.5
        event.outcome = Outcome(success: true, quality: 0.5)
        let built = UsageEvent(
            id: "c1", provider: "openai", model: "o3", timing: Timing(duration: 1.5),
            outcome: Outcome(success: true, quality: 0.5))
        #expect(event == built && event.hashValue == built.hashValue && event != plain)
        #expect(plain.timing == Timing() && plain.outcome == nil)
        var copy = event
        copy.timing.timeToFirstToken = 0.2
        copy.outcome?.success = false
        #expect(event.timing == Timing(duration: 1.5) && event.outcome?.success == true)
        #expect(copy.timing == Timing(duration: 1.5, timeToFirstToken: 0.2) && copy.outcome?.success == false)
        // Set back to their defaults, they equal never having been set.
        copy.timing = Timing()
        copy.outcome = nil
        #expect(copy == plain && copy.hashValue == plain.hashValue)
        var defaults = plain
        defaults.timing = Timing()
        defaults.outcome = nil
        #expect(defaults == plain)
        let decoded = try JSONDecoder().decode(UsageEvent.self, from: JSONEncoder().encode(event))
        #expect(decoded == event && decoded.timing.duration == 1.5 && decoded.outcome?.quality == 0.5)
    }
}
