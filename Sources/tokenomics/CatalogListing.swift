import TokenomicsCore

/// The text `tokenomics catalog show` prints for one price record.
struct CatalogListing {
    let price: ModelPrice
    let catalog: PriceCatalog

    var text: String {
        var lines = ["\(price.id)  (provider \(price.provider), mode \(price.mode))"]
        let aliases = price.aliases + (price.implicitAlias.map { [$0] } ?? [])
        if !aliases.isEmpty { lines.append("aliases: " + aliases.joined(separator: ", ")) }
        let from = price.effectiveFrom.map(Timestamp.rfc3339) ?? "always"
        let until = price.effectiveUntil.map(Timestamp.rfc3339) ?? "open"
        lines.append("effective: \(from) until \(until)")
        lines.append("USD per 1M tokens" + (price.fallsBackToStandard ? " (missing tier rates use standard)" : ""))
        lines.append(contentsOf: table("standard", price.rates))
        for tier in ServiceTier.allCases {
            if let rates = price.tiers[tier] { lines.append(contentsOf: table(tier.rawValue, rates)) }
        }
        for long in price.longContext {
            lines.append(contentsOf: table("standard, prompt > \(long.threshold)", long.rates))
            for tier in ServiceTier.allCases {
                if let rates = long.tiers[tier] {
                    lines.append(contentsOf: table("\(tier.rawValue), prompt > \(long.threshold)", rates))
                }
            }
        }
        let fees = [
            ("per image", price.fees.image), ("per input image", price.fees.inputImage),
            ("per request", price.fees.request), ("per web search", price.fees.webSearch),
        ]
        for case (let name, let fee?) in fees { lines.append("  \(name): $\(fee)") }
        lines.append("catalog: \(catalog.version)")
        lines.append("source: \(catalog.source)")
        return lines.joined(separator: "\n")
    }

    private func table(_ title: String, _ rates: RateSet) -> [String] {
        var lines = ["  \(title):"]
        for kind in RateKind.allCases {
            guard let rate = rates[kind] else { continue }
            let padded = kind.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0)
            lines.append("    \(padded) \(rate)")
        }
        return lines
    }
}
