import Foundation

/// Reads the Tokenomics catalog format (see ``PriceCatalog/encodedJSON()``) from a parsed document.
enum CatalogReader {
    /// Reads the catalog at `root`.
    ///
    /// - Throws: ``PricingError`` naming the model and field of the first invalid value.
    static func read(_ root: JSONValue) throws -> PriceCatalog {
        guard let version = root["version"]?.string else { throw PricingError("missing 'version'", field: "version") }
        let source = root["source"]?.string ?? ""
        guard let list = root["models"], list.kind == .array else {
            throw PricingError("missing 'models' array", field: "models")
        }
        var models: [ModelPrice] = []
        for value in list.elements { models.append(try model(value)) }
        return PriceCatalog(version: version, source: source, models: models)
    }

    private static func model(_ value: JSONValue) throws -> ModelPrice {
        guard let id = value["id"]?.string, !id.isEmpty else { throw PricingError("a model has no 'id'", field: "id") }
        guard let provider = value["provider"]?.string else {
            throw PricingError("missing 'provider'", model: id, field: "provider")
        }
        var price = ModelPrice(id: id, provider: provider, mode: value["mode"]?.string ?? "chat", rates: RateSet())
        price.aliases = value["aliases"]?.elements.compactMap(\.string) ?? []
        price.effectiveFrom = try date(value["effective_from"], model: id, field: "effective_from")
        price.effectiveUntil = try date(value["effective_until"], model: id, field: "effective_until")
        if let from = price.effectiveFrom, let until = price.effectiveUntil, until <= from {
            throw PricingError("the effective range is empty", model: id, field: "effective_until")
        }
        price.fallsBackToStandard = value["falls_back_to_standard"]?.bool ?? false
        price.rates = try rates(value["rates"], model: id, field: "rates")
        price.tiers = try tiers(value["tiers"], model: id, field: "tiers")
        var long: [LongContextTier] = []
        for (position, tier) in (value["long_context"]?.elements ?? []).enumerated() {
            let field = "long_context[\(position)]"
            guard let threshold = tier["above"]?.int64, threshold >= 0 else {
                throw PricingError("missing or invalid 'above'", model: id, field: field + ".above")
            }
            long.append(
                LongContextTier(
                    threshold: threshold, rates: try rates(tier["rates"], model: id, field: field + ".rates"),
                    tiers: try tiers(tier["tiers"], model: id, field: field + ".tiers")))
        }
        price.longContext = long.sorted { $0.threshold < $1.threshold }
        if let fees = value["fees"] {
            price.fees = UnitFees(
                image: try money(fees["image"], model: id, field: "fees.image", perMillion: false),
                inputImage: try money(fees["input_image"], model: id, field: "fees.input_image", perMillion: false),
                request: try money(fees["request"], model: id, field: "fees.request", perMillion: false),
                webSearch: try money(fees["web_search"], model: id, field: "fees.web_search", perMillion: false))
        }
        return price
    }

    private static func tiers(_ value: JSONValue?, model: String, field: String) throws -> [ServiceTier: RateSet] {
        var result: [ServiceTier: RateSet] = [:]
        for (name, rates) in value?.members ?? [] {
            guard let tier = ServiceTier(rawValue: name), tier != .standard else {
                throw PricingError("unknown service tier '\(name)'", model: model, field: field)
            }
            result[tier] = try self.rates(rates, model: model, field: field + "." + name)
        }
        return result
    }

    private static func rates(_ value: JSONValue?, model: String, field: String) throws -> RateSet {
        var set = RateSet()
        for (name, rate) in value?.members ?? [] {
            guard let kind = RateKind(rawValue: name) else {
                throw PricingError("unknown rate '\(name)'", model: model, field: field)
            }
            set[kind] = try money(rate, model: model, field: field + "." + name, perMillion: true)
        }
        return set
    }

    /// A decimal amount; rates per 1M tokens may have at most 12 decimal places, so that the
    /// rate per token is a whole number of attodollars and every cost is exact.
    private static func money(_ value: JSONValue?, model: String, field: String, perMillion: Bool) throws -> Money? {
        guard let value, !value.isNull else { return nil }
        guard let text = value.decimalText else {
            throw PricingError("not a decimal amount", model: model, field: field)
        }
        let places = perMillion ? Money.fractionDigits - 6 : Money.fractionDigits
        guard let scaled = DecimalText.parse(Array(text.utf8), scale: places) else {
            throw PricingError("'\(text)' is not a decimal with at most \(places) places", model: model, field: field)
        }
        return Money(attodollars: perMillion ? scaled * 1_000_000 : scaled)
    }

    private static func date(_ value: JSONValue?, model: String, field: String) throws -> Date? {
        guard let value, !value.isNull else { return nil }
        guard let text = value.string, let date = Timestamp.parse(text) else {
            throw PricingError("not an RFC 3339 date", model: model, field: field)
        }
        return date
    }
}
