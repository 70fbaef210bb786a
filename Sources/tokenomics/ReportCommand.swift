import ArgumentParser
import Foundation
import TokenomicsCore
import TokenomicsLedger

/// `tokenomics report`: where token spend goes, from the ledger's hourly rollups.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report spend from the ledger: totals, groups, hidden tokens, cache economics, outcomes.",
        discussion: """
            Reads the hourly rollups that `ingest` keeps, so a report over millions of events \
            answers at once; --since and --until are therefore rounded out to whole hours. Group \
            with --by (several: --by team --by model, or --by team,model) by provider, model, \
            priced_model, service_tier, org, project, team, user, application, workflow, step or \
            tag:KEY. Costs are exact; unpriced events are counted and named, never summed as $0. \
            --format html writes a self-contained page of charts (to --out, default \
            tokenomics-report.html).
            """)

    @OptionGroup var ledger: LedgerOptions
    @Option(
        name: .customLong("by"),
        help:
            "Group by: provider, model, team, user, application, workflow, step, tag:KEY, … (repeat or comma-separate)."
    )
    var dimensionNames: [String] = []
    @OptionGroup var range: TimeRangeOptions
    @Option(help: "Add a time series with buckets of 5min (summed from the events), hour, day, week or month.")
    var bucket: TimeBucket?
    @Option(help: "List at most N groups; the rest are summed as one.") var top: Int?
    @Option(help: "table, json, csv or html.") var format: ReportFormat = .table
    @Option(help: "Write to this file instead of standard output.") var out: String?

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        _ = try dimensions()
    }

    func run() async throws {
        let (since, until) = try range.range()
        let dimensions = try dimensions()
        let store = try await ledger.open(create: false)
        let text: String
        do {
            if format == .html {
                text = try await SpendDashboard.load(
                    from: store, dimensions: dimensions, since: since, until: until, bucket: bucket, top: top
                ).html()
            } else {
                let grain: RollupGrain =
                    switch bucket {
                    case nil: .total
                    case .fiveMinutes: .fiveMinutes
                    case .hour: .hour
                    case .day, .week, .month: .day
                    }
                let rows = try await store.rollups(by: dimensions, since: since, until: until, per: grain)
                let report = SpendReport(
                    rows: rows, dimensions: dimensions.map(\.name), since: since, until: until, bucket: bucket, top: top
                )
                switch format {
                case .table: text = report.table(ledger: store.location)
                case .json: text = report.json()
                case .csv: text = report.csv()
                case .html: text = ""
                }
            }
        } catch let error as LedgerError {
            throw LedgerOptions.cliError(error)
        }
        let path = out ?? (format == .html ? "tokenomics-report.html" : nil)
        guard let path else { return print(text, terminator: "") }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CLIError("\(path): cannot write the report: \(error.localizedDescription)", exitCode: 73)
        }
        printError("report: wrote \(path)")
    }

    private func dimensions() throws -> [LedgerGroupKey] {
        try dimensionNames.flatMap { $0.split(separator: ",") }.map { name in
            let name = name.trimmingCharacters(in: .whitespaces)
            guard let key = LedgerGroupKey(name)
            else {
                throw ValidationError(
                    "--by '\(name)' is not a dimension: use provider, model, priced_model, service_tier, org, project, "
                        + "team, user, application, workflow, step or tag:KEY")
            }
            return key
        }
    }
}

/// What `report` writes.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, html
}

extension TimeBucket: ExpressibleByArgument {}
