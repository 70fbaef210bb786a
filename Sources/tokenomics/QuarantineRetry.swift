import ArgumentParser
import Foundation
import TokenomicsCore
import TokenomicsLedger

extension QuarantineCommand {
    /// `tokenomics quarantine retry`: reads the quarantined lines again, with the catalog and
    /// options given now, and stores those that can be used.
    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read quarantined lines again and store those that can now be read and priced.",
            discussion: """
                Each quarantined line goes through the same reading and pricing as `ingest`, under \
                its own file name and line number, so its events get the ids the first ingest would \
                have given them. A line whose events are now all stored (or were already stored: \
                duplicates) leaves the quarantine; the others stay as they were, with their first \
                reason. A line quarantined from a CSV file cannot be read alone (it has no header) \
                and stays. Prints one summary line; exits 0 when the quarantine is empty afterwards, \
                1 when lines remain.
                """)

        @OptionGroup var input: InputOptions
        @OptionGroup var ledger: LedgerOptions

        func run() async throws {
            let engine = CostEngine(catalog: try input.loadCatalog())
            let options = try input.importOptions()
            let store = try await ledger.open(create: false)
            var tally = RetryTally()
            do {
                let items = try await store.quarantined(limit: nil)
                var resolved: [Int64] = []
                for item in items {
                    tally.retried += 1
                    guard let id = item.id, let entries = Self.entries(of: item, options: options, engine: engine)
                    else {
                        tally.remaining += 1
                        continue
                    }
                    let result = try await store.append(entries)
                    if result.stored > 0 { tally.stored += 1 } else { tally.duplicates += 1 }
                    resolved.append(id)
                }
                if !resolved.isEmpty { _ = try await store.removeQuarantined(ids: resolved) }
            } catch {
                throw LedgerOptions.cliError(error)
            }
            print(tally.summary)
            if tally.remaining > 0 { throw ExitCode(1) }
        }

        /// The priced entries of a quarantined line, or `nil` when it still cannot be used: it
        /// has no text, an issue, an unpriced event, or no event at all.
        static func entries(of item: QuarantineItem, options: ImportOptions, engine: CostEngine) -> [LedgerEntry]? {
            guard !item.raw.isEmpty else { return nil }
            var stream = CostStream(source: item.source, options: options, engine: engine)
            var entries: [LedgerEntry] = []
            var usable = true
            let collect = { (priced: borrowing PricedEvent) in
                if priced.isPriced { entries.append(LedgerEntry(copy priced)) } else { usable = false }
            }
            let bytes = Array(item.raw.utf8)
            let issues = stream.process(line: bytes[...], number: item.line ?? 1, collect)
            let endIssues = stream.finish(collect)
            guard usable, issues.isEmpty, endIssues.isEmpty, !entries.isEmpty else { return nil }
            return entries
        }
    }
}

/// What `quarantine retry` did, one count per quarantined line.
struct RetryTally: Equatable {
    /// Lines read again.
    var retried = 0
    /// Lines whose events were stored now.
    var stored = 0
    /// Lines whose events were all in the ledger already.
    var duplicates = 0
    /// Lines that still cannot be used and stay quarantined.
    var remaining = 0

    /// `quarantine retry: N retried: S stored, D duplicates, Q still quarantined`.
    var summary: String {
        "quarantine retry: \(retried) retried: \(stored) stored, \(duplicates) duplicates, \(remaining) still quarantined"
    }
}
