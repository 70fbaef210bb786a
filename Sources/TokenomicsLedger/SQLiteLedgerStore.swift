import Foundation
import GRDB
import TokenomicsCore

/// The embedded ledger: one SQLite file in WAL mode, through GRDB.
///
/// Amounts are stored exactly as two integer columns each (see ``StoredAmount``), events keyed by
/// their id so that appending is idempotent, and the schema grows by named, append-only
/// migrations (``SQLiteLedgerStore/migrator``).
public final class SQLiteLedgerStore: LedgerStore {
    /// The default ledger file, in the current folder.
    public static let defaultPath = "tokenomics.sqlite"

    /// The ledger file.
    public let path: String

    /// The ledger file's path (see ``LedgerStore/location``).
    public var location: String { path }

    /// One: SQLite has one writer at a time; a second append would only wait for the first.
    public var appendsInFlight: Int { 1 }
    private let pool: DatabasePool

    /// Opens (creating it if absent) the ledger file, without migrating it.
    ///
    /// - Parameters:
    ///   - path: the file.
    ///   - busyTimeout: how long a write waits for another writer before failing as locked.
    /// - Throws: ``LedgerError`` when the file cannot be opened or is not a database.
    public init(path: String = SQLiteLedgerStore.defaultPath, busyTimeout: TimeInterval = 5) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // WAL with NORMAL sync: a commit survives a crash of the process, and is durable at the
            // next checkpoint.
            // 16 KB pages (set before the file's first table; ignored for an existing ledger): a
            // third fewer B-tree levels and page splits for the event rows.
            try db.execute(sql: "PRAGMA page_size = 16384")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // The writer's page cache holds the index of id hashes, which every append reads and
            // writes at random places (17 MB per million events): 256 MB keeps it in memory to
            // about 15 million events. Readers need less.
            try db.execute(sql: "PRAGMA cache_size = \(db.configuration.readonly ? -65536 : -262144)")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 16384")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw Self.ledgerError(error, path: path)
        }
    }

    /// Opens and migrates the ledger file.
    ///
    /// - Throws: ``LedgerError``.
    public static func open(path: String = SQLiteLedgerStore.defaultPath) async throws -> SQLiteLedgerStore {
        // Connections opening a new ledger at the same moment can find it locked for a few
        // milliseconds while another switches it to WAL or migrates it (SQLite reports that at
        // once, without waiting): try again for up to half a second before reporting it locked.
        var attempt = 0
        while true {
            do {
                let store = try SQLiteLedgerStore(path: path)
                try await store.migrate()
                return store
            } catch let error as LedgerError where error.kind == .locked && attempt < 20 {
                attempt += 1
                try await Task.sleep(for: .milliseconds(25))
            }
        }
    }

    public func migrate() async throws {
        let path = path
        try await run { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            if !tables.isEmpty && !tables.contains("grdb_migrations") {
                throw LedgerError(
                    .notALedger, location: path,
                    "is a SQLite database but not a Tokenomics ledger (tables: \(tables.sorted().joined(separator: ", ")))"
                )
            }
            let migrator = Self.migrator
            if try migrator.hasBeenSuperseded(db) {
                throw LedgerError(
                    .migrationFailed, location: path,
                    "was written by a newer version of tokenomics (unknown migrations)")
            }
        }
        do {
            // Another connection creating the same new ledger at the same moment may apply a
            // migration between this one reading the applied list and running it (which then
            // fails on the table or column it finds, and rolls back): read the list again, a few
            // times. A migration that truly fails fails every time.
            var attempt = 0
            while true {
                do {
                    try Self.migrator.migrate(pool)
                    break
                } catch let error as DatabaseError
                    where attempt < 4 && error.resultCode != .SQLITE_BUSY && error.resultCode != .SQLITE_NOTADB
                {
                    attempt += 1
                }
            }
        } catch let error as LedgerError {
            throw error
        } catch let error as DatabaseError where error.resultCode != .SQLITE_BUSY && error.resultCode != .SQLITE_NOTADB
        {
            throw LedgerError(.migrationFailed, location: path, "migration failed: \(error.message ?? "\(error)")")
        } catch {
            throw Self.ledgerError(error, path: path)
        }
    }

    /// Runs a write transaction, mapping errors to ``LedgerError``.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch {
            throw Self.ledgerError(error, path: path)
        }
    }

    /// Runs a read, mapping errors to ``LedgerError``.
    func run<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw Self.ledgerError(error, path: path)
        }
    }

    /// The ledger error for a storage error, naming the file.
    static func ledgerError(_ error: any Error, path: String) -> LedgerError {
        if let error = error as? LedgerError { return error }
        guard let error = error as? DatabaseError else {
            return LedgerError(.storage, location: path, "\(error)")
        }
        switch error.resultCode {
        case .SQLITE_NOTADB:
            return LedgerError(.notALedger, location: path, "is not a Tokenomics ledger (not a SQLite database)")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return LedgerError(.locked, location: path, "the ledger is locked by another process; try again later")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
            return LedgerError(.cannotOpen, location: path, "cannot open the ledger: \(error.message ?? "\(error)")")
        default:
            return LedgerError(.storage, location: path, error.message ?? "\(error)")
        }
    }
}
