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
        var day = Timestamp.RFC3339Day()
        writer.write(reserving: maxJSONBytes) { writeJSON(to: &$0, repeated: nil, day: &day) }
    }

    /// An upper bound of the bytes ``writeJSON(to:)`` writes (with a leading comma).
    @inline(__always)
    var maxJSONBytes: Int {
        maxJSONBytes(repeating: JSONCursor.maxStringBytes(event.provider) + JSONCursor.maxStringBytes(catalogVersion))
    }

    /// An upper bound of the bytes ``writeJSON(to:)`` writes, given the most that its provider and
    /// catalog version take (quoted and escaped).
    @inline(__always)
    func maxJSONBytes(repeating providerAndCatalog: Int) -> Int {
        // At most 24 keys (14 here, 10 in the breakdown), none longer than 20 bytes.
        let keys = 24 * (4 + 20)
        // Braces of two objects and the estimated array, the estimated class names (at most six
        // of 11 bytes), the date, the long-context threshold, the tokens, eleven amounts,
        // `priced`, a possible `null` for the model or the cost, and the tier (8 bytes at most).
        let values =
            6 * JSONCursor.maxTokenBytes + 6 * (3 + 11) + JSONCursor.maxDateBytes + JSONCursor.maxIntBytes
            + TokenCounts.maxJSONBytes + 11 * JSONCursor.maxMoneyBytes + 3 * JSONCursor.maxLiteralBytes + 3 + 8
        // The other four string values, any byte of which may need a six-byte escape.
        var strings = event.id.utf8.count + event.model.utf8.count
        if let pricedModel = event.pricedModel { strings += pricedModel.utf8.count }
        if let issue { strings += issue.message.utf8.count }
        return keys + values + 4 * 3 + 6 * strings + providerAndCatalog
    }

    /// Writes the object through a cursor with room for ``maxJSONBytes`` bytes (and a newline,
    /// when `repeated` ends the record with one).
    ///
    /// The object has a fixed shape, so it is written as runs of constant text (each key with the
    /// punctuation around it) between bare values: the comma state is used only before the object.
    /// The runs that repeat from record to record are copied ready-made when given, and the
    /// timestamp's day when it is `day`.
    func writeJSON(
        to json: inout JSONCursor, repeated: PricedEventLineWriter.Runs?, day: inout Timestamp.RFC3339Day
    ) {
        json.separate()
        json.raw(#"{"id":"#)
        json.quoted(event.id)
        if let timestamp = event.timestamp {
            json.raw(#","timestamp":"#)
            json.quoted(timestamp, day: &day)
        }
        if let repeated {
            json.copy(repeated.provider)
        } else {
            json.raw(#","provider":"#)
            json.quoted(event.provider)
        }
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
        if let repeated {
            json.copy(repeated.recordEnd)
        } else {
            json.raw(#","catalog":"#)
            json.quoted(catalogVersion)
            json.put(UInt8(ascii: "}"))
        }
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

/// Writes priced events as JSON Lines: each the object of ``PricedEvent/writeJSON(to:)`` and a
/// newline, with the text that repeats from one record to the next kept ready-made (the provider
/// and the catalog version, with their keys, quotes and escapes, and the timestamp's day), so
/// that a stream of records is written faster than each record alone.
public struct PricedEventLineWriter {
    /// Text of the record that repeats, as copied into it.
    struct Runs {
        /// `,"provider":"…"`.
        let provider: UnsafeRawBufferPointer
        /// `,"catalog":"…"}` and the newline.
        let recordEnd: UnsafeRawBufferPointer
    }

    private var provider = QuotedRun(key: #","provider":"#, end: "")
    private var recordEnd = QuotedRun(key: #","catalog":"#, end: "}\n")
    private var day = Timestamp.RFC3339Day()

    /// Creates a writer.
    public init() {}

    /// Writes `priced` as one JSON Lines record.
    ///
    /// - Parameters:
    ///   - priced: the event.
    ///   - writer: the writer to append to; the next value after the line takes no comma.
    public mutating func write(_ priced: borrowing PricedEvent, to writer: inout JSONWriter) {
        provider.update(priced.event.provider)
        recordEnd.update(priced.catalogVersion)
        // Updated in a local: mutating a member while the runs' bytes are borrowed would retain them.
        var day = day
        defer { self.day = day }
        provider.bytes.withUnsafeBytes { provider in
            recordEnd.bytes.withUnsafeBytes { recordEnd in
                // The runs hold the provider and the record's end: their sizes are known.
                writer.write(reserving: priced.maxJSONBytes(repeating: provider.count + recordEnd.count) + 1) { json in
                    priced.writeJSON(to: &json, repeated: Runs(provider: provider, recordEnd: recordEnd), day: &day)
                    json.needsComma = false
                }
            }
        }
    }
}

/// A key and a string value as JSON text, such as `,"provider":"openai"`, rebuilt only when the
/// value changes.
private struct QuotedRun {
    let key: StaticString
    let end: StaticString
    private var value: String?
    private(set) var bytes: [UInt8] = []

    init(key: StaticString, end: StaticString) {
        self.key = key
        self.end = end
    }

    /// Makes the run hold `newValue`. Checking costs a few instructions when it already does:
    /// the strings of a stream are usually the very same string, whose bits compare equal.
    @inline(__always)
    mutating func update(_ newValue: String) {
        if newValue != value { rebuild(newValue) }
    }

    private mutating func rebuild(_ newValue: String) {
        value = newValue
        var writer = JSONWriter(capacity: 0)
        let room = key.utf8CodeUnitCount + JSONCursor.maxStringBytes(newValue) + end.utf8CodeUnitCount
        writer.write(reserving: room) { json in
            json.raw(key)
            json.quoted(newValue)
            json.raw(end)
        }
        bytes = writer.bytes
    }
}
