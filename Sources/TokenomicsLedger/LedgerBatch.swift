import Foundation
import TokenomicsCore

/// Entries ready to store in one transaction: each entry's id hash, timestamp, key and record
/// worked out in advance, and the rollups of the whole batch summed. Building it is most of the
/// work of storing a batch and needs no ledger, so an ingest builds the next batch on one core
/// while the ledger writes the previous one on the other.
public struct LedgerBatch: Sendable {
    /// Each entry's id, in the order added, or in id hash order after ``sortByHash()``. (The
    /// entries themselves are kept only in their stored form: see ``entry(_:)``.)
    public private(set) var ids: [String] = []
    /// Each entry's ``idHash(_:)``.
    private(set) var hashes: [Int64] = []
    /// Each entry's timestamp in microseconds.
    private(set) var timestamps: [Int64?] = []
    /// Each entry's index in ``keys``.
    private(set) var keyIndices: [Int] = []
    /// The distinct keys of the entries, in order of first use.
    private(set) var keys: [EventKey] = []
    private var keyIndex: [EventKey: Int] = [:]
    /// The records, one after another; entry `i`'s ends at `recordEnds[i]`.
    private(set) var records: [UInt8] = []
    private(set) var recordEnds: [Int] = []
    /// The sums of every entry per hour and key index.
    private var sums: [Rollups.Slot: SpendSums] = [:]

    /// An empty batch with room for `capacity` entries.
    public init(capacity: Int = 0) {
        ids.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
        timestamps.reserveCapacity(capacity)
        keyIndices.reserveCapacity(capacity)
        recordEnds.reserveCapacity(capacity)
        records.reserveCapacity(capacity * 112)
    }

    /// A batch of some entries.
    public init(_ entries: some Sequence<LedgerEntry>) {
        self.init()
        for entry in entries { append(entry) }
    }

    /// The number of entries.
    public var count: Int { ids.count }

    /// Whether there are no entries.
    public var isEmpty: Bool { ids.isEmpty }

    /// Adds an entry.
    public mutating func append(_ entry: LedgerEntry) {
        append(entry, hash: Self.idHash(entry.id))
    }

    /// Adds an entry with a given id hash (tests give colliding ones).
    mutating func append(_ entry: LedgerEntry, hash: Int64) {
        append(
            entry.event, catalogVersion: entry.catalogVersion, pricedTier: entry.pricedTier,
            longContextThreshold: entry.longContextThreshold, cost: entry.cost, breakdown: entry.breakdown,
            unpricedReason: entry.unpricedReason, cache: entry.cache, hash: hash)
    }

    /// Adds a priced event as the entry ``LedgerEntry/init(_:)`` makes of it, without making
    /// that entry (an ingest's path: one copy of the event fewer per event).
    public mutating func append(_ priced: borrowing PricedEvent) {
        append(
            priced.event, catalogVersion: priced.catalogVersion, pricedTier: priced.serviceTier,
            longContextThreshold: priced.longContextThreshold, cost: priced.cost, breakdown: priced.breakdown,
            unpricedReason: priced.issue?.message, cache: priced.cache, hash: Self.idHash(priced.event.id))
    }

    private mutating func append(
        _ event: UsageEvent, catalogVersion: String, pricedTier: ServiceTier, longContextThreshold: Int64?,
        cost: Money?, breakdown: CostBreakdown, unpricedReason: String?, cache: CacheAccounting, hash: Int64
    ) {
        let key = EventKey(
            event, catalogVersion: catalogVersion, pricedTier: pricedTier, longContextThreshold: longContextThreshold)
        let index: Int
        if let known = keyIndex[key] {
            index = known
        } else {
            index = keys.count
            keys.append(key)
            keyIndex[key] = index
        }
        if let last = hashes.last, last > hash { isSortedByHash = false }
        ids.append(event.id)
        hashes.append(hash)
        let microseconds = event.timestamp.map { LedgerSchema.microseconds($0) }
        timestamps.append(microseconds)
        keyIndices.append(index)
        EventRecord.encode(
            event, unpricedReason: unpricedReason, cost: cost, breakdown: breakdown, cache: cache, into: &records)
        recordEnds.append(records.count)
        let hour = microseconds.map { LedgerSchema.hour(microseconds: $0) } ?? LedgerSchema.noHour
        sums[Rollups.Slot(hour: hour, key: index), default: SpendSums()].add(
            event, cost: cost, breakdown: breakdown, cache: cache)
    }

