import Foundation
import TokenomicsCore

/// The stored form of what an event row holds besides its id, timestamp and ``EventKey``: one
/// compact binary value (the `record` column), so that storing an event binds five values
/// instead of ninety, and reading it back decodes one.
///
/// The format, version 1: a version byte, then in order — operation and requested service tier;
/// the seven token counts and the estimated-class bits; the seven modality counts; user, trace,
/// span and parent span ids; the free tags (count, then key and value, keys sorted); timing;
/// outcome; the unpriced reason; the cost (optional), its ten parts and the three cache
/// amounts. Integers are LEB128 varints of their zigzag form (amounts are 128-bit attodollars,
/// exact); texts are a varint length and UTF-8 (an optional text stores length + 1, 0 for none);
/// a floating-point value is its 8-byte IEEE bit pattern, little-endian.
enum EventRecord {
    /// The format version written.
    static let version: UInt8 = 1

    /// Appends the record of an entry to `bytes`.
    static func encode(_ entry: LedgerEntry, into bytes: inout [UInt8]) {
        encode(
            entry.event, unpricedReason: entry.unpricedReason, cost: entry.cost, breakdown: entry.breakdown,
            cache: entry.cache, into: &bytes)
    }

    /// Appends the record of an event and its pricing to `bytes`.
    static func encode(
        _ event: UsageEvent, unpricedReason: String?, cost: Money?, breakdown parts: CostBreakdown,
        cache: CacheAccounting, into bytes: inout [UInt8]
    ) {
        var writer = Writer(bytes: bytes)
        bytes = []
        writer.byte(version)
        writer.text(event.operation)
        writer.text(event.serviceTier.rawValue)
        // Field by field rather than through array literals: an array is an allocation, and
        // this runs for every event stored.
        let tokens = event.tokens
        writer.integer(tokens.input)
        writer.integer(tokens.cacheRead)
        writer.integer(tokens.cacheWrite5m)
        writer.integer(tokens.cacheWrite1h)
        writer.integer(tokens.retrieval)
        writer.integer(tokens.output)
        writer.integer(tokens.reasoning)
        writer.byte(tokens.estimated.rawValue)
        let modality = event.modality
        writer.integer(modality.audioInputTokens)
        writer.integer(modality.audioOutputTokens)
        writer.integer(modality.imageInputTokens)
        writer.integer(modality.imageOutputTokens)
        writer.integer(modality.images)
        writer.integer(modality.requests)
        writer.integer(modality.webSearchQueries)
        let attribution = event.attribution
        writer.optionalText(attribution.user)
        writer.optionalText(attribution.traceId)
        writer.optionalText(attribution.spanId)
        writer.optionalText(attribution.parentSpanId)
        writer.unsigned(UInt64(attribution.tags.count))
        if !attribution.tags.isEmpty {
            for key in attribution.tags.keys.sorted() {
                writer.text(key)
                writer.text(attribution.tags[key] ?? "")
            }
        }
        let timing = event.timing
        writer.byte((timing.duration == nil ? 0 : 1) | (timing.timeToFirstToken == nil ? 0 : 2))
        if let duration = timing.duration { writer.double(duration) }
        if let first = timing.timeToFirstToken { writer.double(first) }
        if let outcome = event.outcome {
            var flags: UInt8 = 1
            if let success = outcome.success { flags |= success ? 2 | 4 : 2 }
            if outcome.quality != nil { flags |= 8 }
            if outcome.valueUSD != nil { flags |= 16 }
            writer.byte(flags)
            if let quality = outcome.quality { writer.double(quality) }
            if let value = outcome.valueUSD { writer.money(value) }
        } else {
            writer.byte(0)
        }
        writer.optionalText(unpricedReason)
        if let cost {
            writer.byte(1)
            writer.money(cost)
        } else {
            writer.byte(0)
        }
        writer.money(parts.input)
        writer.money(parts.cacheRead)
        writer.money(parts.cacheWrite)
        writer.money(parts.retrieval)
        writer.money(parts.output)
        writer.money(parts.reasoning)
        writer.money(parts.audio)
        writer.money(parts.image)
        writer.money(parts.requests)
        writer.money(parts.webSearch)
        writer.money(cache.readsAtInputRate)
        writer.money(cache.writesAtInputRate)
        writer.money(cache.writes1h)
        bytes = writer.bytes
    }

