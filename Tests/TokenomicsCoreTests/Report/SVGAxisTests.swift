import Testing

@testable import TokenomicsCore

@Suite("SVGAxis")
struct SVGAxisTests {
    @Test(
        "picks a nice step and a top at or above the maximum",
        arguments: [
            (37.0, 5, 10.0, 40.0), (40.0, 5, 10.0, 40.0), (0.023, 5, 0.005, 0.025), (1_234.0, 5, 250.0, 1_250.0),
            (0.19, 4, 0.05, 0.2), (7.0, 5, 2.0, 8.0),
        ])
    func niceSteps(maximum: Double, ticks: Int, step: Double, top: Double) {
        let axis = SVGAxis(maximum: maximum, ticks: ticks, unit: .count)
        #expect(abs(axis.step - step) < 1e-12)
        #expect(abs(axis.top - top) < 1e-9)
        #expect(axis.values.first == 0)
        #expect(axis.values.count == Int((top / step).rounded()) + 1)
    }

    @Test("gives an empty or broken range the axis 0 to 1", arguments: [0.0, -5.0, .nan, .infinity])
    func degenerate(maximum: Double) {
        let axis = SVGAxis(maximum: maximum, unit: .dollars)
        #expect(axis.top == 1)
        #expect(axis.position(.nan, length: 100) == 0)
        #expect(axis.values.allSatisfy { $0.isFinite })
    }

    @Test("places values in proportion to the top")
    func position() {
        let axis = SVGAxis(maximum: 37, unit: .count)
        #expect(axis.position(20, length: 100) == 50)
        #expect(axis.position(-3, length: 100) == 0)
    }

    @Test("labels ticks in dollars, percent, counts and multiples")
    func labels() {
        let dollars = SVGAxis(maximum: 1_234, unit: .dollars)
        #expect(dollars.values.map(dollars.label) == ["$0", "$250", "$500", "$750", "$1k", "$1.25k"])
        let cents = SVGAxis(maximum: 0.8, ticks: 4, unit: .dollars)
        #expect(cents.values.map(cents.label) == ["$0.00", "$0.20", "$0.40", "$0.60", "$0.80"])
        let percent = SVGAxis(maximum: 0.012, ticks: 4, unit: .percent)
        #expect(percent.label(0.005) == "0.5%")
        #expect(SVGAxis(maximum: 0.19, ticks: 4, unit: .percent).label(0.15) == "15%")
        #expect(SVGAxis(maximum: 3_400_000, unit: .count).label(2_000_000) == "2M")
        #expect(SVGAxis(maximum: 17, unit: .ratio).label(10) == "10×")
    }
}
