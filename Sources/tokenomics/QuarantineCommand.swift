import ArgumentParser
import TokenomicsLedger

/// `tokenomics quarantine`: the lines an ingest could not use.
struct QuarantineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine",
        abstract: "Show, and retry, the lines that ingest could not read or price.",
        subcommands: [List.self, Retry.self])

    /// `tokenomics quarantine list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List quarantined lines, oldest first: id, file:line, reason and the line's text.",
            discussion: "One line per item, fields separated by tabs; the text is cut at 200 characters.")

        @OptionGroup var ledger: LedgerOptions
        @Option(help: "Show at most this many items.") var limit: Int?

        func run() async throws {
            let store = try await ledger.open(create: false)
            let items: [QuarantineItem]
            do {
                items = try await store.quarantined(limit: limit)
            } catch {
                throw LedgerOptions.cliError(error)
            }
            for item in items {
                let raw = item.raw.count > 200 ? String(item.raw.prefix(200)) + "…" : item.raw
                print("\(item.id.map(String.init) ?? "-")\t\(item.location)\t\(item.reason)\t\(raw)")
            }
        }
    }
}
