/// The priced-event output format: one JSON object per event, written straight into a
/// ``JSONWriter`` with no intermediate values.
extension PricedEvent {
    /// Writes the event as one JSON object:
    /// `{"id", "timestamp"?, "provider", "model", "priced_model"?, "service_tier", "tokens",
    /// "estimated"?, "cost_usd", "breakdown", "priced", "reason"?, "catalog"}`.
    ///
    /// `cost_usd` is an exact decimal string, or `null` for an unpriced event; `breakdown` maps
    /// each token class to its cost, plus `audio`, `image`, `requests` and `web_search` when not
    /// zero; `long_context_above` names the long-context tier that applied, if one did.
    ///
    /// - Parameter writer: the writer to append to.
    /// - Complexity: O(1); no allocation beyond the writer's buffer growth (and the reason text
    ///   of an unpriced event).
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.string(event.id)
        if let timestamp = event.timestamp {
            writer.key("timestamp")
            writer.date(timestamp)
        }
        writer.key("provider")
        writer.string(event.provider)
        writer.key("model")
        writer.string(event.model)
        writer.key("priced_model")
        writer.string(event.pricedModel)
        writer.key("service_tier")
        writer.string(serviceTier.rawValue)
        if let longContextThreshold {
            writer.key("long_context_above")
            writer.int(longContextThreshold)
        }
        writer.key("tokens")
        event.tokens.write(to: &writer)
        if !event.tokens.estimated.isEmpty {
            writer.key("estimated")
            writer.beginArray()
            for tokenClass in TokenClass.allCases where event.tokens.estimated.contains(tokenClass) {
                writer.string(tokenClass.rawValue)
            }
            writer.endArray()
        }
        writer.key("cost_usd")
        if let cost { writer.money(cost) } else { writer.null() }
        writer.key("breakdown")
        writeBreakdown(to: &writer)
        writer.key("priced")
        writer.bool(cost != nil)
        if let issue {
            writer.key("reason")
            writer.string(issue.message)
        }
        writer.key("catalog")
        writer.string(catalogVersion)
        writer.endObject()
    }

    private func writeBreakdown(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("input")
        writer.money(breakdown.input)
        writer.key("cache_read")
        writer.money(breakdown.cacheRead)
        writer.key("cache_write")
        writer.money(breakdown.cacheWrite)
        writer.key("retrieval")
        writer.money(breakdown.retrieval)
        writer.key("output")
        writer.money(breakdown.output)
        writer.key("reasoning")
        writer.money(breakdown.reasoning)
        if breakdown.audio != .zero {
            writer.key("audio")
            writer.money(breakdown.audio)
        }
        if breakdown.image != .zero {
            writer.key("image")
            writer.money(breakdown.image)
        }
        if breakdown.requests != .zero {
            writer.key("requests")
            writer.money(breakdown.requests)
        }
        if breakdown.webSearch != .zero {
            writer.key("web_search")
            writer.money(breakdown.webSearch)
        }
        writer.endObject()
    }
}
