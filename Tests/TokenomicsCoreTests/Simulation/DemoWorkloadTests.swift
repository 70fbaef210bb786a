import Foundation
import Testing
import TokenomicsData

@testable import TokenomicsCore

@Suite("DemoWorkload")
struct DemoWorkloadTests {
    /// The shipped trace, read once.
    static let trace = Result { try BuiltinData.azureConversationTrace() }

    /// The requests and events of the shipped trace with the default seed, made once.
    static let demo = Result { () throws -> (requests: [DemoWorkload.TraceRequest], events: [UsageEvent]) in
        let data = try trace.get()
        return (try DemoWorkload.requests(fromTrace: data), try DemoWorkload.events(fromTrace: data))
    }

    static func events(ofApplication name: String) throws -> [UsageEvent] {
        try demo.get().events.filter { $0.attribution.application == name }
    }

    @Test("the shipped trace gives 19,366 events with unique ids azure-conv-<line>, at the trace's times")
    func realTrace() throws {
        let (requests, events) = try Self.demo.get()
        #expect(requests.count == 19_366)
        #expect(events.count == 19_366)
        #expect(Set(events.map(\.id)).count == 19_366)
        #expect(events.first?.id == "azure-conv-2")
        #expect(events.last?.id == "azure-conv-19367")
        let first = try #require(events.first?.timestamp?.timeIntervalSince1970)
        #expect(abs(first - 1_700_158_546.68059) < 1e-6)
        #expect(zip(requests, events).allSatisfy { $0.timestamp == $1.timestamp })
    }

    @Test("the same seed gives byte-identical events; another seed gives others")
    func determinism() throws {
        let data = try Self.trace.get()
        let again = try DemoWorkload.events(fromTrace: data)
        #expect(again == (try Self.demo.get().events))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(again) == (try encoder.encode(Self.demo.get().events)))
        let other = try DemoWorkload.events(fromTrace: data, seed: 7)
        #expect(other != again)
        #expect(other.map(\.id) == again.map(\.id))
    }

    @Test("a request's draws do not depend on the requests before it, only its cache split does")
    func streaming() throws {
        let (requests, events) = try Self.demo.get()
        var workload = DemoWorkload()
        let tail = workload.events(for: Array(requests[1_000..<1_100]))
        for (alone, whole) in zip(tail, events[1_000..<1_100]) {
            #expect(alone.attribution == whole.attribution)
            #expect(alone.model == whole.model)
            #expect(alone.serviceTier == whole.serviceTier)
            #expect(alone.outcome == whole.outcome)
            #expect(alone.tokens.prompt == whole.tokens.prompt)
        }
    }

    @Test("every request's prompt is conserved as input + cache read + cache write, its output as output")
    func conservation() throws {
        let (requests, events) = try Self.demo.get()
        for (request, event) in zip(requests, events) {
            let tokens = event.tokens
            #expect(tokens.input >= 0 && tokens.cacheRead >= 0 && tokens.cacheWrite >= 0)
            #expect(tokens.input + tokens.cacheRead + tokens.cacheWrite == request.contextTokens)
            #expect(tokens.retrieval == 0)
            #expect(tokens.output == request.generatedTokens)
            #expect(tokens.reasoning >= 0)
        }
    }

    @Test("every event's model is priced by the built-in catalog, at its tier, under its own provider")
    func pricedByBuiltinCatalog() throws {
        let catalog = try BuiltinData.catalog()
        let engine = CostEngine(catalog: catalog)
        var unpriced: [String] = []
        for event in try Self.demo.get().events {
            let priced = engine.price(event, now: Date())
            if !priced.isPriced { unpriced.append("\(event.id) \(event.model): \(priced.issue?.description ?? "")") }
        }
        #expect(unpriced.isEmpty, "\(unpriced.prefix(5))")
        let models = DemoApplication.all.flatMap { $0.routes.map(\.model) }
        for model in models {
            let price = try #require(catalog.price(for: model.name, provider: model.provider, at: Date()))
            #expect(PriceCatalog.provider(model.provider, matches: price), "\(model.name) sold by \(price.provider)")
            #expect(price.rates.cacheRead != nil, "\(model.name) has no cache-read rate")
        }
    }

