import Foundation

/// The prompt caches of the demo workload's providers, as far as token accounting needs them:
/// which prefixes are warm, and so how a prompt splits into uncached input, cache reads and cache
/// writes (the rules are listed in ``DemoWorkload``).
///
/// Two kinds of prefix are tracked, per application and model (caches are per model):
/// - the application's system prompt, shared by all its users, warm while any of its prompts
///   cached it within the cache TTL;
/// - each user's conversation, warm while the user's previous prompt was cached within the TTL.
struct DemoPromptCache: Sendable {
    /// A user's last cached prompt in one application on one model.
    private struct Conversation: Sendable {
        var time: Double
        var promptTokens: Int64
        var cachedTokens: Int64
    }

    /// The tokens of one prompt, split.
    struct Split: Sendable, Hashable {
        var input: Int64
        var cacheRead: Int64
        var cacheWrite: Int64
    }

    /// When each application's system prompt was last cached and how much of it is, by
    /// `application + NUL + model`.
    private var systemPrompts: [String: (time: Double, tokens: Int64)] = [:]
    /// Each user's conversation, by `application + NUL + model + NUL + user`.
    private var conversations: [String: Conversation] = [:]

    /// Splits a prompt and records what it leaves in the cache.
    ///
    /// - Parameters:
    ///   - prompt: the prompt length (`ContextTokens`).
    ///   - time: the request time, in seconds since 1970.
    ///   - application: the application (its system prompt length and cache TTL).
    ///   - model: the model (its caching convention).
    ///   - user: the user.
    ///   - newMessage: the length of the newest message, after an explicit cache breakpoint.
    /// - Returns: the split; its three parts sum to `prompt`.
    mutating func split(
        prompt: Int64, at time: Double, application: DemoApplication, model: DemoModel, user: String,
        newMessage: Int64
    ) -> Split {
        let appKey = application.name + "\u{0}" + model.name
        let userKey = appKey + "\u{0}" + user
        let ttl = application.cacheTTL
        func isWarm(since last: Double) -> Bool { time - last >= 0 && time - last <= ttl }

        let systemPrompt = systemPrompts[appKey].flatMap { isWarm(since: $0.time) ? $0.tokens : nil } ?? 0
        var warm = min(systemPrompt, prompt)
        // The same conversation continues when the user's prompt grew from the last one: that
        // prompt, as far as it was cached, is this one's prefix. A shorter prompt starts anew.
        if let last = conversations[userKey], isWarm(since: last.time), prompt >= last.promptTokens {
            warm = max(warm, last.cachedTokens)
        }

        let split: Split
        let cached: Int64
        switch model.caching {
        case .automatic(let minimum, let increment):
            let read = Self.cacheable(warm, minimum: minimum, increment: increment)
            split = Split(input: prompt - read, cacheRead: read, cacheWrite: 0)
            cached = Self.cacheable(prompt, minimum: minimum, increment: increment)
        case .explicit(let minimum):
            let read = warm >= minimum ? warm : 0
            let breakpoint = prompt - min(max(newMessage, 0), prompt - read)
            if breakpoint >= minimum {
                split = Split(input: prompt - breakpoint, cacheRead: read, cacheWrite: breakpoint - read)
                cached = breakpoint
            } else {
                split = Split(input: prompt, cacheRead: 0, cacheWrite: 0)
                cached = 0
            }
        }
        if cached > 0 { systemPrompts[appKey] = (time, max(systemPrompt, min(application.systemPromptTokens, cached))) }
        conversations[userKey] = Conversation(time: time, promptTokens: prompt, cachedTokens: cached)
        return split
    }

    /// The part of a prefix an automatic cache serves: nothing below `minimum`, else `minimum`
    /// plus whole `increment`s.
    static func cacheable(_ tokens: Int64, minimum: Int64, increment: Int64) -> Int64 {
        guard tokens >= minimum else { return 0 }
        let step = max(increment, 1)
        return minimum + (tokens - minimum) / step * step
    }
}