    /// Entry `index`, read back from its record.
    func entry(_ index: Int) throws -> LedgerEntry {
        try withRecord(index) { record in
            try EventRecord.decode(
                record, id: ids[index], microseconds: timestamps[index], key: keys[keyIndices[index]])
        }
    }

    /// The hours of the entries that have a timestamp.
    var hours: Set<Int64> {
        Set(sums.keys.lazy.map(\.hour).filter { $0 != LedgerSchema.noHour })
    }

    /// Whether the entries are in id hash order (see ``sortByHash()``).
    private(set) var isSortedByHash = true

    /// Puts the entries in id hash order (an id's first occurrence still before its repeats):
    /// the order the backends store them in, so that each insert into the index of hashes lands
    /// next to the previous one. Done by the ingest on its reading side, so that the writer
    /// then reads the batch front to back.
    public mutating func sortByHash() {
        guard !isSortedByHash else { return }
        let order = ids.indices.sorted { (hashes[$0], $0) < (hashes[$1], $1) }
        ids = order.map { ids[$0] }
        hashes = order.map { hashes[$0] }
        timestamps = order.map { timestamps[$0] }
        keyIndices = order.map { keyIndices[$0] }
        var sorted: [UInt8] = []
        sorted.reserveCapacity(records.count)
        var ends: [Int] = []
        ends.reserveCapacity(recordEnds.count)
        records.withUnsafeBytes { bytes in
            for index in order {
                sorted.append(contentsOf: bytes[(index == 0 ? 0 : recordEnds[index - 1])..<recordEnds[index]])
                ends.append(sorted.count)
            }
        }
        records = sorted
        recordEnds = ends
        isSortedByHash = true
    }

    /// The batch in id hash order.
    func sortedByHash() -> LedgerBatch {
        var batch = self
        batch.sortByHash()
        return batch
    }

    /// Runs `body` with entry `index`'s record.
    func withRecord<T>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let start = index == 0 ? 0 : recordEnds[index - 1]
        return try records.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<recordEnds[index]])) }
    }

    /// The rollups of the stored entries: all of them but those at `duplicates`.
    func rollups(excluding duplicates: [Int] = []) throws -> Rollups {
        var hourly = sums
        for index in duplicates {
            hourly[Rollups.Slot(hour: hour(index), key: keyIndices[index]), default: SpendSums()] +=
                -LedgerRollups.sums(of: try entry(index))
        }
        return Rollups(hourly: hourly)
    }

    /// Entry `index`'s hour.
    private func hour(_ index: Int) -> Int64 {
        timestamps[index].map { LedgerSchema.hour(microseconds: $0) } ?? LedgerSchema.noHour
    }

    /// The 64-bit hash the ledger indexes an event id by: FNV-1a over its UTF-8 bytes, then
    /// SplitMix64's finalizer to spread it. Fixed for good (stored): ids with equal hashes are
    /// told apart by the stored id (see the backends' append).
    public static func idHash(_ id: String) -> Int64 {
        var id = id
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        id.withUTF8 { bytes in
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        hash ^= hash >> 31
        return Int64(bitPattern: hash)
    }

    /// The sums of a batch's entries per hour and per UTC day (the day's first hour), each by
    /// the index of its key in ``keys``.
    struct Rollups: Sendable {
        /// The hourly sums.
        let hourly: [Slot: SpendSums]
        /// The daily sums, added up from the hourly ones.
        let daily: [Slot: SpendSums]

        /// An hour (or day) and a key index.
        struct Slot: Hashable, Sendable {
            var hour: Int64
            var key: Int
        }

        /// The rollups of some hourly sums; a slot left with no request (its entries were all
        /// duplicates) is dropped.
        init(hourly: [Slot: SpendSums]) {
            let hourly = hourly.filter { $0.value.requests != 0 }
            self.hourly = hourly
            var daily: [Slot: SpendSums] = [:]
            for (slot, sums) in hourly {
                daily[Slot(hour: LedgerSchema.day(slot.hour), key: slot.key), default: SpendSums()] += sums
            }
            self.daily = daily
        }
    }
}

extension LedgerSchema {
    /// The hours since 1970 of a stored timestamp (rounded down).
    static func hour(microseconds: Int64) -> Int64 {
        EventScan.floor(microseconds, 3_600_000_000)
    }
}
