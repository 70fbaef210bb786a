import Foundation

/// The Tokenomics catalog format: one JSON object with `format`, `version`, `source` and
/// `models`, one model per line, keys in a fixed order, rates as exact decimal strings per 1M
/// tokens. Unknown rates are left out; a zero is written, because zero is a price.
extension PriceCatalog {
    /// The value of the `format` member that marks the Tokenomics format.
    public static let formatName = "tokenomics-price-catalog"

    /// Reads a catalog in the Tokenomics format or in the LiteLLM price-map format.
    ///
    /// A document whose `format` member is ``formatName`` is read as a Tokenomics catalog;
    /// any other JSON object is imported with ``LiteLLMImport`` (open effective start).
    ///
    /// - Parameter data: the JSON text.
    /// - Returns: the catalog.
    /// - Throws: ``PricingError`` for invalid JSON or an invalid record.
    /// - Complexity: O(n) in the size of the text.
    public static func load(_ data: Data) throws -> PriceCatalog {
        do {
            return try JSONDocument().withRoot(of: data) { root in
                guard root.kind == .object else { throw PricingError("a price catalog must be a JSON object") }
                if root["format"]?.isString(formatName) == true {
                    return try CatalogReader.read(root)
                }
                return try LiteLLMImport.catalog(from: root, options: LiteLLMImport.Options())
            }
        } catch let error as JSONSyntaxError {
            throw PricingError("the catalog is not valid JSON: \(error)")
        }
    }

    /// Reads a catalog known to be valid, such as the built-in one: checks that the text is JSON
    /// and indexes every name now, but reads each record only when it is first needed.
    ///
    /// Reading every record of a large catalog costs far more than the few lookups a usage
    /// stream makes; for the built-in catalog this is most of a run's start-up. Only the index
    /// is built here, so a record's own mistakes (a rate that is not a decimal, an unknown tier)
    /// are not looked for: use ``load(_:)`` for a catalog a user wrote, which reports them with
    /// the model and field. Text that does not allow lazy reading (not in the Tokenomics format,
    /// records out of order, an id with escapes or non-ASCII bytes) is read as ``load(_:)`` does.
    ///
    /// - Parameter data: the JSON text; every record must be valid.
    /// - Returns: the catalog, equal to what ``load(_:)`` returns for the same text.
    /// - Throws: ``PricingError`` for invalid JSON, or what ``load(_:)`` throws for text it reads.
    /// - Complexity: O(n) in the size of the text; O(size of a record) for each record first used.
    public static func loadTrusted(_ data: Data) throws -> PriceCatalog {
        do {
            let lazy = try JSONDocument().withRoot(of: data) { root in
                root.member("format")?.isString(formatName) == true ? CatalogReader.index(root, text: data) : nil
            }
            return try lazy ?? load(data)
        } catch let error as JSONSyntaxError {
            throw PricingError("the catalog is not valid JSON: \(error)")
        }
    }

    /// The catalog in the Tokenomics format: stable (records sorted, keys in a fixed order),
    /// one record per line so that two versions diff line by line.
    ///
    /// - Returns: UTF-8 JSON text that ``load(_:)`` reads back to an equal catalog.
    /// - Complexity: O(total size of the records).
    public func encodedJSON() -> Data {
        var writer = JSONWriter(capacity: 256 * models.count + 1024)
        writer.beginObject()
        writer.key("format")
        writer.string(Self.formatName)
        writer.key("format_version")
        writer.int(1)
        writer.key("version")
        writer.string(version)
        writer.key("source")
        writer.string(source)
        writer.key("models")
        writer.beginArray()
        var line = JSONWriter(capacity: 1024)
        for (position, model) in models.enumerated() {
            writer.append(contentsOf: position == 0 ? [0x0A] : [UInt8(ascii: ","), 0x0A])
            line.reset()
            Self.write(model, to: &line)
            line.withUnsafeBytes { writer.append(contentsOf: $0) }
        }
        writer.append(contentsOf: [0x0A, UInt8(ascii: "]"), UInt8(ascii: "}"), 0x0A])
        return writer.withUnsafeBytes { Data($0) }
    }

    private static func write(_ model: ModelPrice, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.string(model.id)
        writer.key("provider")
        writer.string(model.provider)
        writer.key("mode")
        writer.string(model.mode)
        if !model.aliases.isEmpty {
            writer.key("aliases")
            writer.beginArray()
            for alias in model.aliases { writer.string(alias) }
            writer.endArray()
        }
        if let from = model.effectiveFrom {
            writer.key("effective_from")
            writer.date(from)
        }
        if let until = model.effectiveUntil {
            writer.key("effective_until")
            writer.date(until)
        }
        if model.fallsBackToStandard {
            writer.key("falls_back_to_standard")
            writer.bool(true)
        }
        writer.key("rates")
        write(model.rates, to: &writer)
        writeTiers(model.tiers, to: &writer)
        if !model.longContext.isEmpty {
            writer.key("long_context")
            writer.beginArray()
            for tier in model.longContext {
                writer.beginObject()
                writer.key("above")
                writer.int(tier.threshold)
                writer.key("rates")
                write(tier.rates, to: &writer)
                writeTiers(tier.tiers, to: &writer)
                writer.endObject()
            }
            writer.endArray()
        }
        if !model.fees.isEmpty {
            writer.key("fees")
            writer.beginObject()
            let fees = [
                ("image", model.fees.image), ("input_image", model.fees.inputImage),
                ("request", model.fees.request), ("web_search", model.fees.webSearch),
            ]
            for case (let name, let fee?) in fees {
                writer.key(name)
                writer.money(fee)
            }
            writer.endObject()
        }
        writer.endObject()
    }

    private static func writeTiers(_ tiers: [ServiceTier: RateSet], to writer: inout JSONWriter) {
        let present = ServiceTier.allCases.filter { $0 != .standard && !(tiers[$0]?.isEmpty ?? true) }
        guard !present.isEmpty else { return }
        writer.key("tiers")
        writer.beginObject()
        for tier in present {
            writer.key(tier.rawValue)
            write(tiers[tier] ?? RateSet(), to: &writer)
        }
        writer.endObject()
    }

    private static func write(_ rates: RateSet, to writer: inout JSONWriter) {
        writer.beginObject()
        for kind in RateKind.allCases {
            if let rate = rates[kind] {
                writer.key(kind.rawValue)
                writer.money(rate)
            }
        }
        writer.endObject()
    }
}
