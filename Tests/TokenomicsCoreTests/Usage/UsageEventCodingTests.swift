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
}
