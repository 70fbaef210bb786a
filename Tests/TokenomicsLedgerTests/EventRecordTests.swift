import Foundation
import Testing
import TokenomicsCore

@testable import TokenomicsLedger

@Suite("event record")
struct EventRecordTests {
    @Test("every kind of entry reads back equal from its record and key")
    func roundTrip() throws {
        var extreme = LedgerFixtures.entry("x", cost: Money(attodollars: Int128.max))
        extreme.breakdown = CostBreakdown(input: Money(attodollars: Int128.min), output: Money(attodollars: -1))
        extreme.event.tokens = TokenCounts(input: Int64.max, cacheRead: Int64.min, output: -1)
        extreme.event.attribution.tags = ["ключ": "значение", "": ""]
        extreme.event.attribution.user = ""
        extreme.event.outcome = Outcome(success: false)
        extreme.longContextThreshold = 200_000
        for entry in LegacyLedger.entries(count: 20) + [extreme] {
            let record = EventRecord.encode(entry)
            let decoded = try record.withUnsafeBytes { bytes in
                try EventRecord.decode(
                    bytes, id: entry.id, microseconds: entry.event.timestamp.map { LedgerSchema.microseconds($0) },
                    key: EventKey(entry))
            }
            #expect(decoded == entry)
        }
    }

    @Test("a record cut short, or of an unknown version, is refused rather than read as zeros")
    func corruptRecord() throws {
        let entry = LedgerFixtures.entry("cut")
        let record = EventRecord.encode(entry)
        for bytes in [Array(record.dropLast()), [], [9] + record.dropFirst()] {
            #expect(throws: EventRecord.RecordError.self) {
                try bytes.withUnsafeBytes {
                    try EventRecord.decode($0, id: "cut", microseconds: nil, key: EventKey(entry))
                }
            }
        }
    }

    @Test("the id hash is fixed: known values, and different for ids that differ in one byte")
    func idHash() {
        #expect(LedgerBatch.idHash("") == LedgerBatch.idHash(""))
        #expect(LedgerBatch.idHash("chatcmpl-1") != LedgerBatch.idHash("chatcmpl-2"))
        // Stored in every ledger: a change here would make stored ids look new.
        #expect(LedgerBatch.idHash("chatcmpl-000DZmzFfXZb9yjvefMqPhR1qlsEl") == Self.knownHash)
    }

    @Test("a batch sorted by id hash keeps each entry with its own record, and first occurrences first")
    func sortByHash() throws {
        let entries = LegacyLedger.entries(count: 40) + [LedgerFixtures.entry("b3", cost: Money(dollars: 9))]
        var batch = LedgerBatch(entries)
        batch.sortByHash()
        #expect(batch.hashes == batch.hashes.sorted())
        #expect(Set(batch.ids) == Set(entries.map(\.id)))
        for index in batch.ids.indices {
            let entry = try batch.entry(index)
            #expect(entry.id == batch.ids[index])
            if entry.id != "b3" { #expect(entry == entries.first { $0.id == entry.id }) }
        }
        // The repeated id's first occurrence (with its own cost) comes first.
        let repeated = batch.ids.indices.filter { batch.ids[$0] == "b3" }
        #expect(repeated.count == 2)
        #expect(try batch.entry(repeated[0]).cost != Money(dollars: 9))
        #expect(try batch.entry(repeated[1]).cost == Money(dollars: 9))
    }

    /// FNV-1a 64 of the id's bytes, then SplitMix64's finalizer, worked out apart (in Python).
    static let knownHash: Int64 = -4_317_931_188_308_223_418
}
