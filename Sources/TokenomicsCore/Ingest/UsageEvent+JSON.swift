/// The Tokenomics event format: how a ``UsageEvent`` is written as JSON (and read back by
/// ``NativeEventImporter``). Keys are snake_case; zero counts and absent keys are left out.
extension UsageEvent {
    /// Writes the event's members (without the surrounding braces) to `writer`.
    public func writeMembers(to writer: inout JSONWriter) {
        writer.key("id")
        writer.string(id)
        if let timestamp {
            writer.key("timestamp")
            writer.date(timestamp)
        }
        writer.key("provider")
        writer.string(provider)
        writer.key("model")
        writer.string(model)
        if let pricedModel {
            writer.key("priced_model")
            writer.string(pricedModel)
        }
        writer.key("operation")
        writer.string(operation)
        writer.key("service_tier")
        writer.string(serviceTier.rawValue)
        writer.key("tokens")
        tokens.write(to: &writer)
        if !tokens.estimated.isEmpty {
            writer.key("estimated")
            writer.beginArray()
            for tokenClass in tokens.estimated.classes { writer.string(tokenClass.rawValue) }
            writer.endArray()
        }
        if modality.hasMedia || modality.requests != 1 {
            writer.key("modality")
            modality.write(to: &writer)
        }
        if timing.duration != nil || timing.timeToFirstToken != nil {
            writer.key("timing")
            writer.beginObject()
            if let duration = timing.duration {
                writer.key("duration_s")
                writer.double(duration)
            }
            if let ttft = timing.timeToFirstToken {
                writer.key("ttft_s")
                writer.double(ttft)
            }
            writer.endObject()
        }
        if !attribution.isEmpty {
            writer.key("attribution")
            attribution.write(to: &writer)
        }
        if let outcome {
            writer.key("outcome")
            writer.beginObject()
            if let success = outcome.success {
                writer.key("success")
                writer.bool(success)
            }
            if let quality = outcome.quality {
                writer.key("quality")
                writer.double(quality)
            }
            if let value = outcome.valueUSD {
                writer.key("value_usd")
                writer.money(value)
            }
            writer.endObject()
        }
    }
}

extension TokenCounts {
    /// Writes `{"input": …, "cache_read": …, "cache_write": …, "retrieval": …, "output": …, "reasoning": …}`,
    /// plus `cache_write_1h` when some cache writes had the 1-hour TTL.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("input")
        writer.int(input)
        writer.key("cache_read")
        writer.int(cacheRead)
        writer.key("cache_write")
        writer.int(cacheWrite)
        writer.key("retrieval")
        writer.int(retrieval)
        writer.key("output")
        writer.int(output)
        writer.key("reasoning")
        writer.int(reasoning)
        if cacheWrite1h != 0 {
            writer.key("cache_write_1h")
            writer.int(cacheWrite1h)
        }
        writer.endObject()
    }
}

extension ModalityCounts {
    /// Writes the non-zero quantities as an object (`requests` always).
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        let pairs: [(String, Int64)] = [
            ("audio_input_tokens", audioInputTokens), ("audio_output_tokens", audioOutputTokens),
            ("image_input_tokens", imageInputTokens), ("image_output_tokens", imageOutputTokens),
            ("images", images), ("web_search_queries", webSearchQueries),
        ]
        for (name, value) in pairs where value != 0 {
            writer.key(name)
            writer.int(value)
        }
        writer.key("requests")
        writer.int(requests)
        writer.endObject()
    }
}

extension Attribution {
    /// Writes the set keys as an object, with `tags` nested.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        for name in Attribution.keyNames {
            if let value = self[name] {
                writer.key(name)
                writer.string(value)
            }
        }
        if !tags.isEmpty {
            writer.key("tags")
            writer.beginObject()
            for key in tags.keys.sorted() {
                writer.key(key)
                writer.string(tags[key])
            }
            writer.endObject()
        }
        writer.endObject()
    }
}
