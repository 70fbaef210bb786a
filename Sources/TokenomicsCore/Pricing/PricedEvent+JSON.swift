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
    /// - Complexity: O(1): one capacity check for the whole object, then unchecked writes; no
    ///   allocation beyond the writer's buffer growth.
    public func writeJSON(to writer: inout JSONWriter) {
        writer.write(reserving: maxJSONBytes) { writeJSON(to: &$0) }
    }

    /// An upper bound of the bytes ``writeJSON(to:)`` writes (with a leading comma).
    var maxJSONBytes: Int {
        // At most 24 keys (14 here, 10 in the breakdown), none longer than 20 bytes.
        let keys = 24 * (4 + 20)
        // Braces of two objects and the estimated array, the estimated class names (at most six
        // of 11 bytes), the date, the long-context threshold, the tokens, eleven amounts,
        // `priced` and a possible `null` for the model or the cost.
        let values =
            6 * JSONCursor.maxTokenBytes + 6 * (3 + 11) + JSONCursor.maxDateBytes + JSONCursor.maxIntBytes
            + TokenCounts.maxJSONBytes + 11 * JSONCursor.maxMoneyBytes + 3 * JSONCursor.maxLiteralBytes
        // Seven string values, any byte of which may need a six-byte escape.
        var strings = event.id.utf8.count + event.provider.utf8.count + event.model.utf8.count
        strings += (event.pricedModel?.utf8.count ?? 0) + serviceTier.rawValue.utf8.count + catalogVersion.utf8.count
        if let issue { strings += issue.message.utf8.count }
        return keys + values + 7 * 3 + 6 * strings
    }

    /// Writes the object through a cursor with room for ``maxJSONBytes`` bytes.
    func writeJSON(to json: inout JSONCursor) {
        json.beginObject()
        json.field("id")
        json.string(event.id)
        if let timestamp = event.timestamp {
            json.field("timestamp")
            json.date(timestamp)
        }
        json.field("provider")
        json.string(event.provider)
        json.field("model")
        json.string(event.model)
        json.field("priced_model")
        json.string(event.pricedModel)
        json.field("service_tier")
        json.string(serviceTier.rawValue)
        if let longContextThreshold {
            json.field("long_context_above")
            json.int(longContextThreshold)
        }
        json.field("tokens")
        event.tokens.write(to: &json)
        if !event.tokens.estimated.isEmpty {
            json.field("estimated")
            json.beginArray()
            for tokenClass in TokenClass.allCases where event.tokens.estimated.contains(tokenClass) {
                json.string(tokenClass.rawValue)
            }
            json.endArray()
        }
        json.field("cost_usd")
        if let cost { json.money(cost) } else { json.null() }
        json.field("breakdown")
        writeBreakdown(to: &json)
        json.field("priced")
        json.bool(cost != nil)
        if let issue {
            json.field("reason")
            json.string(issue.message)
        }
        json.field("catalog")
        json.string(catalogVersion)
        json.endObject()
    }

    private func writeBreakdown(to json: inout JSONCursor) {
        json.beginObject()
        json.field("input")
        json.money(breakdown.input)
        json.field("cache_read")
        json.money(breakdown.cacheRead)
        json.field("cache_write")
        json.money(breakdown.cacheWrite)
        json.field("retrieval")
        json.money(breakdown.retrieval)
        json.field("output")
        json.money(breakdown.output)
        json.field("reasoning")
        json.money(breakdown.reasoning)
        if breakdown.audio != .zero {
            json.field("audio")
            json.money(breakdown.audio)
        }
        if breakdown.image != .zero {
            json.field("image")
            json.money(breakdown.image)
        }
        if breakdown.requests != .zero {
            json.field("requests")
            json.money(breakdown.requests)
        }
        if breakdown.webSearch != .zero {
            json.field("web_search")
            json.money(breakdown.webSearch)
        }
        json.endObject()
    }
}
