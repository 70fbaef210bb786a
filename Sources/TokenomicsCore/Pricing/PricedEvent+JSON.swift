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
        writer.field("id")
        writer.string(event.id)
        if let timestamp = event.timestamp {
            writer.field("timestamp")
            writer.date(timestamp)
        }
        writer.field("provider")
        writer.string(event.provider)
        writer.field("model")
        writer.string(event.model)
        writer.field("priced_model")
        writer.string(event.pricedModel)
        writer.field("service_tier")
        writer.string(serviceTier.rawValue)
        if let longContextThreshold {
            writer.field("long_context_above")
            writer.int(longContextThreshold)
        }
        writer.field("tokens")
        event.tokens.write(to: &writer)
        if !event.tokens.estimated.isEmpty {
            writer.field("estimated")
            writer.beginArray()
            for tokenClass in TokenClass.allCases where event.tokens.estimated.contains(tokenClass) {
                writer.string(tokenClass.rawValue)
            }
            writer.endArray()
        }
        writer.field("cost_usd")
        if let cost { writer.money(cost) } else { writer.null() }
        writer.field("breakdown")
        writeBreakdown(to: &writer)
        writer.field("priced")
        writer.bool(cost != nil)
        if let issue {
            writer.field("reason")
            writer.string(issue.message)
        }
        writer.field("catalog")
        writer.string(catalogVersion)
        writer.endObject()
    }

    private func writeBreakdown(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("input")
        writer.money(breakdown.input)
        writer.field("cache_read")
        writer.money(breakdown.cacheRead)
        writer.field("cache_write")
        writer.money(breakdown.cacheWrite)
        writer.field("retrieval")
        writer.money(breakdown.retrieval)
        writer.field("output")
        writer.money(breakdown.output)
        writer.field("reasoning")
        writer.money(breakdown.reasoning)
        if breakdown.audio != .zero {
            writer.field("audio")
            writer.money(breakdown.audio)
        }
        if breakdown.image != .zero {
            writer.field("image")
            writer.money(breakdown.image)
        }
        if breakdown.requests != .zero {
            writer.field("requests")
            writer.money(breakdown.requests)
        }
        if breakdown.webSearch != .zero {
            writer.field("web_search")
            writer.money(breakdown.webSearch)
        }
        writer.endObject()
    }
}
