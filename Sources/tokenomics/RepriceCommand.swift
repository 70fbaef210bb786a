import ArgumentParser
import Foundation
import Synchronization
import TokenomicsCore
import TokenomicsLedger

/// `tokenomics reprice`: prices stored events again under a (new) catalog, keeping the old amounts.
struct RepriceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprice",
        abstract: "Re-price stored events under a new catalog, keeping the old amounts for comparison.",
        discussion: """
            Prices each event in the range again at its own timestamp with --catalog (default: the \
            built-in catalog), in transactions of 10,000 events. An event whose price changes is \
            updated, its previous catalog version, model and cost are kept in the ledger's \
            repricings table, and the hourly rollups follow, so `report` shows the new figures. \
            An event the new catalog cannot price becomes unpriced (never $0). Prints the old and \
            new totals of the range.
            """)

    @OptionGroup var ledger: LedgerOptions
    @Option(help: "Price catalog: Tokenomics JSON or a LiteLLM price map (default: the built-in catalog).")
    var catalog: String?
    @OptionGroup var range: TimeRangeOptions

    func run() async throws {
        let (since, until) = try range.range()
        let engine = CostEngine(catalog: try loadPriceCatalog(path: catalog))
        let store = try await ledger.open(create: false)
        let now = Date()
        let result: RepriceResult
        do {
            let total = try await store.count()
            let bar = Mutex(ProgressBar(events: total))
            defer { bar.withLock { $0?.clear() } }
            result = try await store.reprice(
                since: since, until: until, batchSize: 10_000,
                price: { entry in LedgerEntry(engine.price(entry.event, now: now)) },
                progress: { done in bar.withLock { $0?.update(done: Int64(done), events: done) } })
        } catch let error as LedgerError {
            throw LedgerOptions.cliError(error)
        }
        let change = result.newTotal - result.oldTotal
        var line =
            "reprice: \(result.examined) events under catalog \(engine.catalog.version): \(result.changed) changed; "
            + "total $\(result.oldTotal.decimalString(minimumFractionDigits: 2)) → "
            + "$\(result.newTotal.decimalString(minimumFractionDigits: 2)) "
            + "(\(change < .zero ? "-" : "+")$\((change < .zero ? .zero - change : change).decimalString(minimumFractionDigits: 2)))"
        if result.nowUnpriced > 0 { line += "; \(result.nowUnpriced) now unpriced (not in the new total)" }
        if result.nowPriced > 0 { line += "; \(result.nowPriced) priced now" }
        print(line + " → \(store.location)")
    }
}
