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

    /// Every backend available in this run.
    static let all: [LedgerBackend] = [.sqlite]
}
