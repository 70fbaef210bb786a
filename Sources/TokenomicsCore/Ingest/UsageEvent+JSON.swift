/// The Tokenomics event format: how a ``UsageEvent`` is written as JSON (and read back by
/// ``NativeEventImporter``). Keys are snake_case; zero counts and absent keys are left out.
extension UsageEvent {
    /// Writes the event's members (without the surrounding braces) to `writer`.
    public func writeMembers(to writer: inout JSONWriter) {
        writer.field("id")
        writer.string(id)
        if let timestamp {
            writer.field("timestamp")
            writer.date(timestamp)
        }
        writer.field("provider")
        writer.string(provider)
        writer.field("model")
        writer.string(model)
        if let pricedModel {
            writer.field("priced_model")
            writer.string(pricedModel)
        }
        writer.field("operation")
        writer.string(operation)
        writer.field("service_tier")
        writer.string(serviceTier.rawValue)
        writer.field("tokens")
        tokens.write(to: &writer)
        if !tokens.estimated.isEmpty {
            writer.field("estimated")
            writer.beginArray()
            for tokenClass in tokens.estimated.classes { writer.string(tokenClass.rawValue) }
            writer.endArray()
        }
        if modality.hasMedia || modality.requests != 1 {
            writer.field("modality")
            modality.write(to: &writer)
        }
        if timing.duration != nil || timing.timeToFirstToken != nil {
            writer.field("timing")
            writer.beginObject()
            if let duration = timing.duration {
                writer.field("duration_s")
                writer.double(duration)
            }
            if let ttft = timing.timeToFirstToken {
                writer.field("ttft_s")
                writer.double(ttft)
            }
            writer.endObject()
        }
        if !attribution.isEmpty {
            writer.field("attribution")
            attribution.write(to: &writer)
        }
        if let outcome {
            writer.field("outcome")
            writer.beginObject()
            if let success = outcome.success {
                writer.field("success")
                writer.bool(success)
            }
            if let quality = outcome.quality {
                writer.field("quality")
                writer.double(quality)
            }
            if let value = outcome.valueUSD {
                writer.field("value_usd")
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
        writer.write(reserving: Self.maxJSONBytes) { write(to: &$0) }
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
        writer.field("requests")
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
            writer.field("tags")
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
