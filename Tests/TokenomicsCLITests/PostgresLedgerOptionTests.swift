import Foundation
import Testing

/// `--ledger postgres://…` and `TOKENOMICS_LEDGER` select the PostgreSQL ledger.
@Suite("tokenomics with a PostgreSQL ledger")
struct PostgresLedgerOptionTests {
    static let unreachable = "postgres://nobody@127.0.0.1:1/ledger"

    @Test("an unreachable server is one line naming host and port, exit 74")
    func unreachableOption() throws {
        let result = try CLIHarness.run(["ingest", IngestCommandTests.sample, "--ledger", Self.unreachable])
        #expect(result.status == 74)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.hasPrefix(
                "error: \(Self.unreachable): cannot connect to the PostgreSQL server at 127.0.0.1:1"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("TOKENOMICS_LEDGER selects the ledger when --ledger is absent")
    func environmentSelects() throws {
        let result = try CLIHarness.run(
            ["quarantine", "list"], environment: ["TOKENOMICS_LEDGER": Self.unreachable])
        #expect(result.status == 74)
        #expect(result.stderr.contains("127.0.0.1:1"))
    }

    @Test(
        "ingesting the sample into PostgreSQL twice stores each event once",
        .enabled(if: ProcessInfo.processInfo.environment["TOKENOMICS_TEST_POSTGRES"] != nil))
    func ingestTwice() throws {
        let url = try #require(ProcessInfo.processInfo.environment["TOKENOMICS_TEST_POSTGRES"])
        let first = try CLIHarness.run(["ingest", IngestCommandTests.sample, "--ledger", url])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("ingest: read 12 lines: "))
        let second = try CLIHarness.run(["ingest", IngestCommandTests.sample], environment: ["TOKENOMICS_LEDGER": url])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == "ingest: read 12 lines: 0 stored, 13 duplicates, 0 quarantined → \(url)\n")
    }
}
