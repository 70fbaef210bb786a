import Foundation
import Testing
import TokenomicsLedger

#if canImport(Glibc)
    import Glibc
#endif

@Suite("ingest killed midway")
struct IngestKillTests {
    static let events = 60_000
    /// `--batch-size`: the entries of one transaction, the unit an ingest commits.
    static let batch = 10_000

    @Test(
        "SIGKILL leaves whole transactions of 10,000 events; a re-run stores the rest and counts the others as duplicates"
    )
    func killAndResume() async throws {
        let input = try IngestCommandTests.simulatedOpenAIFile(count: Self.events)
        let ledger = IngestCommandTests.temporaryPath(".sqlite")
        // The ledger is created before the ingest starts, so that the kill lands in the ingest
        // proper rather than in the creation of the ledger.
        let empty = IngestCommandTests.temporaryPath(".jsonl")
        try "".write(toFile: empty, atomically: true, encoding: .utf8)
        try #require(try CLIHarness.run(["ingest", empty, "--ledger", ledger]).status == 0)
        let store = try await SQLiteLedgerStore.open(path: ledger)

        let process = Process()
        process.executableURL = CLIHarness.executable
        process.arguments = ["ingest", input, "--ledger", ledger, "--batch-size", String(Self.batch)]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()

        // Kill it once the ledger holds one to three transactions (of six), a few random
        // milliseconds later: sometimes while a batch is read, sometimes while one is written.
        let target = Int.random(in: 1...3) * Self.batch
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline {
            if let count = try? await store.count(), count >= target {
                try await Task.sleep(for: .milliseconds(Int.random(in: 0..<30)))
                kill(process.processIdentifier, SIGKILL)
                break
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        try #require(
            process.terminationReason == .uncaughtSignal,
            "the ingest ended (status \(process.terminationStatus)) before it could be killed: \(stderr)")

        let reopened = try await SQLiteLedgerStore.open(path: ledger)
        let kept = try await reopened.count()
        #expect(kept > 0)
        #expect(kept < Self.events)
        #expect(kept % Self.batch == 0, "\(kept) events stored: a transaction was cut")

        let rerun = try CLIHarness.run(["ingest", input, "--ledger", ledger])
        #expect(rerun.status == 0)
        #expect(
            rerun.stdout
                == "ingest: read \(Self.events) lines: \(Self.events - kept) stored, \(kept) duplicates, "
                + "0 quarantined → \(ledger)\n")
        #expect(try await reopened.count() == Self.events)
    }
}
