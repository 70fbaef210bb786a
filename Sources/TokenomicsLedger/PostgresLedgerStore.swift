import Foundation
import Logging
import PostgresNIO

/// The shared ledger for many machines: PostgreSQL, through PostgresNIO.
///
/// Same tables, columns and named append-only migrations as ``SQLiteLedgerStore`` (see
/// ``LedgerSchema``); amounts are the same two `BIGINT` columns each, summed exactly as
/// `NUMERIC`. Every value reaches the server as a bound parameter.
public final class PostgresLedgerStore: LedgerStore {
    /// The ledger's URL without its password: `postgres://user@host:port/db`.
    public let location: String

    /// Two: the server stores one batch while the next one is sent, each on its own connection.
    public var appendsInFlight: Int { 2 }
    /// The schema the tables live in (`nil`: the server's default search path).
    public let schema: String?
    let client: PostgresClient
    private let runTask: Task<Void, Never>
    /// A logger that drops everything: failures surface as ``LedgerError`` instead.
    static let logger = Logger(label: "tokenomics.ledger.postgres") { _ in SwiftLogNoOpLogHandler() }

    /// The connection settings of a `postgres://` URL.
    struct Settings: Sendable {
        var host: String
        var port: Int
        var username: String
        var password: String?
        var database: String?
        var location: String { "postgres://\(username)@\(host):\(port)/\(database ?? "")" }
        var address: String { "\(host):\(port)" }
    }

    /// Whether a `--ledger` value names a PostgreSQL ledger (`postgres://` or `postgresql://`).
    public static func isPostgresURL(_ value: String) -> Bool {
        value.hasPrefix("postgres://") || value.hasPrefix("postgresql://")
    }

    /// Parses `postgres://user[:password]@host[:port]/db`.
    static func settings(_ url: String) throws -> Settings {
        guard isPostgresURL(url), let components = URLComponents(string: url), let host = components.host,
            !host.isEmpty
        else {
            throw LedgerError(
                .cannotOpen, location: url, "not a PostgreSQL URL (expected postgres://user[:password]@host:port/db)")
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        return Settings(
            host: host, port: components.port ?? 5432, username: components.user ?? "postgres",
            password: components.password, database: path.isEmpty ? nil : path)
    }

    /// Whether `name` may be used as a schema name: lowercase letters, digits and `_`, not
    /// starting with a digit (so that it never needs quoting).
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first), name.count <= 63 else {
            return false
        }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    private init(settings: Settings, schema: String?) {
        location = settings.location
        self.schema = schema
        var configuration = PostgresClient.Configuration(
            host: settings.host, port: settings.port, username: settings.username, password: settings.password,
            database: settings.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(5)
        configuration.options.maximumConnections = 4
        if let schema { configuration.options.additionalStartupParameters = [("search_path", schema)] }
        let client = PostgresClient(configuration: configuration, backgroundLogger: Self.logger)
        self.client = client
        runTask = Task { await client.run() }
    }

    deinit {
        runTask.cancel()
    }

    /// Connects to the ledger at `url` and migrates it.
    ///
    /// - Parameters:
    ///   - url: `postgres://user[:password]@host[:port]/db` (TLS is not used: a loopback or private network).
    ///   - schema: a schema to keep the tables in (created when absent), or `nil` for the default.
    /// - Throws: ``LedgerError``: `cannotOpen` naming host:port when the server cannot be reached,
    ///   `migrationFailed` when the schema cannot be brought up to date.
    public static func open(url: String, schema: String? = nil) async throws -> PostgresLedgerStore {
        let settings = try settings(url)
        if let schema, !isPlainIdentifier(schema) {
            throw LedgerError(.cannotOpen, location: settings.location, "invalid schema name '\(schema)'")
        }
        try await probe(settings)
        let store = PostgresLedgerStore(settings: settings, schema: schema)
        try await store.migrate()
        return store
    }

    /// Opens one connection and closes it, so that an unreachable server or a refused login is
    /// one clear error instead of a pool that retries in the background.
    private static func probe(_ settings: Settings) async throws {
        let configuration = PostgresConnection.Configuration(
            host: settings.host, port: settings.port, username: settings.username, password: settings.password,
            database: settings.database, tls: .disable)
        do {
            let connection = try await PostgresConnection.connect(
                on: PostgresClient.defaultEventLoopGroup.next(), configuration: configuration, id: 0, logger: logger
            ).get()
            try await connection.close()
        } catch {
            throw LedgerError(
                .cannotOpen, location: settings.location,
                "cannot connect to the PostgreSQL server at \(settings.address): \(message(of: error))")
        }
    }

    /// Runs `body`, mapping failures to ``LedgerError``.
    func run<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            let cause = Self.cause(error)
            if let cause = cause as? LedgerError { throw cause }
            throw LedgerError(.storage, location: location, Self.message(of: cause))
        }
    }

    /// The error behind a failed transaction (the body's, else BEGIN's, COMMIT's or ROLLBACK's).
    static func cause(_ error: any Error) -> any Error {
        guard let error = error as? PostgresTransactionError else { return error }
        return error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError ?? error
    }

    /// The server's message of a PostgresNIO error, or a readable form of any other error.
    static func message(of error: any Error) -> String {
        let error = cause(error)
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return "\(underlying)" }
            return "\(error.code)"
        }
        return "\(error)"
    }
}