    /// The record of an entry.
    static func encode(_ entry: LedgerEntry) -> [UInt8] {
        var bytes: [UInt8] = []
        encode(entry, into: &bytes)
        return bytes
    }

    /// The entry a stored row stands for.
    ///
    /// - Parameters:
    ///   - record: the row's record.
    ///   - id: its id.
    ///   - microseconds: its timestamp, or `nil`.
    ///   - key: its key.
    /// - Throws: ``RecordError`` when the record is cut short or of an unknown version.
    static func decode(
        _ record: UnsafeRawBufferPointer, id: String, microseconds: Int64?, key: EventKey
    ) throws(RecordError) -> LedgerEntry {
        var reader = Reader(bytes: record)
        let format = try reader.byte()
        guard format == version else { throw RecordError(message: "unknown record version \(format)") }
        let operation = try reader.text()
        let tier = ServiceTier(rawValue: try reader.text()) ?? .standard
        var counts: [Int64] = []
        for _ in 0..<7 { counts.append(try reader.integer()) }
        let estimated = TokenClassSet(rawValue: try reader.byte())
        var modality: [Int64] = []
        for _ in 0..<7 { modality.append(try reader.integer()) }
        var attribution = Attribution()
        for key in recordAttributionKeys { attribution[key] = try reader.optionalText() }
        let tagCount = try reader.unsigned()
        if tagCount > 0 {
            var tags: [String: String] = [:]
            for _ in 0..<tagCount {
                let name = try reader.text()
                tags[name] = try reader.text()
            }
            attribution.tags = tags
        }
        let timingFlags = try reader.byte()
        let timing = Timing(
            duration: timingFlags & 1 == 0 ? nil : try reader.double(),
            timeToFirstToken: timingFlags & 2 == 0 ? nil : try reader.double())
        let outcomeFlags = try reader.byte()
        var outcome: Outcome?
        if outcomeFlags & 1 != 0 {
            outcome = Outcome(
                success: outcomeFlags & 2 == 0 ? nil : outcomeFlags & 4 != 0,
                quality: outcomeFlags & 8 == 0 ? nil : try reader.double(),
                valueUSD: outcomeFlags & 16 == 0 ? nil : try reader.money())
        }
        let unpricedReason = try reader.optionalText()
        let cost = try reader.byte() == 0 ? nil : try reader.money()
        var parts: [Money] = []
        for _ in 0..<10 { parts.append(try reader.money()) }
        let cache = CacheAccounting(
            readsAtInputRate: try reader.money(), writesAtInputRate: try reader.money(), writes1h: try reader.money())
        let event = UsageEvent(
            id: id, timestamp: microseconds.map { LedgerSchema.date(microseconds: $0) }, provider: key.provider,
            model: key.model, operation: operation, serviceTier: tier,
            tokens: TokenCounts(
                input: counts[0], cacheRead: counts[1], cacheWrite5m: counts[2], cacheWrite1h: counts[3],
                retrieval: counts[4], output: counts[5], reasoning: counts[6], estimated: estimated),
            modality: ModalityCounts(
                audioInputTokens: modality[0], audioOutputTokens: modality[1], imageInputTokens: modality[2],
                imageOutputTokens: modality[3], images: modality[4], requests: modality[5],
                webSearchQueries: modality[6]),
            timing: timing, attribution: attribution, outcome: outcome)
        var entry = LedgerEntry(
            event: event, catalogVersion: key.catalogVersion, cost: cost,
            breakdown: LedgerSchema.breakdown(parts[...]), unpricedReason: unpricedReason, cache: cache)
        key.restore(into: &entry)
        return entry
    }

