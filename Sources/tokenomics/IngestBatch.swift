import Foundation
import TokenomicsCore
import TokenomicsLedger

/// The entries and quarantined lines of an ingest waiting to be written, and the counts of what
/// was written: flushed to the ledger one transaction per batch.
struct IngestBatch {
    /// Entries per transaction. A transaction writes each page of the id index it touched once,
    /// and a batch touches most of them: SQLite stored a million compact rows in 7.5 s in
    /// transactions of 10,000, in 3.8 s in transactions of 100,000.
    static let size = 50_000

    /// Entries per transaction for this ingest.
    let size: Int
    /// The entries, with their stored form worked out here, while the previous batch is written.
    private(set) var entries: LedgerBatch
    private(set) var rejected: [QuarantineItem] = []
    var lines = 0
    /// Events read (priced or not), for the progress bar.
    var events = 0
    var result = AppendResult()
    var quarantined = 0
    /// The appends of the previous batches, still running while the next batch is read: parsing
    /// and pricing on one core overlap with the ledger's writing on the other.
    private var inFlight: [Task<AppendResult, any Error>] = []

    /// A batch of `size` entries a transaction.
    init(size: Int = IngestBatch.size) {
        self.size = size
        entries = LedgerBatch(capacity: size)
    }

    /// Whether the batch is full.
    var isFull: Bool { entries.count >= size || rejected.count >= size }

    /// Adds a priced event, or quarantines it with its line when it is unpriced: an unpriced
    /// event is never stored as costing $0.
    mutating func add(_ priced: borrowing PricedEvent, source: String, line: Int, raw: ArraySlice<UInt8>) {
        events += 1
        guard priced.isPriced else {
            let reason = priced.issue.map(Self.reason) ?? "unpriced"
            rejected.append(QuarantineItem(source: source, line: line, reason: reason, raw: Self.text(raw)))
            return
        }
        entries.append(priced)
    }

    /// Quarantines a line that could not be read.
    mutating func reject(_ issue: IngestIssue, source: String, line: Int?, raw: ArraySlice<UInt8>) {
        rejected.append(
            QuarantineItem(
                source: issue.source ?? source, line: issue.line ?? line, reason: Self.reason(issue),
                raw: Self.text(raw)
            ))
    }

    /// Starts writing the waiting entries (one transaction) once no more than the store's
    /// ``TokenomicsLedger/LedgerStore/appendsInFlight`` earlier writes are still running, and
    /// writes the quarantined lines; with `last`, waits for every write to end.
    mutating func flush(to store: some LedgerStore, last: Bool = false) async throws {
        while inFlight.count >= store.appendsInFlight {
            result += try await inFlight.removeFirst().value
        }
        if !entries.isEmpty {
            entries.sortByHash()
            let batch = entries
            entries = LedgerBatch(capacity: size)
            inFlight.append(Task { try await store.append(batch) })
        }
        if !rejected.isEmpty {
            try await store.quarantine(rejected)
            quarantined += rejected.count
            rejected.removeAll(keepingCapacity: true)
        }
        if last {
            while !inFlight.isEmpty { result += try await inFlight.removeFirst().value }
        }
    }

    /// `kind: field 'f': message`, without the location (kept in its own columns).
    static func reason(_ issue: IngestIssue) -> String {
        var bare = issue
        bare.source = nil
        bare.line = nil
        return "\(issue.kind.rawValue): \(bare.description)"
    }

    private static func text(_ raw: ArraySlice<UInt8>) -> String { String(decoding: raw, as: UTF8.self) }
}
