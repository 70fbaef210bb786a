import Foundation

/// Reads the Tokenomics catalog format (see ``PriceCatalog/encodedJSON()``) from a parsed document.
enum CatalogReader {
    /// Reads the catalog at `root`.
    ///
    /// - Throws: ``PricingError`` naming the model and field of the first invalid value.
    static func read(_ root: JSONValue) throws -> PriceCatalog {
        guard let version = root.member("version")?.string else {
            throw PricingError("missing 'version'", field: "version")
        }
        let source = root.member("source")?.string ?? ""
        guard let list = root.member("models"), list.kind == .array else {
            throw PricingError("missing 'models' array", field: "models")
        }
        let records = list.elements
        var models: [ModelPrice] = []
        models.reserveCapacity(records.count)
        for value in records { models.append(try model(value)) }
        return PriceCatalog(version: version, source: source, models: models)
    }

    /// Indexes the catalog at `root`, whose text is `text`, without reading its records (see
    /// ``PriceCatalog/loadTrusted(_:)``).
    ///
    /// The records must already be in catalog order, so that their positions are those of
    /// ``PriceCatalog/init(version:source:models:)``: each id is plain ASCII (no escapes) and
    /// comes after the one before, byte by byte, which for ASCII is the order of `String`. Records
    /// with aliases are left to the full reader (the built-in catalog has none).
    ///
    /// - Returns: the catalog, or `nil` when the text is not so (then read it in full).
    static func index(_ root: JSONValue, text: Data) -> PriceCatalog? {
        guard let version = root.member("version")?.string, let list = root.member("models"), list.kind == .array
        else { return nil }
        let source = root.member("source")?.string ?? ""
        let records = list.elements
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(records.count)
        var index = NameIndex(capacity: 2 * records.count)
        var previous = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        // Reused from record to record: the id lower-cased, and the id without its provider prefix.
        var lowered: [UInt8] = []
        var others: [ArraySlice<UInt8>] = []
        for (position, record) in records.enumerated() {
            guard record.kind == .object, let id = record.member("id"), id.kind == .string, !id.entry.flag,
                record.member("aliases") == nil
            else { return nil }
            let bytes = id.rawBuffer
            guard !bytes.isEmpty, Self.precedes(previous, bytes) else { return nil }
            previous = bytes
            others.removeAll(keepingCapacity: true)
            lowered.removeAll(keepingCapacity: true)
            lowered.append(contentsOf: bytes)
            // Lower-cased as `String.lowercased()` does ASCII, which makes it a ``NameIndex/key(_:)``.
            let isASCII = lowered.withUnsafeMutableBufferPointer { text in
                var high: UInt8 = 0
                for offset in text.indices {
                    let byte = text[offset]
                    high |= byte
                    text[offset] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
                }
                return high < 0x80
            }
            guard isASCII else { return nil }
            if let slash = lowered.firstIndex(of: UInt8(ascii: "/")), slash + 1 < lowered.count {
                others.append(lowered[(slash + 1)...])
            }
            PriceCatalog.addNames(id: lowered[...], others: others, position: position, to: &index)
            ranges.append(Int(record.entry.start)..<Int(record.entry.end))
        }
        return PriceCatalog(
            version: version, source: source, index: index, records: CatalogRecords(text: text, ranges: ranges))
    }

    /// Whether `lhs` comes before `rhs`, byte by byte.
    private static func precedes(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let left = lhs.baseAddress, let right = rhs.baseAddress else { return lhs.isEmpty && !rhs.isEmpty }
        let order = memcmp(left, right, min(lhs.count, rhs.count))
        return order < 0 || (order == 0 && lhs.count < rhs.count)
    }

