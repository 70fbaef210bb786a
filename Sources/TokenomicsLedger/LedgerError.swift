/// Why a ledger operation failed, with the ledger's location so that a user can find it.
///
/// One error type for the ledger layer: the CLI prints ``description`` as its one line.
public struct LedgerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure it is.
    public enum Kind: String, Sendable, Hashable {
        /// The file exists but is not a database, or a database that is not a Tokenomics ledger.
        case notALedger = "not_a_ledger"
        /// Another process holds the ledger's write lock (past the busy timeout).
        case locked
        /// A migration could not be applied, or the ledger was written by a newer version.
        case migrationFailed = "migration_failed"
        /// The ledger cannot be opened (missing folder, no permission, …).
        case cannotOpen = "cannot_open"
        /// An amount does not fit the stored representation.
        case amountOutOfRange = "amount_out_of_range"
        /// Any other storage failure.
        case storage
    }

    /// The kind of failure.
    public var kind: Kind
    /// The ledger's path or URL.
    public var location: String
    /// A sentence saying what went wrong.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, location: String, _ message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    /// `LOCATION: message`.
    public var description: String { "\(location): \(message)" }
}
