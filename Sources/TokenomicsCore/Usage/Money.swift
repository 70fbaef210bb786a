/// An exact amount of US dollars, held as a whole number of attodollars (10⁻¹⁸ USD).
///
/// Every stored or summed amount in Tokenomics is a `Money`: no binary floating point ever
/// enters a total. Eighteen decimal places hold every per-token price published today exactly
/// (the finest, in the LiteLLM map, have at most 18), so `tokens × rate` is exact, and a
/// 128-bit integer leaves room for sums up to about 1.7 × 10²⁰ USD.
public struct Money: Sendable, Hashable, Comparable, AdditiveArithmetic, Codable, CustomStringConvertible {
    /// Attodollars in one dollar.
    public static let scale: Int128 = 1_000_000_000_000_000_000
    /// Decimal places held.
    public static let fractionDigits = 18

    /// The amount in attodollars (10⁻¹⁸ USD).
    public var attodollars: Int128

    /// Creates an amount from attodollars.
    public init(attodollars: Int128) { self.attodollars = attodollars }

    /// Zero dollars.
    public static let zero = Money(attodollars: 0)

    /// Creates an amount of whole dollars.
    public init(dollars: Int) { self.attodollars = Int128(dollars) * Money.scale }

    /// Parses a decimal string such as `"0.087"`, `"-12"`, `"2.5e-06"` or `"1E+3"` exactly.
    ///
    /// - Returns: `nil` if the text is not a decimal number or needs more than 18 decimal places
    ///   (unless `rounding` is `true`, which rounds half away from zero to the nearest attodollar).
    public init?(decimal text: some StringProtocol, rounding: Bool = false) {
        guard let value = DecimalText.parse(Array(text.utf8), scale: Money.fractionDigits, rounding: rounding)
        else { return nil }
        self.attodollars = value
    }

    /// The amount as an exact decimal string with trailing zeros removed: `"0.087"`, `"12"`, `"-0.5"`.
    public var description: String { decimalString() }

    /// The amount as a decimal string.
    ///
    /// - Parameter minimumFractionDigits: pad the fraction to at least this many digits (e.g. 2 for cents).
    public func decimalString(minimumFractionDigits: Int = 0) -> String {
        String(unsafeUninitializedCapacity: Money.maxDecimalBytes(minimumFractionDigits: minimumFractionDigits)) {
            guard let base = $0.baseAddress else { return 0 }
            return writeDecimal(to: base, minimumFractionDigits: minimumFractionDigits)
        }
    }

