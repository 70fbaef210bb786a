import TokenomicsCore

/// An amount as two integer columns that SQL sums exactly: whole nanodollars (rounded toward
/// negative infinity) and the attodollar remainder in `[0, 10⁹)`.
///
/// `SUM(nano)` and `SUM(atto)` are plain 64-bit integer sums (exact, or an overflow error, in
/// SQLite and PostgreSQL alike); ``money(nano:atto:)`` recombines them into an exact ``Money``.
struct StoredAmount: Sendable, Hashable {
    /// Attodollars in one nanodollar.
    static let attoPerNano: Int128 = 1_000_000_000

    /// Whole nanodollars.
    var nano: Int64
    /// Attodollars beyond them, in `[0, 10⁹)`.
    var atto: Int64

    /// Splits an amount, or returns `nil` when its nanodollars do not fit 64 bits (about ±$9.2 billion).
    init?(_ money: Money) {
        // Most amounts (below $9.2) fit 64 bits: a 64-bit division is many times cheaper than a
        // 128-bit one.
        if let small = Int64(exactly: money.attodollars) {
            var (whole, rest) = small.quotientAndRemainder(dividingBy: 1_000_000_000)
            if rest < 0 {
                whole -= 1
                rest += 1_000_000_000
            }
            nano = whole
            atto = rest
            return
        }
        let (quotient, remainder) = money.attodollars.quotientAndRemainder(dividingBy: Self.attoPerNano)
        var whole = quotient
        var rest = remainder
        if rest < 0 {
            whole -= 1
            rest += Self.attoPerNano
        }
        guard let nano = Int64(exactly: whole) else { return nil }
        self.nano = nano
        // In [0, 10⁹): always fits.
        self.atto = Int64(truncatingIfNeeded: rest)
    }

    /// Recombines column values (or their sums) into an exact amount.
    static func money(nano: Int64, atto: Int64) -> Money {
        Money(attodollars: Int128(nano) * attoPerNano + Int128(atto))
    }

    /// The stored form of an amount, or the ledger error that refuses one beyond the stored range.
    ///
    /// - Parameters:
    ///   - amount: the amount.
    ///   - location: the ledger, for the error.
    ///   - owner: what the amount belongs to, for the error (`event ID`, `a rollup sum`).
    /// - Throws: ``LedgerError`` (`amountOutOfRange`).
    static func checked(_ amount: Money, location: String, owner: @autoclosure () -> String) throws -> StoredAmount {
        guard let stored = StoredAmount(amount) else {
            throw LedgerError(
                .amountOutOfRange, location: location, "\(owner()): amount \(amount) is out of the stored range")
        }
        return stored
    }
}
