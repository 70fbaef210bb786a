import ArgumentParser
import Foundation
import TokenomicsCore
import TokenomicsData

/// Options shared by every command that reads usage: catalog, model, provider and tags.
struct InputOptions: ParsableArguments {
    @Option(help: "Price catalog: Tokenomics JSON or a LiteLLM price map (default: the built-in catalog).")
    var catalog: String?
    @Option(help: "Model for records that name none (the Azure and Mooncake traces, some CSVs).")
    var model: String?
    @Option(help: "Provider for records that name none.") var provider: String?
    @Option(name: .customLong("tag"), help: "Add key=value to every event's attribution (repeatable).")
    var tags: [String] = []
    @Option(name: .customLong("column"), help: "CSV column mapping field=COLUMN (repeatable), e.g. input=PromptTok.")
    var columns: [String] = []
    @Option(help: "Mooncake trace: prefix-cache capacity in 512-token blocks (default unlimited).")
    var cacheBlocks: Int?

    func validate() throws {
        for pair in tags + columns where !pair.contains("=") {
            throw ValidationError("expected key=value, got '\(pair)'")
        }
        if let cacheBlocks, cacheBlocks <= 0 { throw ValidationError("--cache-blocks must be positive") }
    }

    /// The import options these flags describe.
    func importOptions() throws -> ImportOptions {
        ImportOptions(
            defaultModel: model, defaultProvider: provider, tags: Self.pairs(tags), csvColumns: Self.pairs(columns),
            prefixCacheBlocks: cacheBlocks)
    }

    /// Loads `--catalog`, or the built-in catalog (see ``loadPriceCatalog(path:)``).
    func loadCatalog() throws -> PriceCatalog { try loadPriceCatalog(path: catalog) }

    private static func pairs(_ list: [String]) -> [String: String] {
        var result: [String: String] = [:]
        for pair in list {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return result
    }
}

/// Loads a price catalog file (Tokenomics or LiteLLM format), or the built-in catalog when `path` is `nil`.
///
/// - Throws: ``CLIError`` naming the file and the problem, with a sysexits status.
func loadPriceCatalog(path: String?) throws -> PriceCatalog {
    guard let path else {
        do {
            return try BuiltinData.catalog()
        } catch {
            throw CLIError("the built-in price catalog is missing from this build: \(error)", exitCode: 70)
        }
    }
    let data: Data
    do {
        data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        throw CLIError("\(path): cannot read the price catalog", exitCode: 66)
    }
    do {
        return try PriceCatalog.load(data)
    } catch {
        throw CLIError("\(path): not a price catalog: \(error)", exitCode: 65)
    }
}
