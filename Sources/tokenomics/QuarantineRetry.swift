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
                var pending = PendingRetry()
                for item in try await store.quarantined(limit: nil) {
                    tally.retried += 1
                    guard let id = item.id, let entries = Self.entries(of: item, options: options, engine: engine)
                    else {
                        tally.remaining += 1
                        continue
                    }
                    if entries.count == 1 {
                        pending.add(id: id, entry: entries[0])
                        if pending.entries.count >= IngestBatch.size {
                            try await pending.flush(to: store, tally: &tally)
                        }
                    } else {
                        // A line of several events is one transaction of its own, so that it counts
                        // as stored or duplicate as a whole.
                        let result = try await store.append(entries)
                        if result.stored > 0 { tally.stored += 1 } else { tally.duplicates += 1 }
                        _ = try await store.removeQuarantined(ids: [id])
                    }
                }
                try await pending.flush(to: store, tally: &tally)
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

/// Quarantined lines of one event each that can now be stored, written together: one
/// transaction of up to ``IngestBatch/size`` events, then their removal from the quarantine (a
/// kill between the two leaves them quarantined, and the next retry finds them duplicates).
struct PendingRetry {
    private(set) var ids: [Int64] = []
    private(set) var entries: [LedgerEntry] = []

    /// Adds a line's id and its one entry.
    mutating func add(id: Int64, entry: LedgerEntry) {
        ids.append(id)
        entries.append(entry)
    }

    /// Stores the entries, removes their lines from the quarantine and counts them: with one
    /// event per line, each stored event is a stored line and each duplicate a duplicate line.
    mutating func flush(to store: some LedgerStore, tally: inout RetryTally) async throws {
        guard !entries.isEmpty else { return }
        let result = try await store.append(entries)
        _ = try await store.removeQuarantined(ids: ids)
        tally.stored += result.stored
        tally.duplicates += result.duplicates
        ids.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
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
