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
        var out: [UInt8] = []
        out.reserveCapacity(40)
        appendDecimal(to: &out, minimumFractionDigits: minimumFractionDigits)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the decimal form of the amount to a byte buffer (used by the JSON and CSV writers).
    public func appendDecimal(to out: inout [UInt8], minimumFractionDigits: Int = 0) {
        let magnitude = attodollars.magnitude
        if attodollars < 0 { out.append(UInt8(ascii: "-")) }
        var fraction: UInt64
        if let small = UInt64(exactly: magnitude) {
            // Below $18.4: one 64-bit division instead of a 128-bit one.
            appendUnsigned(small / 1_000_000_000_000_000_000, to: &out)
            fraction = small % 1_000_000_000_000_000_000
        } else {
            let (whole, rest) = magnitude.quotientAndRemainder(dividingBy: UInt128(Money.scale))
            if let whole64 = UInt64(exactly: whole) {
                appendUnsigned(whole64, to: &out)
            } else {
                appendUnsigned(whole, to: &out)
            }
            // The fraction is below 10^18 < 2^63: plain 64-bit arithmetic from here on.
            fraction = UInt64(rest)
        }
        var used = Money.fractionDigits
        while used > minimumFractionDigits, fraction % 10 == 0, fraction != 0 {
            fraction /= 10
            used -= 1
        }
        if fraction == 0 { used = minimumFractionDigits }
        guard used > 0 else { return }
        out.append(UInt8(ascii: "."))
        let start = out.count
        for _ in 0..<used { out.append(UInt8(ascii: "0")) }
        var index = start + used - 1
        while fraction > 0 {
            out[index] = UInt8(ascii: "0") &+ UInt8(fraction % 10)
            fraction /= 10
            index -= 1
        }
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

private func appendUnsigned(_ value: UInt64, to out: inout [UInt8]) {
    if value < 10 {
        out.append(UInt8(ascii: "0") &+ UInt8(value))
        return
    }
    let start = out.count
    var rest = value
    while rest > 0 {
        out.append(UInt8(ascii: "0") &+ UInt8(rest % 10))
        rest /= 10
    }
    out[start...].reverse()
}

private func appendUnsigned(_ value: UInt128, to out: inout [UInt8]) {
    if value == 0 {
        out.append(UInt8(ascii: "0"))
        return
    }
    var buffer: [UInt8] = []
    var rest = value
    while rest > 0 {
        buffer.append(UInt8(ascii: "0") + UInt8(rest % 10))
        rest /= 10
    }
    out.append(contentsOf: buffer.reversed())
}
