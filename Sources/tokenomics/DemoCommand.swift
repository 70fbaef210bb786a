import ArgumentParser
import Foundation
import TokenomicsCore
import TokenomicsData
import TokenomicsLedger

/// `tokenomics demo`: the main job on the embedded default, from a real production workload.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demo ledger from a real workload trace and write its HTML spend report.",
        discussion: """
            Takes the 19,366 requests of the Azure LLM inference trace of 2023-11-16 (conversation \
            service; Patel et al., Splitwise, ISCA 2024; CC-BY 4.0, shipped with tokenomics), \
            assigns each one deterministically to a team, application, user and model (with \
            prompt caching, hidden reasoning, batch traffic and outcomes), prices them with the \
            built-in catalog, stores them in a SQLite ledger and writes the HTML report. Running it \
            again adds nothing (every event is already in the ledger). Then try `tokenomics report \
            --ledger tokenomics-demo.sqlite --by application`.
            """)

    @Option(help: "The demo ledger (SQLite file).") var ledger = "tokenomics-demo.sqlite"
    @Option(help: "Where to write the HTML report.") var out = "tokenomics-demo.html"
    @Option(help: "The seed of the assignment of requests to teams, users and models.")
    var seed: UInt64 = DemoWorkload.defaultSeed

    func run() async throws {
        let trace: Data
        let catalog: PriceCatalog
        do {
            trace = try BuiltinData.azureConversationTrace()
            catalog = try BuiltinData.catalog()
        } catch {
            throw CLIError("the demo data is missing from this build: \(error)", exitCode: 70)
        }
        let events: [UsageEvent]
        do {
            events = try DemoWorkload.events(fromTrace: trace, seed: seed)
        } catch {
            throw CLIError("the shipped trace cannot be read: \(error)", exitCode: 70)
        }
        let engine = CostEngine(catalog: catalog)
        let store = try await LedgerOptions.open(ledger)
        var batch = IngestBatch()
        let now = Date()
        var progress = ProgressBar(events: events.count)
        do {
            for (index, event) in events.enumerated() {
                batch.lines += 1
                let priced = engine.price(event, now: now)
                let raw = priced.isPriced ? [] : Array((try? JSONEncoder().encode(event)) ?? Data())
                batch.add(priced, source: DemoWorkload.traceFileName, line: index + 2, raw: raw[...])
                if batch.isFull {
                    try await batch.flush(to: store)
                    progress?.update(done: Int64(index + 1), events: index + 1)
                }
            }
            try await batch.flush(to: store, last: true)
            progress?.clear()
            let dashboard = try await SpendDashboard.load(
                from: store, dimensions: [.attribution(.application)], since: nil, until: nil, bucket: nil, top: nil,
                title: "Token spend — demo (Azure conversation trace, 2023-11-16)")
            try Data(dashboard.html().utf8).write(to: URL(fileURLWithPath: out))
            let rows = try await store.rollups(
                by: [.attribution(.application)], since: nil, until: nil, hourly: false)
            print(summary(SpendReport(rows: rows, dimensions: ["application"]), stored: batch.result))
        } catch let error as LedgerError {
            throw LedgerOptions.cliError(error)
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("\(out): cannot write the report: \(error.localizedDescription)", exitCode: 73)
        }
        print("ledger: \(store.location)\nreport: \(out)")
        if batch.quarantined > 0 { throw ExitCode(1) }
    }

    /// The demo's text summary: the total, then each application's spend next to the value its
    /// outcomes were worth: token spend is not value.
    private func summary(_ report: SpendReport, stored: AppendResult) -> String {
        var lines = [
            "demo: \(stored.stored) events stored, \(stored.duplicates) already there; "
                + "\(report.total.requests) requests cost $\(report.total.cost.rounded(toPlaces: 2).decimalString(minimumFractionDigits: 2))"
                + " (hidden reasoning \(percent(report.total.hiddenCostShare)) of cost, "
                + "caching saved $\(report.total.cacheNetSavings.rounded(toPlaces: 2).decimalString(minimumFractionDigits: 2)))",
            "spend is not value — per application:",
        ]
        for group in report.groups {
            let name = (group.key.first ?? nil) ?? "(none)"
            let sums = group.sums
            let value =
                sums.valuePerDollar.map { String(format: "%6.2f of value per $1", $0) } ?? "   no outcome measured"
            lines.append(
                "  \(name.padding(toLength: 22, withPad: " ", startingAt: 0)) "
                    + "$\(sums.cost.rounded(toPlaces: 2).decimalString(minimumFractionDigits: 2))".leftPadded(10)
                    + "  \(value)")
        }
        return lines.joined(separator: "\n")
    }

    private func percent(_ share: Double?) -> String { share.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
}

extension String {
    /// The string right-aligned in `width` columns.
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
