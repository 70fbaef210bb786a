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
        var minute = Timestamp.RFC3339Minute()
        writer.write(reserving: maxJSONBytes) { writeJSON(to: &$0, repeated: nil, minute: &minute) }
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
        // The other four string values, any byte of which may need a six-byte escape. (Sizes of
        // strings in memory: the sums cannot overflow.)
        var strings = event.id.utf8.count &+ event.model.utf8.count
        if let pricedModel = event.pricedModel { strings &+= pricedModel.utf8.count }
        if let issue { strings &+= issue.message.utf8.count }
        return (keys + values + 4 * 3) &+ 6 &* strings &+ providerAndCatalog
    }

    /// Writes the object through a cursor with room for ``maxJSONBytes`` bytes (and a newline,
    /// when `repeated` ends the record with one).
    ///
    /// The object has a fixed shape, so it is written as runs of constant text (each key with the
    /// punctuation around it, the quotes of the values next to it included) between bare values:
    /// the comma state is used only before the object. The runs that repeat from record to record
    /// are copied ready-made when given, and the timestamp's text up to its seconds when it falls
    /// in `minute`.
    func writeJSON(
        to json: inout JSONCursor, repeated: PricedEventLineWriter.Runs?, minute: inout Timestamp.RFC3339Minute
    ) {
        json.separate()
        var at = JSONCursor.raw(#"{"id":"#, at: json.position)
        at = JSONCursor.quoted(event.id, at: at)
        if let timestamp = event.timestamp {
            at = JSONCursor.raw(#","timestamp":""#, at: at)
            at += Timestamp.writeRFC3339(timestamp, to: at, minute: &minute)
            at.pointee = UInt8(ascii: "\"")
            at += 1
        }
        if let repeated {
            at = JSONCursor.copy(repeated.provider, at: at)
        } else {
            at = JSONCursor.raw(#","provider":"#, at: at)
            at = JSONCursor.quoted(event.provider, at: at)
        }
        at = JSONCursor.raw(#","model":"#, at: at)
        let model = at
        at = JSONCursor.quoted(event.model, at: at)
        if let pricedModel = event.pricedModel {
            let modelEnd = at
            at = JSONCursor.raw(#","priced_model":"#, at: at)
            if pricedModel == event.model {
                // Usually the very name reported (often the same string): its text is written already.
                at = JSONCursor.copy(UnsafeRawBufferPointer(start: model, count: model.distance(to: modelEnd)), at: at)
            } else {
                at = JSONCursor.quoted(pricedModel, at: at)
            }
        } else {
            at = JSONCursor.raw(#","priced_model":null"#, at: at)
        }
        switch serviceTier {
        case .standard: at = JSONCursor.raw(#","service_tier":"standard""#, at: at)
        case .batch: at = JSONCursor.raw(#","service_tier":"batch""#, at: at)
        case .flex: at = JSONCursor.raw(#","service_tier":"flex""#, at: at)
        case .priority: at = JSONCursor.raw(#","service_tier":"priority""#, at: at)
        }
        if let longContextThreshold {
            at = JSONCursor.raw(#","long_context_above":"#, at: at)
            at = JSONCursor.digits(longContextThreshold, at: at)
        }
        at = JSONCursor.raw(#","tokens":"#, at: at)
        at = withUnsafePointer(to: event.tokens) { TokenCounts.writeObject($0, at: at) }
        if !event.tokens.estimated.isEmpty { at = writeEstimated(at: at) }
        if let cost {
            at = JSONCursor.raw(#","cost_usd":""#, at: at)
            at += cost.writeDecimal(to: at)
            at = JSONCursor.raw(#"","breakdown":{"input":""#, at: at)
        } else {
            at = JSONCursor.raw(#","cost_usd":null,"breakdown":{"input":""#, at: at)
        }
        at = withUnsafePointer(to: breakdown) { Self.writeBreakdown($0, at: at) }
        if cost != nil {
            at = JSONCursor.raw(#","priced":true"#, at: at)
        } else {
            at = JSONCursor.raw(#","priced":false"#, at: at)
        }
        if let issue {
            at = JSONCursor.raw(#","reason":"#, at: at)
            at = JSONCursor.quoted(issue.message, at: at)
        }
        if let repeated {
            at = JSONCursor.copy(repeated.recordEnd, at: at)
        } else {
            at = JSONCursor.raw(#","catalog":"#, at: at)
            at = JSONCursor.quoted(catalogVersion, at: at)
            at.pointee = UInt8(ascii: "}")
            at += 1
        }
        json.position = at
        json.needsComma = true
    }

    /// Writes `,"estimated":[…]`: the names of the estimated classes, in ledger order.
    private func writeEstimated(at start: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var at = JSONCursor.raw(#","estimated":["#, at: start)
        var first = true
        for tokenClass in TokenClass.allCases where event.tokens.estimated.contains(tokenClass) {
            if !first {
                at.pointee = UInt8(ascii: ",")
                at += 1
            }
            at = JSONCursor.quoted(tokenClass.rawValue, at: at)
            first = false
        }
        at.pointee = UInt8(ascii: "]")
        return at + 1
    }

    /// Writes the breakdown's amounts from the input's on (its key and opening quote are written):
    /// the six classes always, the other parts when not zero, and the closing brace.
    @inline(__always)
    private static func writeBreakdown(
        _ breakdown: UnsafePointer<CostBreakdown>, at start: UnsafeMutablePointer<UInt8>
    ) -> UnsafeMutablePointer<UInt8> {
        var at = start + breakdown.pointee.input.writeDecimal(to: start)
        at = JSONCursor.raw(#"","cache_read":""#, at: at)
        at += breakdown.pointee.cacheRead.writeDecimal(to: at)
        at = JSONCursor.raw(#"","cache_write":""#, at: at)
        at += breakdown.pointee.cacheWrite.writeDecimal(to: at)
        at = JSONCursor.raw(#"","retrieval":""#, at: at)
        at += breakdown.pointee.retrieval.writeDecimal(to: at)
        at = JSONCursor.raw(#"","output":""#, at: at)
        at += breakdown.pointee.output.writeDecimal(to: at)
        at = JSONCursor.raw(#"","reasoning":""#, at: at)
        at += breakdown.pointee.reasoning.writeDecimal(to: at)
        at.pointee = UInt8(ascii: "\"")
        at += 1
        if breakdown.pointee.audio != .zero {
            at = JSONCursor.raw(#","audio":"#, at: at)
            at = JSONCursor.quoted(breakdown.pointee.audio, at: at)
        }
        if breakdown.pointee.image != .zero {
            at = JSONCursor.raw(#","image":"#, at: at)
            at = JSONCursor.quoted(breakdown.pointee.image, at: at)
        }
        if breakdown.pointee.requests != .zero {
            at = JSONCursor.raw(#","requests":"#, at: at)
            at = JSONCursor.quoted(breakdown.pointee.requests, at: at)
        }
        if breakdown.pointee.webSearch != .zero {
            at = JSONCursor.raw(#","web_search":"#, at: at)
            at = JSONCursor.quoted(breakdown.pointee.webSearch, at: at)
        }
        at.pointee = UInt8(ascii: "}")
        return at + 1
    }
}

/// Writes priced events as JSON Lines: each the object of ``PricedEvent/writeJSON(to:)`` and a
/// newline, with the text that repeats from one record to the next kept ready-made (the provider
/// and the catalog version, with their keys, quotes and escapes, and the timestamp's minute), so
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
    private var minute = Timestamp.RFC3339Minute()

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
        var minute = minute
        defer { self.minute = minute }
        provider.bytes.withUnsafeBytes { provider in
            recordEnd.bytes.withUnsafeBytes { recordEnd in
                // The runs hold the provider and the record's end: their sizes are known.
                writer.write(reserving: priced.maxJSONBytes(repeating: provider.count + recordEnd.count) + 1) { json in
                    priced.writeJSON(
                        to: &json, repeated: Runs(provider: provider, recordEnd: recordEnd), minute: &minute)
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
