import Testing

@testable import TokenomicsCore

@Suite("Money")
struct MoneyTests {
    @Test(
        "parses decimal and scientific text exactly",
        arguments: [
            ("0.087", "0.087"), ("2.5e-06", "0.0000025"), ("1E+3", "1000"), ("-12.50", "-12.5"), ("0", "0"),
            ("3e-18", "0.000000000000000003"), ("1.25e-07", "0.000000125"),
        ])
    func parses(text: String, expected: String) throws {
        let money = try #require(Money(decimal: text))
        #expect(money.description == expected)
    }

    @Test("rejects text that is not a number or needs more than 18 places")
    func rejects() {
        #expect(Money(decimal: "abc") == nil)
        #expect(Money(decimal: "1.2.3") == nil)
        #expect(Money(decimal: "1e-19") == nil)
        #expect(Money(decimal: "1e-19", rounding: true) == Money.zero)
        #expect(Money(decimal: "5e-19", rounding: true)?.attodollars == 1)
    }

    @Test("sums stay exact where Double drifts")
    func exactSums() throws {
        let tenth = try #require(Money(decimal: "0.1"))
        var sum = Money.zero
        for _ in 0..<10 { sum += tenth }
        #expect(sum == Money(dollars: 1))
        #expect(sum.decimalString(minimumFractionDigits: 2) == "1.00")
    }

    @Test("rounds half away from zero for display")
    func rounding() throws {
        #expect(try #require(Money(decimal: "0.125")).rounded(toPlaces: 2).description == "0.13")
        #expect(try #require(Money(decimal: "-0.125")).rounded(toPlaces: 2).description == "-0.13")
    }
}

@Suite("Money formatting")
struct MoneyFormattingTests {
    static let extremeCases: [(Int128, String)] = [
        (Int128(0), "0"), (1, "0.000000000000000001"), (-1, "-0.000000000000000001"),
        (1_000_000_000_000_000_000, "1"), (-1_000_000_000_000_000_000, "-1"), (4_607_000_000_000_000, "0.004607"),
        (120_000_000_000_000_000, "0.12"), (10_000_000_000_000_000_000, "10"),
        (18_000_000_000_000_000_001, "18.000000000000000001"),
        (Int128(UInt64.max), "18.446744073709551615"), (Int128(UInt64.max) + 1, "18.446744073709551616"),
        (-(Int128(UInt64.max) + 1), "-18.446744073709551616"), (100_000_000_000_000_000_000, "100"),
        (123_456_789_500_000_000_000_000_000, "123456789.5"),
        (Int128.max, "170141183460469231731.687303715884105727"),
        (Int128.min, "-170141183460469231731.687303715884105728"),
        (Int128.min + 1, "-170141183460469231731.687303715884105727"),
        (10_000_000_000_000_000_000_000_000_000_000_000_000, "10000000000000000000"),
        (100_000_000_000_000_000_000_000_000_000_000_000_000, "100000000000000000000"),
        (18_446_744_073_709_551_616_500_000_000_000_000_000, "18446744073709551616.5"),
    ]

    static let paddedCases: [(Int128, Int, String)] = [
        (Int128(0), 2, "0.00"), (0, 0, "0"), (0, -3, "0"), (0, 20, "0.00000000000000000000"),
        (1_000_000_000_000_000_000, 2, "1.00"), (1_500_000_000_000_000_000, 6, "1.500000"),
        (1_234_567_000_000_000_000, 2, "1.234567"), (-500_000_000_000_000_000, 2, "-0.50"),
        (1, 2, "0.000000000000000001"),
        (1, 20, "0.000000000000000001"), (10, 18, "0.000000000000000010"), (10, 17, "0.00000000000000001"),
        (Int128.max, 6, "170141183460469231731.687303715884105727"),
        (100_000_000_000_000_000_000, 6, "100.000000"),
    ]

    @Test(
        "writes the exact decimal at the extremes",
        arguments: Self.extremeCases)
    func extremes(attodollars: Int128, expected: String) {
        let money = Money(attodollars: attodollars)
        #expect(money.description == expected)
        var bytes: [UInt8] = [UInt8(ascii: "x")]
        money.appendDecimal(to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "x" + expected)
    }

    /// The decimal form of `attodollars`, digit by digit: the reference the writer must match.
    static func reference(_ attodollars: Int128) -> String {
        let magnitude = attodollars.magnitude
        let whole = String(magnitude / 1_000_000_000_000_000_000)
        var fraction = String(magnitude % 1_000_000_000_000_000_000)
        fraction = String(repeating: "0", count: 18 - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        return (attodollars < 0 ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }

    @Test("writes every amount exactly: the common short amounts and all the others")
    func randomAmounts() {
        var generator = SeededGenerator(seed: 5)
        var amounts: [Int128] = [
            9_999_999_990_000_000_000, 10_000_000_000_000_000_000, 9_999_999_999_999_999_999, 10_000_000_000,
            1_000_000_000, 99_999_999_990_000_000_000, 18_446_744_073_709_551_615, 18_446_744_073_709_551_616,
            // Either side of a dollar, where the short form starts writing the dollar digit.
            999_999_990_000_000_000, 1_000_000_000_000_000_000, 1_000_000_010_000_000_000, 990_000_000_000_000_000,
            100_000_000_000_000_000, -999_999_990_000_000_000,
        ]
        for _ in 0..<20_000 {
            // Count × rate, as events are charged: short decimals, mostly under $10.
            let count = Int128(Int64.random(in: 0...2_000_000, using: &generator))
            amounts.append(count * Int128(Int64.random(in: 1...100_000, using: &generator)) * 10_000_000_000)
            amounts.append(count * Int128(Int64.random(in: 1...100_000_000, using: &generator)) * 10_000_000)
            amounts.append(Int128(UInt64.random(in: 0...UInt64.max, using: &generator)))
            amounts.append(Int128(Int64.random(in: Int64.min...Int64.max, using: &generator)))
            let wide = Int128(Int64.random(in: Int64.min...Int64.max, using: &generator)) << 60
            amounts.append(wide | Int128(UInt64.random(in: 0...UInt64.max, using: &generator)))
        }
        let wrong = amounts.filter { Money(attodollars: $0).description != Self.reference($0) }
        #expect(wrong.isEmpty)
    }

    @Test(
        "pads the fraction to the minimum digits asked for",
        arguments: Self.paddedCases)
    func minimumFractionDigits(attodollars: Int128, digits: Int, expected: String) {
        #expect(Money(attodollars: attodollars).decimalString(minimumFractionDigits: digits) == expected)
    }
}
