/// The priced-event output format: one JSON object per event, written straight into a
/// ``JSONWriter`` with no intermediate values.
extension PricedEvent {
    /// Writes the event as one JSON object:
    /// `{"id", "timestamp"?, "provider", "model", "priced_model", "service_tier",
    /// "long_context_above"?, "tokens", "estimated"?, "cost_usd", "breakdown", "priced", "reason"?,
    /// "catalog"}`.
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

    /// Writes the event as one JSON Lines record: the object of ``writeJSON(to:)`` and a newline,
    /// with one capacity check for both.
    ///
    /// - Parameter writer: the writer to append to; the next value after the line takes no comma.
    public func writeJSONLine(to writer: inout JSONWriter) {
        writer.write(reserving: maxJSONBytes + 1) { json in
            writeJSON(to: &json)
            json.put(0x0A)
            json.needsComma = false
        }
    }

    /// An upper bound of the bytes ``writeJSON(to:)`` writes (with a leading comma).
    var maxJSONBytes: Int {
        // At most 24 keys (14 here, 10 in the breakdown), none longer than 20 bytes.
        let keys = 24 * (4 + 20)
        // Braces of two objects and the estimated array, the estimated class names (at most six
        // of 11 bytes), the date, the long-context threshold, the tokens, eleven amounts,
        // `priced`, a possible `null` for the model or the cost, and the tier (8 bytes at most).
        let values =
            6 * JSONCursor.maxTokenBytes + 6 * (3 + 11) + JSONCursor.maxDateBytes + JSONCursor.maxIntBytes
            + TokenCounts.maxJSONBytes + 11 * JSONCursor.maxMoneyBytes + 3 * JSONCursor.maxLiteralBytes + 3 + 8
        // Six string values, any byte of which may need a six-byte escape.
        var strings = event.id.utf8.count + event.provider.utf8.count + event.model.utf8.count
        strings += catalogVersion.utf8.count
        if let pricedModel = event.pricedModel { strings += pricedModel.utf8.count }
        if let issue { strings += issue.message.utf8.count }
        return keys + values + 6 * 3 + 6 * strings
    }

    /// Writes the object through a cursor with room for ``maxJSONBytes`` bytes.
    ///
    /// The object has a fixed shape, so it is written as runs of constant text (each key with the
    /// punctuation around it) between bare values: the comma state is used only before the object.
    func writeJSON(to json: inout JSONCursor) {
        json.separate()
        json.raw(#"{"id":"#)
        json.quoted(event.id)
        if let timestamp = event.timestamp {
            json.raw(#","timestamp":"#)
            json.quoted(timestamp)
        }
        json.raw(#","provider":"#)
        json.quoted(event.provider)
        json.raw(#","model":"#)
        json.quoted(event.model)
        if let pricedModel = event.pricedModel {
            json.raw(#","priced_model":"#)
            json.quoted(pricedModel)
        } else {
            json.raw(#","priced_model":null"#)
        }
        switch serviceTier {
        case .standard: json.raw(#","service_tier":"standard""#)
        case .batch: json.raw(#","service_tier":"batch""#)
        case .flex: json.raw(#","service_tier":"flex""#)
        case .priority: json.raw(#","service_tier":"priority""#)
        }
        if let longContextThreshold {
            json.raw(#","long_context_above":"#)
            json.digits(longContextThreshold)
        }
        json.raw(#","tokens":"#)
        event.tokens.writeObject(to: &json)
        if !event.tokens.estimated.isEmpty { writeEstimated(to: &json) }
        json.raw(#","cost_usd":"#)
        if let cost { json.quoted(cost) } else { json.raw("null") }
        writeBreakdown(to: &json)
        if cost != nil { json.raw(#","priced":true"#) } else { json.raw(#","priced":false"#) }
        if let issue {
            json.raw(#","reason":"#)
            json.quoted(issue.message)
        }
        json.raw(#","catalog":"#)
        json.quoted(catalogVersion)
        json.put(UInt8(ascii: "}"))
        json.needsComma = true
    }

    /// Writes `,"estimated":[…]`: the names of the estimated classes, in ledger order.
    private func writeEstimated(to json: inout JSONCursor) {
        json.raw(#","estimated":["#)
        var first = true
        for tokenClass in TokenClass.allCases where event.tokens.estimated.contains(tokenClass) {
            if !first { json.put(UInt8(ascii: ",")) }
            json.quoted(tokenClass.rawValue)
            first = false
        }
        json.put(UInt8(ascii: "]"))
    }

    /// Writes `,"breakdown":{…}`: the six classes always, the other parts when not zero.
    private func writeBreakdown(to json: inout JSONCursor) {
        json.raw(#","breakdown":{"input":"#)
        json.quoted(breakdown.input)
        json.raw(#","cache_read":"#)
        json.quoted(breakdown.cacheRead)
        json.raw(#","cache_write":"#)
        json.quoted(breakdown.cacheWrite)
        json.raw(#","retrieval":"#)
        json.quoted(breakdown.retrieval)
        json.raw(#","output":"#)
        json.quoted(breakdown.output)
        json.raw(#","reasoning":"#)
        json.quoted(breakdown.reasoning)
        if breakdown.audio != .zero {
            json.raw(#","audio":"#)
            json.quoted(breakdown.audio)
        }
        if breakdown.image != .zero {
            json.raw(#","image":"#)
            json.quoted(breakdown.image)
        }
        if breakdown.requests != .zero {
            json.raw(#","requests":"#)
            json.quoted(breakdown.requests)
        }
        if breakdown.webSearch != .zero {
            json.raw(#","web_search":"#)
            json.quoted(breakdown.webSearch)
        }
        json.put(UInt8(ascii: "}"))
    }
}
