import Benchmark
import Foundation
import TokenomicsCore
import TokenomicsData
import TokenomicsLedger

/// The ledger's two speed targets: storing priced events (SQLite, and PostgreSQL when
/// `TOKENOMICS_BENCH_POSTGRES` names a database), and a grouped report over the rollups.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .throughput],
        timeUnits: .milliseconds, maxDuration: .seconds(20), maxIterations: 10)

    // 100,000 priced simulated OpenAI events, stored in batches of 10,000: the batches' stored
    // form (records, id hashes, rollups) is worked out inside the measurement.
    let entries = pricedEntries(count: 100_000)

    Benchmark("ingest: append 100,000 priced events to a new SQLite ledger (10,000 a transaction)") { benchmark in
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID()).sqlite").path
        defer { removeLedger(path) }
        guard let store = try? await SQLiteLedgerStore.open(path: path) else { return }
        benchmark.startMeasurement()
        for start in stride(from: 0, to: entries.count, by: 10_000) {
            blackHole(try? await store.append(Array(entries[start..<min(start + 10_000, entries.count)])))
        }
        benchmark.stopMeasurement()
    }

    // What `tokenomics ingest` does with a million events: batches of 50,000 prepared by the
    // reading side (measured above, and overlapped with the writing by ingest), then written.
    // Measured: the writing, which is what bounds an ingest.
    Benchmark(
        "ingest: write 1,000,000 prepared events to a new SQLite ledger (50,000 a transaction)",
        configuration: .init(maxDuration: .seconds(60), maxIterations: 3)
    ) { benchmark in
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID()).sqlite").path
        defer { removeLedger(path) }
        guard let store = try? await SQLiteLedgerStore.open(path: path) else { return }
        let batches = millionBatches
        benchmark.startMeasurement()
        for batch in batches { blackHole(try? await store.append(batch)) }
        benchmark.stopMeasurement()
    }

    if let url = ProcessInfo.processInfo.environment["TOKENOMICS_BENCH_POSTGRES"] {
        Benchmark(
            "ingest: write 1,000,000 prepared events to PostgreSQL (50,000 a transaction)",
            configuration: .init(maxDuration: .seconds(120), maxIterations: 3)
        ) { benchmark in
            guard let store = try? await PostgresLedgerStore.open(url: url) else { return }
            // Fresh ids each run, so that every event is stored rather than found a duplicate.
            let run = UUID().uuidString.prefix(8)
            let batches = millionEntries.map { entries in
                var batch = LedgerBatch(
                    entries.map { entry -> LedgerEntry in
                        var entry = entry
                        entry.event.id = "\(run)-\(entry.event.id)"
                        return entry
                    })
                batch.sortByHash()
                return batch
            }
            benchmark.startMeasurement()
            for batch in batches { blackHole(try? await store.append(batch)) }
            benchmark.stopMeasurement()
        }
    }

    // A 1,000,000-event ledger (30 simulated days), made once, for the grouped report.
    let reportLedger = FileManager.default.temporaryDirectory.appendingPathComponent("bench-report.sqlite").path
    // What `tokenomics report --by team --by model --bucket day` reads (the daily rollups), and
    // with `--bucket hour` (the hourly ones).
    for (grain, bucket, name) in [(RollupGrain.day, TimeBucket.day, "daily"), (.hour, .hour, "hourly")] {
        Benchmark(
            "report: spend by team and model, \(name) series, over 1,000,000 events",
            configuration: .init(
                setup: { try await fillLedger(reportLedger, count: 1_000_000) },
                teardown: { removeLedger(reportLedger) })
        ) { benchmark in
            guard let store = try? await SQLiteLedgerStore.open(path: reportLedger) else { return }
            benchmark.startMeasurement()
            let rows = try? await store.rollups(by: [.attribution(.team), .model], since: nil, until: nil, per: grain)
            blackHole(SpendReport(rows: rows ?? [], dimensions: ["team", "model"], bucket: bucket, top: 10))
        }
    }
}

/// A million simulated events (one run of the simulator: 30 days, in time order, as a usage
/// export is), priced, in chunks of 50,000.
nonisolated(unsafe) let millionEntries: [[LedgerEntry]] = {
    let entries = pricedEntries(count: 1_000_000, seed: 2_000)
    return stride(from: 0, to: entries.count, by: 50_000).map { Array(entries[$0..<$0 + 50_000]) }
}()

/// The same million events in prepared batches, in id hash order, as `ingest` hands them over.
nonisolated(unsafe) let millionBatches: [LedgerBatch] = millionEntries.map { entries in
    var batch = LedgerBatch(entries)
    batch.sortByHash()
    return batch
}

/// `count` simulated OpenAI chat responses, priced with the built-in catalog, as ledger entries.
func pricedEntries(count: Int, seed: UInt64 = 42) -> [LedgerEntry] {
    guard let catalog = try? BuiltinData.catalog() else { return [] }
    let engine = CostEngine(catalog: catalog)
    var simulator = UsageSimulator(seed: seed, format: .openai, count: count)
    var stream = CostStream(source: "bench", options: ImportOptions(), engine: engine)
    var writer = JSONWriter()
    var entries: [LedgerEntry] = []
    entries.reserveCapacity(count)
    for number in 1...count {
        writer.reset()
        simulator.writeNext(to: &writer)
        _ = stream.process(line: writer.bytes[...], number: number) { entries.append(LedgerEntry(copy $0)) }
    }
    return entries
}

/// Stores `count` simulated events in a new ledger at `path`, 100,000 at a time.
func fillLedger(_ path: String, count: Int) async throws {
    removeLedger(path)
    let store = try await SQLiteLedgerStore.open(path: path)
    for chunk in 0..<(count / 100_000) {
        let entries = pricedEntries(count: 100_000, seed: UInt64(1_000 + chunk))
        for start in stride(from: 0, to: entries.count, by: 10_000) {
            _ = try await store.append(Array(entries[start..<start + 10_000]))
        }
    }
}

func removeLedger(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}
