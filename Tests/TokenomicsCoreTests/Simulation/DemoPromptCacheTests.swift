import Testing

@testable import TokenomicsCore

@Suite("DemoPromptCache")
struct DemoPromptCacheTests {
    static func application(ttl: Double = 300) -> DemoApplication {
        DemoApplication(
            name: "app", team: "team", workflow: "flow", steps: ["step"], share: 1,
            routes: [DemoApplication.Route(model: .gpt4oMini, share: 1)], systemPromptTokens: 1_500, cacheTTL: ttl)
    }

    @Test("OpenAI: a cold prompt is all input; a grown prompt reads the last one in 128-token steps above 1,024")
    func automatic() {
        var cache = DemoPromptCache()
        let app = Self.application()
        func split(_ prompt: Int64, at time: Double, user: String = "a") -> DemoPromptCache.Split {
            cache.split(prompt: prompt, at: time, application: app, model: .gpt4oMini, user: user, newMessage: 50)
        }
        #expect(split(3_000, at: 0) == DemoPromptCache.Split(input: 3_000, cacheRead: 0, cacheWrite: 0))
        // Same user, grown prompt: reads 3,000 cut to 1,024 + 15 × 128 = 2,944.
        #expect(split(3_500, at: 60) == DemoPromptCache.Split(input: 556, cacheRead: 2_944, cacheWrite: 0))
        // Another user shares the system prompt only: 1,500 cut to 1,408.
        #expect(split(2_000, at: 90, user: "b") == DemoPromptCache.Split(input: 592, cacheRead: 1_408, cacheWrite: 0))
        // A prompt under the minimum is never cached.
        #expect(split(900, at: 100, user: "c") == DemoPromptCache.Split(input: 900, cacheRead: 0, cacheWrite: 0))
        // After the TTL everything is cold again.
        #expect(split(4_000, at: 1_000) == DemoPromptCache.Split(input: 4_000, cacheRead: 0, cacheWrite: 0))
    }

    @Test("Anthropic: the prefix up to the newest message is written, then read while warm")
    func explicit() {
        var cache = DemoPromptCache()
        let app = Self.application(ttl: 3_600)
        let model = DemoModel.claudeSonnet45
        func split(_ prompt: Int64, at time: Double, newMessage: Int64) -> DemoPromptCache.Split {
            cache.split(prompt: prompt, at: time, application: app, model: model, user: "a", newMessage: newMessage)
        }
        #expect(
            split(3_000, at: 0, newMessage: 40) == DemoPromptCache.Split(input: 40, cacheRead: 0, cacheWrite: 2_960))
        #expect(
            split(3_500, at: 1_800, newMessage: 70)
                == DemoPromptCache.Split(input: 70, cacheRead: 2_960, cacheWrite: 470)
        )
        // Below the minimum nothing is cached.
        #expect(split(1_000, at: 1_900, newMessage: 10).cacheWrite == 0)
        // A newest message longer than the uncached rest is cut to it.
        #expect(
            split(1_600, at: 1_950, newMessage: 900)
                == DemoPromptCache.Split(input: 100, cacheRead: 1_500, cacheWrite: 0))
    }

    @Test("the cacheable part of a prefix", arguments: [(1_023, 0), (1_024, 1_024), (1_151, 1_024), (1_152, 1_152)])
    func cacheable(tokens: Int64, expected: Int64) {
        #expect(DemoPromptCache.cacheable(tokens, minimum: 1_024, increment: 128) == expected)
    }
}
