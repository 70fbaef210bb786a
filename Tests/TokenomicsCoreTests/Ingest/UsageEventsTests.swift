import Foundation
import Testing

@testable import TokenomicsCore

@Suite("UsageEvents")
struct UsageEventsTests {
    static func rich(_ id: String) -> UsageEvent {
        UsageEvent(
            id: id, timestamp: Date(timeIntervalSince1970: 1), provider: "p", model: "m", pricedModel: "pm",
            operation: "embedding", serviceTier: .flex, tokens: TokenCounts(input: 3, output: 4),
            modality: ModalityCounts(images: 2), timing: Timing(duration: 1),
            attribution: Attribution(team: "t", tags: ["k": "v"]), outcome: Outcome(success: true))
    }

    @Test("an event filled in place over a removed one starts blank")
    func filledOverSpare() {
        var events = UsageEvents()
        events.append(Self.rich("a"))
        events.append { $0 = Self.rich("b") }
        #expect(events.map(\.id) == ["a", "b"])
        events.removeAll()
        #expect(events.isEmpty)
        events.append { $0.id = "c" }
        events.append { $0.model = "d" }
        events.append { $0.provider = "e" }
        #expect(events[0] == UsageEvent(id: "c", provider: "", model: ""))
        #expect(events[1] == UsageEvent(id: "", provider: "", model: "d"))
        #expect(events[2] == UsageEvent(id: "", provider: "e", model: ""))
        #expect(events.count == 3)
    }

    @Test("a fill that throws appends nothing; removing from an index keeps the events before it")
    func failedFill() {
        struct Failure: Error {}
        var events = UsageEvents([Self.rich("a"), Self.rich("b")])
        #expect(throws: Failure.self) {
            try events.append { (event: inout UsageEvent) throws(Failure) in
                event.id = "c"
                throw Failure()
            }
        }
        #expect(events.map(\.id) == ["a", "b"])
        events.removeAll(from: 1)
        #expect(events.map(\.id) == ["a"])
        events.append { $0.id = "d" }
        #expect(events.map(\.id) == ["a", "d"] && events[1].attribution.isEmpty && events[1].pricedModel == nil)
    }

    @Test("a recycled event does not change a copy taken of it")
    func copiesAreIndependent() {
        var events = UsageEvents()
        events.append(Self.rich("a"))
        let copy = events[0]
        events.removeAll()
        events.append { $0.attribution.user = "u" }
        #expect(copy == Self.rich("a"))
        #expect(events[0].attribution == Attribution(user: "u"))
    }

    @Test("swapping an event out leaves the other in its place; changes through the subscript stay")
    func swapAndModify() {
        var events = UsageEvents([Self.rich("a")])
        var outside = UsageEvent(id: "x", provider: "p", model: "m")
        events.swapAt(0, with: &outside)
        #expect(outside.id == "a" && events[0].id == "x")
        events[0].attribution.team = "t"
        #expect(events[0].attribution.team == "t")
    }
}