    /// The attribution keys a record holds, in order: those the ``EventKey`` does not.
    static let recordAttributionKeys: [Attribution.Key] = [.user, .traceId, .spanId, .parentSpanId]

    /// A record that cannot be read.
    struct RecordError: Error, Sendable {
        var message: String
    }

    /// Appends the parts of a record.
    struct Writer {
        var bytes: [UInt8]

        mutating func byte(_ value: UInt8) { bytes.append(value) }

        mutating func unsigned(_ value: UInt64) {
            var value = value
            while value >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }

        mutating func integer(_ value: Int64) {
            unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
        }

        mutating func money(_ amount: Money) {
            let value = amount.attodollars
            // Most amounts fit 62 bits (below about $2.3): their zigzag form fits 64 bits, and
            // 64-bit shifts are cheaper than 128-bit ones. The bytes are the same either way.
            if let small = Int64(exactly: value), small.magnitude < 1 << 62 {
                return integer(small)
            }
            var zigzag = UInt128(bitPattern: (value << 1) ^ (value >> 127))
            while zigzag >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: zigzag) | 0x80)
                zigzag >>= 7
            }
            bytes.append(UInt8(zigzag))
        }

        mutating func double(_ value: Double) {
            var bits = value.bitPattern.littleEndian
            withUnsafeBytes(of: &bits) { bytes.append(contentsOf: $0) }
        }

        mutating func text(_ value: String) {
            var value = value
            value.withUTF8 { utf8 in
                unsigned(UInt64(utf8.count))
                bytes.append(contentsOf: utf8)
            }
        }

        mutating func optionalText(_ value: String?) {
            guard var value else { return byte(0) }
            value.withUTF8 { utf8 in
                unsigned(UInt64(utf8.count) + 1)
                bytes.append(contentsOf: utf8)
            }
        }
    }

    /// Reads the parts of a record, refusing one cut short.
    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        mutating func byte() throws(RecordError) -> UInt8 {
            guard offset < bytes.count else { throw RecordError(message: "record cut short") }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func unsigned() throws(RecordError) -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let next = try byte()
                guard shift < 64 else { throw RecordError(message: "integer too long") }
                value |= UInt64(next & 0x7f) << shift
                if next < 0x80 { return value }
                shift += 7
            }
        }

        mutating func integer() throws(RecordError) -> Int64 {
            let zigzag = try unsigned()
            return Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
        }

        mutating func money() throws(RecordError) -> Money {
            var zigzag: UInt128 = 0
            var shift: UInt128 = 0
            while true {
                let next = try byte()
                guard shift < 128 else { throw RecordError(message: "amount too long") }
                zigzag |= UInt128(next & 0x7f) << shift
                if next < 0x80 { break }
                shift += 7
            }
            return Money(attodollars: Int128(bitPattern: zigzag >> 1) ^ -Int128(bitPattern: zigzag & 1))
        }

        mutating func double() throws(RecordError) -> Double {
            guard offset + 8 <= bytes.count else { throw RecordError(message: "record cut short") }
            var bits: UInt64 = 0
            for index in 0..<8 { bits |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
            offset += 8
            return Double(bitPattern: bits)
        }

        mutating func text() throws(RecordError) -> String {
            let length = Int(try unsigned())
            return try utf8(length)
        }

        mutating func optionalText() throws(RecordError) -> String? {
            let length = Int(try unsigned())
            return length == 0 ? nil : try utf8(length - 1)
        }

        private mutating func utf8(_ length: Int) throws(RecordError) -> String {
            guard length >= 0, offset + length <= bytes.count else { throw RecordError(message: "record cut short") }
            defer { offset += length }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
        }
    }
}
