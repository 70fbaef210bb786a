import ArgumentParser
import Foundation
import TokenomicsCore
import TokenomicsLedger

/// `tokenomics export`: the ledger in formats other tools read.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the ledger for other tools.",
        subcommands: [ExportFocusCommand.self])
}

/// `tokenomics export focus`: FinOps FOCUS 1.2 rows, so LLM spend loads beside cloud spend.
struct ExportFocusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "focus",
        abstract: "Write the ledger as FinOps FOCUS 1.2 cost and usage rows (CSV).",
        discussion: """
            One row per hour × model × token class (and audio, image, request-fee and web-search \
            charges) and attribution, with every FOCUS 1.2 mandatory column, ConsumedQuantity in \
            Tokens, unit prices per 1,000,000 tokens, Tags holding the attribution as JSON, and \
            x_-prefixed extras (x_TokenClass, x_CatalogVersion, …). ListCost = ListUnitPrice × \
            PricingQuantity exactly, and BilledCost adds up to the ledger's total for the range. \
            Unpriced events get no row (never $0): they are counted on standard error.
            """)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var range: TimeRangeOptions
    @Option(help: "The CSV file to write ('-' for standard output).") var out: String
    @Option(help: "The BillingAccountId to write.") var billingAccountId = "tokenomics"
    @Option(help: "The BillingAccountName to write (default: the id).") var billingAccountName: String?

    func run() async throws {
        let (since, until) = try range.range()
        let store = try await ledger.open(create: false)
        let keys = try FocusExport.dimensions.map { name -> LedgerGroupKey in
            guard let key = LedgerGroupKey(name) else {
                throw CLIError("internal: no ledger key '\(name)'", exitCode: 70)
            }
            return key
        }
        let rows: [SpendRow]
        do {
            rows = try await store.rollups(by: keys, since: since, until: until, hourly: true)
        } catch {
            throw LedgerOptions.cliError(error)
        }
        let export = FocusExport(
            options: FocusOptions(billingAccountId: billingAccountId, billingAccountName: billingAccountName))
        let (text, summary) = export.csv(from: rows)
        if out == "-" {
            print(text, terminator: "")
        } else {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out))
            } catch {
                throw CLIError("\(out): cannot write: \(error.localizedDescription)", exitCode: 73)
            }
        }
        var line =
            "export focus: \(summary.rows) rows, BilledCost $\(summary.billedCost.decimalString(minimumFractionDigits: 2))"
        if summary.unpricedRequests > 0 { line += "; \(summary.unpricedRequests) unpriced events left out (no cost)" }
        if summary.undatedRequests > 0 { line += "; \(summary.undatedRequests) events without a timestamp left out" }
        printError(line + (out == "-" ? "" : " → \(out)"))
    }
}
