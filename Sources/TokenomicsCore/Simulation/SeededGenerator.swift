/// A small, fast, reproducible random number generator (SplitMix64): the same seed always
/// gives the same sequence on every platform, which `SystemRandomNumberGenerator` cannot.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A standard normal value (Box–Muller).
    public mutating func normal() -> Double {
        let u1 = max(unit(), 1e-300)
        let u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A log-normal whole number with the given median and log-scale spread, clamped to a range.
    public mutating func logNormal(median: Double, sigma: Double, in range: ClosedRange<Int64>) -> Int64 {
        let value = median * exp(sigma * normal())
        return min(max(Int64(value.rounded()), range.lowerBound), range.upperBound)
    }

    /// Whether an event of probability `p` happens.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A random element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