    /// Appends the decimal form of the amount to a byte buffer (the JSON writer formats straight
    /// into its own buffer with ``writeDecimal(to:minimumFractionDigits:)``).
    public func appendDecimal(to out: inout [UInt8], minimumFractionDigits: Int = 0) {
        let room = Money.maxDecimalBytes(minimumFractionDigits: minimumFractionDigits)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) { scratch in
            guard let base = scratch.baseAddress else { return }
            let count = writeDecimal(to: base, minimumFractionDigits: minimumFractionDigits)
            out.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
        }
    }

    /// The most bytes ``writeDecimal(to:minimumFractionDigits:)`` writes: a sign, 21 whole digits,
    /// the point and the fraction digits.
    static func maxDecimalBytes(minimumFractionDigits: Int = 0) -> Int {
        23 + max(fractionDigits, minimumFractionDigits)
    }

    /// Writes the exact decimal form at `out` and returns the number of bytes written.
    ///
    /// Trailing fraction zeros are removed, but the fraction keeps at least
    /// `minimumFractionDigits` digits (at most 18 unless the amount is a whole number); a whole
    /// amount has no point unless digits are asked for.
    ///
    /// Most amounts an event is charged are under $10 with at most eight decimals: those are
    /// written inline, as one whole digit and one word of fraction digits. Every other amount
    /// takes an out-of-line path.
    ///
    /// - Precondition: `out` has room for ``maxDecimalBytes(minimumFractionDigits:)`` bytes
    ///   (bytes past the returned count may be overwritten with junk).
    @inline(__always)
    func writeDecimal(to out: UnsafeMutablePointer<UInt8>, minimumFractionDigits: Int = 0) -> Int {
        guard minimumFractionDigits <= 0 else {
            return writeDecimalSlowly(to: out, minimumFractionDigits: minimumFractionDigits)
        }
        if attodollars == 0 {
            out.pointee = UInt8(ascii: "0")
            return 1
        }
        if let small = UInt64(exactly: attodollars), small < 10_000_000_000_000_000_000 {
            // The dollar digit and eight decimals, exact when the ten decimals after them are zeros.
            let nine = small / 10_000_000_000
            if nine &* 10_000_000_000 == small {
                if nine < 100_000_000 {
                    // Below a dollar, the most common: `0.` and the decimals, not all zeros.
                    UnsafeMutableRawPointer(out).storeBytes(
                        of: UInt16(littleEndian: 0x2E30), as: UInt16.self)
                    let digits = DecimalDigits.eightDigitValues(UInt32(truncatingIfNeeded: nine))
                    DecimalDigits.store(digits, to: out + 2)
                    return 10 &- digits.leadingZeroBitCount &>> 3
                }
                let whole = nine / 100_000_000
                let fraction = UInt32(truncatingIfNeeded: nine &- whole &* 100_000_000)
                out.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: whole)
                if fraction == 0 { return 1 }
                out[1] = UInt8(ascii: ".")
                let digits = DecimalDigits.eightDigitValues(fraction)
                DecimalDigits.store(digits, to: out + 2)
                // The trailing zeros are the high zero bytes of the digit word.
                return 10 &- digits.leadingZeroBitCount &>> 3
            }
        }
        return writeDecimalSlowly(to: out, minimumFractionDigits: minimumFractionDigits)
    }

    /// ``writeDecimal(to:minimumFractionDigits:)`` for every amount but the common ones: out of
    /// line, so that the common case stays small. Amounts below 2^64 attodollars (about $18.4)
    /// are split with 64-bit arithmetic, larger ones with one 128-bit division.
    @inline(never)
    func writeDecimalSlowly(to out: UnsafeMutablePointer<UInt8>, minimumFractionDigits: Int) -> Int {
        var at = out
        if attodollars < 0 {
            at.pointee = UInt8(ascii: "-")
            at += 1
        }
        let magnitude = attodollars.magnitude
        let whole: UInt128
        let fraction: UInt64
        if let small = UInt64(exactly: magnitude) {
            whole = UInt128(small / 1_000_000_000_000_000_000)
            fraction = small % 1_000_000_000_000_000_000
        } else {
            let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: 1_000_000_000_000_000_000)
            whole = quotient
            // The remainder is below 10^18 < 2^63: plain 64-bit arithmetic from here on.
            fraction = UInt64(truncatingIfNeeded: remainder)
        }
        at += DecimalDigits.write(whole, to: at)
        let minimum = max(0, minimumFractionDigits)
        if fraction == 0 {
            guard minimum > 0 else { return out.distance(to: at) }
            at.pointee = UInt8(ascii: ".")
            (at + 1).initialize(repeating: UInt8(ascii: "0"), count: minimum)
            return out.distance(to: at) + 1 + minimum
        }
        return out.distance(to: at) + Money.writeFraction(fraction, minimumDigits: minimum, to: at)
    }

    /// Writes `.` and the digits of a non-zero `fraction` (below 10^18) of a dollar, without
    /// trailing zeros but with at least `minimumDigits` digits (at most 18); returns the count.
    ///
    /// All 18 digits are stored (as 2 + 8 + 8, see ``DecimalDigits/eightDigitValues(_:)``), then
    /// the trailing zeros are counted from the digit words rather than by dividing: they are the
    /// high zero bytes of the last non-zero word. Most amounts have at most ten decimals: their
    /// last eight digits are zeros, stored as such with no digit arithmetic.
    @inline(__always)
    static func writeFraction(_ fraction: UInt64, minimumDigits: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let top = fraction / 10_000_000_000_000_000
        let rest = fraction &- top &* 10_000_000_000_000_000
        let middle = UInt32(truncatingIfNeeded: rest / 100_000_000)
        let low = UInt32(truncatingIfNeeded: rest &- UInt64(middle) &* 100_000_000)
        out.pointee = UInt8(ascii: ".")
        DecimalDigits.writePair(Int(truncatingIfNeeded: top), to: out + 1)
        let middleDigits = DecimalDigits.eightDigitValues(middle)
        DecimalDigits.store(middleDigits, to: out + 3)
        let trailingZeros: Int
        if low != 0 {
            let lowDigits = DecimalDigits.eightDigitValues(low)
            DecimalDigits.store(lowDigits, to: out + 11)
            trailingZeros = lowDigits.leadingZeroBitCount >> 3
        } else {
            DecimalDigits.store(0, to: out + 11)
            if middle != 0 {
                trailingZeros = 8 + middleDigits.leadingZeroBitCount >> 3
            } else {
                trailingZeros = top % 10 == 0 ? 17 : 16
            }
        }
        return 1 + max(fractionDigits - trailingZeros, min(minimumDigits, fractionDigits))
    }

    /// The amount rounded to the nearest dollar-fraction for display, e.g. `rounded(toPlaces: 2)` for cents.
    ///
    /// Rounds half away from zero. Use only for display; keep the exact amount for sums.
    public func rounded(toPlaces places: Int) -> Money {
        precondition(places >= 0 && places <= Money.fractionDigits)
        var unit: Int128 = 1
        for _ in 0..<(Money.fractionDigits - places) { unit *= 10 }
        let half = unit / 2
        let adjusted = attodollars >= 0 ? attodollars + half : attodollars - half
        return Money(attodollars: adjusted / unit * unit)
    }

    /// An approximate value in dollars, for charts and analytic models only (never for sums).
    public var approximateDollars: Double {
        let whole = attodollars / Money.scale
        let fraction = attodollars % Money.scale
        return Double(whole) + Double(fraction) / 1e18
    }

    public static func + (lhs: Money, rhs: Money) -> Money { Money(attodollars: lhs.attodollars + rhs.attodollars) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(attodollars: lhs.attodollars - rhs.attodollars) }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.attodollars < rhs.attodollars }

    /// Encodes as a decimal string, so that JSON consumers never see a binary float.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes from a decimal string (or a JSON number, read through its text form).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text: String
        if let string = try? container.decode(String.self) {
            text = string
        } else {
            text = String(try container.decode(Double.self))
        }
        guard let money = Money(decimal: text, rounding: true) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a decimal amount: \(text)")
        }
        self = money
    }
}