    @Test("applications, routes and batch traffic come in the designed proportions")
    func mix() throws {
        let events = try Self.demo.get().events
        let count = Double(events.count)
        for application in DemoApplication.all {
            let own = events.filter { $0.attribution.application == application.name }
            #expect(abs(Double(own.count) / count - application.share) < 0.015, "\(application.name)")
            #expect(own.allSatisfy { $0.attribution.team == application.team })
            #expect(own.allSatisfy { application.steps.contains($0.attribution.step ?? "") })
            let batch = Double(own.filter { $0.serviceTier == .batch }.count) / Double(own.count)
            #expect(abs(batch - application.batchShare) < 0.04, "\(application.name) batch share \(batch)")
            let total = application.routes.reduce(0) { $0 + $1.share }
            for route in application.routes {
                let share = Double(own.filter { $0.model == route.model.name }.count) / Double(own.count)
                #expect(abs(share - route.share / total) < 0.04, "\(application.name) → \(route.model.name)")
            }
        }
        #expect(Set(events.compactMap(\.attribution.team)).count == 5)
        #expect(Set(events.compactMap(\.attribution.application)).count == 8)
        let people = Set(events.compactMap(\.attribution.user).filter { !$0.hasPrefix("svc-") })
        #expect((30...38).contains(people.count))
        let batchShare = Double(events.filter { $0.serviceTier == .batch }.count) / count
        #expect((0.06...0.10).contains(batchShare))
    }

    @Test("OpenAI and Gemini only read the cache, Anthropic writes it; batch requests are not cached")
    func caching() throws {
        let events = try Self.demo.get().events
        for event in events {
            let tokens = event.tokens
            if event.serviceTier == .batch { #expect(tokens.cacheRead == 0 && tokens.cacheWrite == 0) }
            if event.provider != "anthropic" { #expect(tokens.cacheWrite == 0) }
            if event.provider == "openai" && tokens.cacheRead > 0 {
                #expect(tokens.cacheRead >= 1_024 && (tokens.cacheRead - 1_024) % 128 == 0)
            }
            if tokens.cacheWrite1h > 0 { #expect(event.attribution.application == "code-assistant") }
        }
        for provider in ["openai", "anthropic", "gemini"] {
            let own = events.filter { $0.provider == provider }
            let prompt = own.reduce(0) { $0 + $1.tokens.prompt }
            let read = own.reduce(0) { $0 + $1.tokens.cacheRead }
            #expect(Double(read) / Double(prompt) > 0.1, "\(provider) cache-read share")
        }
        let anthropic = events.filter { $0.provider == "anthropic" }
        #expect(anthropic.contains { $0.tokens.cacheWrite5m > 0 } && anthropic.contains { $0.tokens.cacheWrite1h > 0 })
    }

    @Test("reasoning is reported for OpenAI, estimated (with the output) for Anthropic, absent elsewhere")
    func reasoning() throws {
        let agent = try Self.events(ofApplication: "code-agent")
        #expect(agent.allSatisfy { $0.provider == "openai" && $0.tokens.reasoning > 0 && $0.tokens.estimated.isEmpty })
        let research = try Self.events(ofApplication: "research-agent")
        #expect(research.allSatisfy { $0.provider == "anthropic" && $0.tokens.reasoning > 0 })
        #expect(research.allSatisfy { $0.tokens.isEstimated(.reasoning) && $0.tokens.isEstimated(.output) })
        let hidden = research.reduce(0) { $0 + $1.tokens.reasoning }
        let visible = research.reduce(0) { $0 + $1.tokens.output }
        #expect((3.0...6.0).contains(Double(hidden) / Double(visible)))
        let others = try Self.demo.get().events.filter {
            !["code-agent", "research-agent"].contains($0.attribution.application)
        }
        #expect(others.allSatisfy { $0.tokens.reasoning == 0 && $0.tokens.estimated.isEmpty })
    }

    @Test("outcomes for the applications that measure them, and value per dollar far apart between them")
    func valuePerDollar() throws {
        let engine = CostEngine(catalog: try BuiltinData.catalog())
        var ratio: [String: Double] = [:]
        for application in DemoApplication.all {
            let own = try Self.events(ofApplication: application.name)
            guard application.value != nil else {
                #expect(own.allSatisfy { $0.outcome == nil })
                continue
            }
            #expect(own.allSatisfy { $0.outcome?.success != nil && $0.outcome?.valueUSD != nil })
            let cost = own.reduce(Money.zero) { $0 + (engine.price($1, now: Date()).cost ?? .zero) }
            let value = own.reduce(Money.zero) { $0 + ($1.outcome?.valueUSD ?? .zero) }
            ratio[application.name] = Double(value.attodollars) / Double(cost.attodollars)
        }
        #expect(ratio.count == 6)
        #expect((ratio["research-agent"] ?? 1) < 1, "\(ratio)")
        #expect((ratio["helpdesk-chat"] ?? 0) > 100, "\(ratio)")
        #expect((ratio.values.max() ?? 0) / (ratio.values.min() ?? 1) > 100, "\(ratio)")
    }
}
