import Foundation

/// A reproducible generator of realistic provider responses, for tests, benchmarks and demos.
///
/// Each call writes one JSON response exactly as the provider would return it (OpenAI Chat
/// Completions, Anthropic Messages or Gemini `generateContent`), with a realistic mix of models,
/// service tiers, prompt caching, hidden reasoning, long prompts and attribution metadata. The
/// same seed always produces the same bytes.
public struct UsageSimulator {
    /// Which provider's response shape to write.
    public enum Format: String, Sendable, CaseIterable {
        case openai, anthropic, gemini, mixed
    }

    private var random: SeededGenerator
    private let format: Format
    private let start: Date
    private let step: Double
    private var index = 0

    /// Creates a simulator.
    ///
    /// - Parameters:
    ///   - seed: the random seed.
    ///   - format: the response shape (`mixed` draws OpenAI 55 %, Anthropic 30 %, Gemini 15 %).
    ///   - count: how many responses will be drawn, to spread their timestamps over `span`.
    ///   - start: the first timestamp (default 2025-10-01T00:00:00Z).
    ///   - span: the period the timestamps cover (default 30 days).
    public init(
        seed: UInt64, format: Format, count: Int, start: Date = Date(timeIntervalSince1970: 1_759_276_800),
        span: TimeInterval = 30 * 86_400
    ) {
        self.random = SeededGenerator(seed: seed)
        self.format = format
        self.start = start
        self.step = span / Double(max(count, 1))
    }

    /// Writes the next response as one JSON object.
    public mutating func writeNext(to writer: inout JSONWriter) {
        let draw = random.unit()
        let shape: Format =
            switch format {
            case .mixed: draw < 0.55 ? .openai : draw < 0.85 ? .anthropic : .gemini
            default: format
            }
        let time = start.timeIntervalSince1970 + (Double(index) + random.unit()) * step
        let caller = SimulatedCaller.draw(&random)
        index += 1
        switch shape {
        case .anthropic: writeAnthropic(to: &writer, caller: caller)
        case .gemini: writeGemini(to: &writer, time: time, caller: caller)
        default: writeOpenAI(to: &writer, time: time, caller: caller)
        }
    }

    /// Draws a prompt, cache split and output as a model of `profile` would see them.
    private mutating func drawTokens(_ profile: SimulatedModel) -> (
        prompt: Int64, cached: Int64, output: Int64, reasoning: Int64
    ) {
        var prompt = random.logNormal(median: 1_800, sigma: 1.1, in: 12...120_000)
        if profile.longContext && random.chance(0.04) {
            prompt = random.logNormal(median: 260_000, sigma: 0.3, in: 200_001...900_000)
        }
        var cached: Int64 = 0
        if prompt >= 1_024 && random.chance(profile.cacheShare) {
            cached = Int64(Double(prompt) * (0.4 + 0.55 * random.unit())) / 128 * 128
        }
        let output = random.logNormal(median: 260, sigma: 0.9, in: 1...16_000)
        let reasoning = profile.reasons ? random.logNormal(median: 900, sigma: 1.0, in: 0...32_000) : 0
        return (prompt, cached, output, reasoning)
    }