    /// Reads one record.
    ///
    /// - Throws: ``PricingError`` naming the model and field of the first invalid value.
    static func model(_ value: JSONValue) throws -> ModelPrice {
        guard let id = value.member("id")?.string, !id.isEmpty else {
            throw PricingError("a model has no 'id'", field: "id")
        }
        guard let provider = value.member("provider")?.string else {
            throw PricingError("missing 'provider'", model: id, field: "provider")
        }
        var price = ModelPrice(
            id: id, provider: provider, mode: value.member("mode")?.string ?? "chat", rates: RateSet())
        price.aliases = value.member("aliases")?.elements.compactMap(\.string) ?? []
        price.effectiveFrom = try date(value.member("effective_from"), model: id, field: "effective_from")
        price.effectiveUntil = try date(value.member("effective_until"), model: id, field: "effective_until")
        if let from = price.effectiveFrom, let until = price.effectiveUntil, until <= from {
            throw PricingError("the effective range is empty", model: id, field: "effective_until")
        }
        price.fallsBackToStandard = value.member("falls_back_to_standard")?.bool ?? false
        price.rates = try rates(value.member("rates"), model: id) { "rates" }
        price.tiers = try tiers(value.member("tiers"), model: id) { "tiers" }
        var long: [LongContextTier] = []
        for (position, tier) in (value.member("long_context")?.elements ?? []).enumerated() {
            let field = { "long_context[\(position)]" }
            guard let threshold = tier.member("above")?.int64, threshold >= 0 else {
                throw PricingError("missing or invalid 'above'", model: id, field: field() + ".above")
            }
            long.append(
                LongContextTier(
                    threshold: threshold, rates: try rates(tier.member("rates"), model: id) { field() + ".rates" },
                    tiers: try tiers(tier.member("tiers"), model: id) { field() + ".tiers" }))
        }
        price.longContext = long.sorted { $0.threshold < $1.threshold }
        if let fees = value.member("fees") {
            price.fees = UnitFees(
                image: try money(fees.member("image"), model: id, perMillion: false) { "fees.image" },
                inputImage: try money(fees.member("input_image"), model: id, perMillion: false) { "fees.input_image" },
                request: try money(fees.member("request"), model: id, perMillion: false) { "fees.request" },
                webSearch: try money(fees.member("web_search"), model: id, perMillion: false) { "fees.web_search" })
        }
        return price
    }

    // The field paths of errors are made only for an error: a catalog has thousands of rates.

    private static func tiers(
        _ value: JSONValue?, model: String, field: () -> String
    ) throws -> [ServiceTier: RateSet] {
        var result: [ServiceTier: RateSet] = [:]
        try value?.forEachMemberKey { name, rates in
            guard let tier = ServiceTier.allCases.first(where: { name.isString($0.rawValue) }), tier != .standard else {
                throw PricingError("unknown service tier '\(name.string ?? "")'", model: model, field: field())
            }
            result[tier] = try self.rates(rates, model: model) { field() + "." + tier.rawValue }
        }
        return result
    }

    private static func rates(_ value: JSONValue?, model: String, field: () -> String) throws -> RateSet {
        var set = RateSet()
        try value?.forEachMemberKey { name, rate in
            guard let kind = RateKind.allCases.first(where: { name.isString($0.rawValue) }) else {
                throw PricingError("unknown rate '\(name.string ?? "")'", model: model, field: field())
            }
            set[kind] = try money(rate, model: model, perMillion: true) { field() + "." + kind.rawValue }
        }
        return set
    }

    /// A decimal amount; rates per 1M tokens may have at most 12 decimal places, so that the
    /// rate per token is a whole number of attodollars and every cost is exact.
    private static func money(
        _ value: JSONValue?, model: String, perMillion: Bool, field: () -> String
    ) throws -> Money? {
        guard let value, !value.isNull else { return nil }
        let places = perMillion ? Money.fractionDigits - 6 : Money.fractionDigits
        let scaled: Int128?
        switch value.kind {
        case .number: scaled = DecimalText.parse(value.rawBuffer, scale: places)
        case .string: scaled = value.withUTF8 { DecimalText.parse($0, scale: places) }
        default: throw PricingError("not a decimal amount", model: model, field: field())
        }
        guard let scaled else {
            throw PricingError(
                "'\(value.decimalText ?? "")' is not a decimal with at most \(places) places", model: model,
                field: field())
        }
        return Money(attodollars: perMillion ? scaled * 1_000_000 : scaled)
    }

    private static func date(_ value: JSONValue?, model: String, field: String) throws -> Date? {
        guard let value, !value.isNull else { return nil }
        guard value.kind == .string, let date = value.withUTF8({ Timestamp.parse(bytes: $0) }) else {
            throw PricingError("not an RFC 3339 date", model: model, field: field)
        }
        return date
    }
}
