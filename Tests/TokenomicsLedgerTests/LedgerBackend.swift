import Foundation
import TokenomicsLedger

/// A ledger backend the conformance suite runs against: a name and a way to make an empty,
/// migrated store.
struct LedgerBackend: Sendable, CustomStringConvertible {
    var name: String
    var makeStore: @Sendable () async throws -> any LedgerStore

    var description: String { name }

    /// SQLite in a fresh temporary file.
    static let sqlite = LedgerBackend(name: "SQLite") {
        try await SQLiteLedgerStore.open(path: LedgerFixtures.temporaryPath())
    }

    /// The test PostgreSQL server's URL, from `TOKENOMICS_TEST_POSTGRES` (`.ci/run` starts one).
    static let postgresURL = ProcessInfo.processInfo.environment["TOKENOMICS_TEST_POSTGRES"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// Whether this is a CI run (`CI=true`), where a missing PostgreSQL server is a failure.
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// PostgreSQL, each store in a fresh schema so that tests running in parallel never meet.
    static func postgres(url: String) -> LedgerBackend {
        LedgerBackend(name: "PostgreSQL") {
            let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            return try await PostgresLedgerStore.open(url: url, schema: schema)
        }
    }

    /// Every backend available in this run: PostgreSQL only when `TOKENOMICS_TEST_POSTGRES` is set.
    static let all: [LedgerBackend] = [.sqlite] + (postgresURL.map { [postgres(url: $0)] } ?? [])
}
