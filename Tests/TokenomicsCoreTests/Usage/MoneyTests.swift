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
