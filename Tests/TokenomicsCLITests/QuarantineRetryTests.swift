import Foundation
import Testing

@Suite("tokenomics quarantine retry")
struct QuarantineRetryTests {
    /// An OpenAI response line for a model the built-in catalog does not price.
    static let unknownModelLine =
        #"{"id":"retry-1","object":"chat.completion","created":1740830400,"model":"no-such-model-zz","#
        + #""usage":{"prompt_tokens":5,"completion_tokens":1}}"#
    static let brokenLine = #"{"id":"broken", "model": "#

    /// A LiteLLM price map that prices `no-such-model-zz`.
    static func writeCatalog() throws -> String {
        let path = IngestCommandTests.temporaryPath(".json")
        let json =
            #"{"no-such-model-zz": {"input_cost_per_token": 0.000001, "output_cost_per_token": 0.000002, "#
            + #""litellm_provider": "openai", "mode": "chat"}}"#
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Ingests the two bad lines into a new ledger; returns the input and ledger paths.
    static func quarantineTwo() throws -> (input: String, ledger: String) {
        let input = IngestCommandTests.temporaryPath(".jsonl")
        let ledger = IngestCommandTests.temporaryPath(".sqlite")
        try (unknownModelLine + "\n" + brokenLine + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let ingest = try CLIHarness.run(["ingest", input, "--ledger", ledger])
        try #require(ingest.stdout == "ingest: read 2 lines: 0 stored, 0 duplicates, 2 quarantined → \(ledger)\n")
        return (input, ledger)
    }

    static func listed(_ ledger: String) throws -> [[Substring]] {
        let list = try CLIHarness.run(["quarantine", "list", "--ledger", ledger])
        return list.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    }

    @Test("with a catalog that prices the model, the line is stored and leaves the quarantine; a broken line stays")
    func storesWhatNowPrices() throws {
        let (input, ledger) = try Self.quarantineTwo()

        let unchanged = try CLIHarness.run(["quarantine", "retry", "--ledger", ledger])
        #expect(unchanged.status == 1)
        #expect(unchanged.stdout == "quarantine retry: 2 retried: 0 stored, 0 duplicates, 2 still quarantined\n")
        #expect(try Self.listed(ledger).count == 2)

        let catalog = try Self.writeCatalog()
        let retry = try CLIHarness.run(["quarantine", "retry", "--ledger", ledger, "--catalog", catalog])
        #expect(retry.status == 1)
        #expect(retry.stdout == "quarantine retry: 2 retried: 1 stored, 0 duplicates, 1 still quarantined\n")
        #expect(retry.stderr == "")
        let rows = try Self.listed(ledger)
        try #require(rows.count == 1)
        #expect(rows[0][1] == "\(input):2")
        #expect(rows[0][2].hasPrefix("malformed: "))
        #expect(rows[0][3] == Self.brokenLine)

        // The stored event has the id the first ingest gave it: ingesting the file again finds it stored.
        let again = try CLIHarness.run(["ingest", input, "--ledger", ledger, "--catalog", catalog])
        #expect(again.stdout == "ingest: read 2 lines: 0 stored, 1 duplicates, 1 quarantined → \(ledger)\n")
    }

    @Test("a quarantined line whose event was stored since is a duplicate and leaves the quarantine; exit 0 when empty")
    func duplicates() throws {
        let input = IngestCommandTests.temporaryPath(".jsonl")
        let ledger = IngestCommandTests.temporaryPath(".sqlite")
        try (Self.unknownModelLine + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        _ = try CLIHarness.run(["ingest", input, "--ledger", ledger])
        let catalog = try Self.writeCatalog()
        let stored = try CLIHarness.run(["ingest", input, "--ledger", ledger, "--catalog", catalog])
        try #require(stored.stdout == "ingest: read 1 lines: 1 stored, 0 duplicates, 0 quarantined → \(ledger)\n")

        let retry = try CLIHarness.run(["quarantine", "retry", "--ledger", ledger, "--catalog", catalog])
        #expect(retry.status == 0)
        #expect(retry.stdout == "quarantine retry: 1 retried: 0 stored, 1 duplicates, 0 still quarantined\n")
        #expect(try Self.listed(ledger).isEmpty)
    }

    @Test("--model prices a line that names no model; a missing ledger is one line and exit 66")
    func modelAndMissingLedger() throws {
        let input = IngestCommandTests.temporaryPath(".jsonl")
        let ledger = IngestCommandTests.temporaryPath(".sqlite")
        let line =
            #"{"id":"nomodel-1","object":"chat.completion","created":1740830400,"#
            + #""usage":{"prompt_tokens":5,"completion_tokens":1}}"#
        try (line + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let ingest = try CLIHarness.run(["ingest", input, "--ledger", ledger])
        try #require(ingest.status == 1)
        let retry = try CLIHarness.run(["quarantine", "retry", "--ledger", ledger, "--model", "gpt-4o"])
        #expect(retry.stdout == "quarantine retry: 1 retried: 1 stored, 0 duplicates, 0 still quarantined\n")
        #expect(retry.status == 0)

        let missing = try CLIHarness.run([
            "quarantine", "retry", "--ledger", IngestCommandTests.temporaryPath(".sqlite"),
        ])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no ledger here"))
        #expect(missing.stderr.split(separator: "\n").count == 1)
    }
}