    private mutating func identifier(_ prefix: String, length: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var bytes = Array(prefix.utf8)
        for _ in 0..<length { bytes.append(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func writeOpenAI(to writer: inout JSONWriter, time: Double, caller: SimulatedCaller) {
        let profile = random.pick(SimulatedModel.openAI)
        let (prompt, drawnCached, output, reasoning) = drawTokens(profile)
        let tier = random.pick(profile.tiers)
        // Batch requests are not served from the prompt cache.
        let cached = tier == "batch" ? 0 : drawnCached  // batch requests are not served from the prompt cache
        writer.beginObject()
        writer.key("id")
        writer.string(identifier("chatcmpl-", length: 29))
        writer.key("object")
        writer.string("chat.completion")
        writer.key("created")
        writer.int(Int64(time))
        writer.key("model")
        writer.string(profile.reportedName)
        writer.key("choices")
        writer.raw(
            Array(#"[{"index":0,"message":{"role":"assistant","content":"Done."},"finish_reason":"stop"}]"#.utf8))
        writer.key("usage")
        writer.beginObject()
        writer.key("prompt_tokens")
        writer.int(prompt)
        writer.key("completion_tokens")
        writer.int(output + reasoning)
        writer.key("total_tokens")
        writer.int(prompt + output + reasoning)
        writer.key("prompt_tokens_details")
        writer.beginObject()
        writer.key("cached_tokens")
        writer.int(cached)
        writer.endObject()
        writer.key("completion_tokens_details")
        writer.beginObject()
        writer.key("reasoning_tokens")
        writer.int(reasoning)
        writer.endObject()
        writer.endObject()
        writer.key("service_tier")
        writer.string(tier == "standard" ? "default" : tier)
        writer.key("metadata")
        caller.write(to: &writer)
        writer.endObject()
    }

    private mutating func writeAnthropic(to writer: inout JSONWriter, caller: SimulatedCaller) {
        let profile = random.pick(SimulatedModel.anthropic)
        let (prompt, cached, output, thinking) = drawTokens(profile)
        let tier = random.pick(profile.tiers)
        var write5m: Int64 = 0
        var write1h: Int64 = 0
        var fresh = prompt - cached
        if cached == 0 && prompt >= 2_048 && random.chance(0.35) {
            let written = fresh * 3 / 4
            // The 1-hour TTL is bought on interactive traffic; batch jobs use the default 5 minutes.
            if tier != "batch" && random.chance(0.2) { write1h = written } else { write5m = written }
            fresh -= written
        }
        writer.beginObject()
        writer.key("id")
        writer.string(identifier("msg_01", length: 22))
        writer.key("type")
        writer.string("message")
        writer.key("role")
        writer.string("assistant")
        writer.key("model")
        writer.string(profile.reportedName)
        writer.key("content")
        writer.beginArray()
        if thinking > 0 {
            writer.beginObject()
            writer.key("type")
            writer.string("thinking")
            writer.key("thinking")
            // Claude 4 models return a summary of their thinking, billed for the full thinking.
            writer.string(String(repeating: "Let me reason step by step. ", count: Int(min(thinking / 28, 40))))
            writer.endObject()
        }
        writer.raw(Array(#"{"type":"text","text":"Done."}"#.utf8))
        writer.endArray()
        writer.key("stop_reason")
        writer.string("end_turn")
        writer.key("usage")
        writer.beginObject()
        writer.key("input_tokens")
        writer.int(fresh)
        writer.key("cache_creation_input_tokens")
        writer.int(write5m + write1h)
        writer.key("cache_read_input_tokens")
        writer.int(cached)
        writer.key("cache_creation")
        writer.beginObject()
        writer.key("ephemeral_5m_input_tokens")
        writer.int(write5m)
        writer.key("ephemeral_1h_input_tokens")
        writer.int(write1h)
        writer.endObject()
        writer.key("output_tokens")
        writer.int(output + thinking)
        writer.key("service_tier")
        writer.string(tier)
        writer.endObject()
        writer.key("metadata")
        caller.write(to: &writer)
        writer.endObject()
    }

    private mutating func writeGemini(to writer: inout JSONWriter, time: Double, caller: SimulatedCaller) {
        let profile = random.pick(SimulatedModel.gemini)
        let (prompt, cached, output, thoughts) = drawTokens(profile)
        writer.beginObject()
        writer.key("candidates")
        writer.raw(
            Array(#"[{"content":{"role":"model","parts":[{"text":"Done."}]},"finishReason":"STOP","index":0}]"#.utf8))
        writer.key("usageMetadata")
        writer.beginObject()
        writer.key("promptTokenCount")
        writer.int(prompt)
        writer.key("candidatesTokenCount")
        writer.int(output)
        if cached > 0 {
            writer.key("cachedContentTokenCount")
            writer.int(cached)
        }
        if thoughts > 0 {
            writer.key("thoughtsTokenCount")
            writer.int(thoughts)
        }
        writer.key("totalTokenCount")
        writer.int(prompt + output + thoughts)
        writer.endObject()
        writer.key("modelVersion")
        writer.string(profile.reportedName)
        writer.key("createTime")
        writer.date(Date(timeIntervalSince1970: time))
        writer.key("responseId")
        writer.string(identifier("", length: 24))
        writer.key("labels")
        caller.write(to: &writer)
        writer.endObject()
    }
}
