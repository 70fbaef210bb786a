import ArgumentParser
import Foundation
import TokenomicsCore
import TokenomicsData

/// `tokenomics catalog`: build and inspect price catalogs.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Build and inspect price catalogs.",
        subcommands: [Import.self, Show.self])

    /// `tokenomics catalog import --from litellm FILE --out FILE`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a LiteLLM price map into a Tokenomics catalog.")

        @Option(name: .customLong("from"), help: "The input format (only 'litellm').")
        var format: String = "litellm"

        @Argument(help: "The LiteLLM price map (model_prices_and_context_window.json).")
        var input: String

        @Option(help: "Where to write the catalog.")
        var out: String

        @Option(help: "The LiteLLM release the map comes from, e.g. 1.110.2.")
        var litellmVersion: String?

        @Option(help: "First day the prices apply (RFC 3339 date); default: since always.")
        var effectiveFrom: String?

        func run() throws {
            guard format == "litellm" else { throw ValidationError("unknown format '\(format)': use 'litellm'") }
            var effective: Date?
            if let effectiveFrom {
                guard let date = Timestamp.parse(effectiveFrom) else {
                    throw ValidationError("--effective-from '\(effectiveFrom)' is not a date")
                }
                effective = date
            }
            let data = try Data(contentsOf: URL(fileURLWithPath: input))
            let hash = UsageEvent.contentHashID(data).dropFirst(2)
            let options = LiteLLMImport.Options(
                version: "litellm-\(litellmVersion ?? "unknown")@\(hash)",
                source: LiteLLMImport.attribution(litellmVersion: litellmVersion), effectiveFrom: effective)
            let catalog = try LiteLLMImport.catalog(from: data, options: options)
            let encoded = catalog.encodedJSON()
            try encoded.write(to: URL(fileURLWithPath: out))
            print(
                "wrote \(catalog.models.count) models (\(encoded.count) bytes), version \(catalog.version), to \(out)")
        }
    }

    /// `tokenomics catalog show MODEL`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the prices of a model: rates per 1M tokens by tier and context tier.")

        @Argument(help: "The model name, as a provider reports it.")
        var model: String

        @Option(help: "A catalog file (Tokenomics or LiteLLM format); default: the built-in catalog.")
        var catalog: String?

        @Option(help: "The provider, to prefer its prices.")
        var provider: String?

        @Option(help: "The date the prices must be in force (RFC 3339); default: now.")
        var at: String?

        func run() throws {
            let prices = try loadPriceCatalog(path: catalog)
            var date = Date()
            if let at {
                guard let parsed = Timestamp.parse(at) else { throw ValidationError("--at '\(at)' is not a date") }
                date = parsed
            }
            guard let price = prices.price(for: model, provider: provider, at: date) else {
                throw CLIError("no price for '\(model)' at \(Timestamp.rfc3339(date)) in catalog \(prices.version)")
            }
            print(CatalogListing(price: price, catalog: prices).text)
        }
    }
}
