import GRDB
import GRDBSQLite

/// Binds one row's values to a prepared statement straight through the SQLite C API, in
/// parameter order: the batch insert's hot path, without building an argument array per row
/// (GRDB's `StatementArguments` took two thirds of an insert, mostly in generic key paths).
struct RowBinder {
    /// `SQLITE_TRANSIENT`: SQLite copies the text before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private let statement: SQLiteStatement
    /// The next one-based parameter index.
    private var index: Int32 = 1

    /// Starts a row: resets the statement and clears its previous values.
    init(_ statement: SQLiteStatement) {
        self.statement = statement
        // Every column is bound on every row (NULL included), so no binding needs clearing.
        sqlite3_reset(statement)
    }

    /// Binds an integer.
    mutating func bind(_ value: Int64) {
        sqlite3_bind_int64(statement, index, value)
        index += 1
    }

    /// Binds an integer, or NULL.
    mutating func bind(_ value: Int64?) {
        if let value { bind(value) } else { bindNull() }
    }

    /// Binds a text, or NULL.
    mutating func bind(_ value: String?) {
        guard var value else { return bindNull() }
        value.withUTF8 { bytes in
            _ = sqlite3_bind_text(statement, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
        }
        index += 1
    }

    /// Leaves a parameter NULL (cleared by ``init(_:)``).
    mutating func bind(_ value: Double) {
        sqlite3_bind_double(statement, index, value)
        index += 1
    }

    mutating func bindNull() {
        sqlite3_bind_null(statement, index)
        index += 1
    }

    /// Runs the statement.
    ///
    /// - Returns: the rows it changed.
    /// - Throws: `DatabaseError` with SQLite's message.
    static func step(_ statement: SQLiteStatement, in db: Database) throws -> Int {
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            sqlite3_reset(statement)
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        return Int(sqlite3_changes(db.sqliteConnection))
    }
}

extension RowBinder {
    /// Binds a blob that SQLite reads where it is (`SQLITE_STATIC`): it must stay there until
    /// the statement has run and its bindings are replaced or cleared.
    mutating func bind(staticBlob blob: UnsafeRawBufferPointer) {
        // An empty blob still binds a zero-length value, not NULL: SQLite wants a non-null pointer.
        let start = blob.baseAddress ?? UnsafeRawPointer(bitPattern: 1)
        _ = sqlite3_bind_blob(statement, index, start, Int32(blob.count), nil)
        index += 1
    }

    /// Binds UTF-8 text that SQLite reads where it is (see ``bind(staticBlob:)``).
    mutating func bind(staticText text: UnsafeBufferPointer<UInt8>) {
        guard let start = text.baseAddress else {
            // A zero-length text, not NULL (SQLite copies it).
            bind("")
            return
        }
        _ = start.withMemoryRebound(to: CChar.self, capacity: text.count) { characters in
            sqlite3_bind_text(statement, index, characters, Int32(text.count), nil)
        }
        index += 1
    }
}

extension RowBinder: RollupRowWriter {
    mutating func write(_ value: Int64) { bind(value) }
    mutating func write(_ value: Double) { bind(value) }
}
