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

    @Test("an event filled in place over a removed one is a new event with what the fill set")
    func filledOverSpare() {
        var events = UsageEvents()
        events.append(Self.rich("a"))
        events.append(Self.rich("b"))
        events.append(id: "c", provider: "p", model: "m") { $0.attribution.team = "t" }
        #expect(events.map(\.id) == ["a", "b", "c"])
        events.removeAll()
        #expect(events.isEmpty)
        events.append(id: "d", provider: "p", model: "m") { _ in }
        events.append(id: "e", provider: "", model: "") { $0.outcome = Outcome(success: false) }
        events.append(id: "f", provider: "q", model: "n") { $0.timing.duration = 2 }
        events.append(id: "g", provider: "r", model: "o") { _ in }
        #expect(events[0] == UsageEvent(id: "d", provider: "p", model: "m"))
        #expect(events[1] == UsageEvent(id: "e", provider: "", model: "", outcome: Outcome(success: false)))
        #expect(events[2] == UsageEvent(id: "f", provider: "q", model: "n", timing: Timing(duration: 2)))
        #expect(events[3] == UsageEvent(id: "g", provider: "r", model: "o"))
        #expect(events.count == 4)
    }

    @Test("removing from an index keeps the events before it; the next event reuses a removed one, blank")
    func removeFrom() {
        var events = UsageEvents([Self.rich("a"), Self.rich("b")])
        events.removeAll(from: 1)
        #expect(events.map(\.id) == ["a"])
        events.append(id: "d", provider: "p", model: "m") { _ in }
        #expect(events.map(\.id) == ["a", "d"] && events[1].attribution.isEmpty && events[1].pricedModel == nil)
        #expect(events[1].outcome == nil && events[1].timing == Timing() && events[1].modality == ModalityCounts())
    }

    @Test("a recycled event does not change a copy taken of it")
    func copiesAreIndependent() {
        var events = UsageEvents()
        events.append(Self.rich("a"))
        let copy = events[0]
        events.removeAll()
        events.append(id: "b", provider: "p", model: "m") {
            $0.attribution.user = "u"
            $0.timing.timeToFirstToken = 1
        }
        #expect(copy == Self.rich("a"))
        #expect(events[0].attribution == Attribution(user: "u") && events[0].timing == Timing(timeToFirstToken: 1))
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
