import ArgumentParser
import Foundation
import TokenomicsLedger

/// The `--ledger` option shared by the commands that use the ledger.
struct LedgerOptions: ParsableArguments {
    @Option(
        help: """
            The ledger: a SQLite file, or postgres://user[:password]@host:port/db for PostgreSQL \
            (default: $TOKENOMICS_LEDGER, else ./tokenomics.sqlite).
            """)
    var ledger: String = ProcessInfo.processInfo.environment["TOKENOMICS_LEDGER"] ?? SQLiteLedgerStore.defaultPath

    /// Opens and migrates the ledger, creating it when `create` is set: PostgreSQL for a
    /// `postgres://` URL, a SQLite file otherwise.
    ///
    /// - Throws: ``CLIError`` with one line naming the ledger and a sysexits status.
    func open(create: Bool = true) async throws -> any LedgerStore {
        try await Self.open(ledger, create: create)
    }

    /// Opens (and migrates) the ledger at `ledger`: a SQLite path or a PostgreSQL URL.
    static func open(_ ledger: String, create: Bool = true) async throws -> any LedgerStore {
        let isPostgres = PostgresLedgerStore.isPostgresURL(ledger)
        if !isPostgres && !create && !FileManager.default.fileExists(atPath: ledger) {
            throw CLIError("\(ledger): no ledger here (run `tokenomics ingest` first)", exitCode: 66)
        }
        do {
            if isPostgres { return try await PostgresLedgerStore.open(url: ledger) }
            return try await SQLiteLedgerStore.open(path: ledger)
        } catch {
            throw Self.cliError(error)
        }
    }

    /// The CLI error for a ledger failure: `EX_DATAERR` (65) for a file that is not a ledger or
    /// cannot be migrated, `EX_TEMPFAIL` (75) for a locked ledger, `EX_IOERR` (74) otherwise.
    static func cliError(_ error: any Error) -> CLIError {
        guard let error = error as? LedgerError else { return CLIError("\(error)", exitCode: 74) }
        let status: Int32 =
            switch error.kind {
            case .notALedger, .migrationFailed, .amountOutOfRange: 65
            case .locked: 75
            case .cannotOpen, .storage: 74
            }
        return CLIError(error.description, exitCode: status)
    }
}
