/// A value axis from zero with "nice" ticks (steps of 1, 2, 2.5 or 5 times a power of ten) that
/// reach at least the largest value, and labels for them in dollars, percent or counts.
struct SVGAxis: Equatable {
    /// How tick values are written.
    enum Unit: Equatable {
        /// `$0`, `$2.5k`, `$0.005`.
        case dollars
        /// Shares in [0, 1] written as `0%`, `25%`, `2.5%`.
        case percent
        /// Plain counts: `0`, `500`, `1.5M`.
        case count
        /// Multiples: `0×`, `2×`, `2.5×`.
        case ratio
    }

    /// The distance between ticks (positive).
    let step: Double
    /// The axis' end: the last tick, at or above the largest value.
    let top: Double
    /// The unit of the labels.
    let unit: Unit

    /// An axis for values from zero to `maximum`, with about `ticks` steps.
    ///
    /// A maximum that is zero, negative or not finite gives the axis 0 to 1 (nothing divides by it).
    init(maximum: Double, ticks: Int = 5, unit: Unit) {
        self.unit = unit
        let target = maximum.isFinite && maximum > 0 ? maximum : 1
        let rough = target / Double(max(1, ticks))
        var power = 1.0
        while power * 10 <= rough { power *= 10 }
        while power > rough { power /= 10 }
        let step = [1.0, 2.0, 2.5, 5.0, 10.0].lazy.map { $0 * power }.first { $0 >= rough * 0.999_999 } ?? power * 10
        self.step = step
        self.top = (target / step - 1e-9).rounded(.up) * step
    }

    /// The tick values, from 0 to ``top``.
    var values: [Double] {
        let count = Int((top / step).rounded())
        return (0...max(1, count)).map { Double($0) * step }
    }

    /// Where `value` falls on an axis `length` long, from 0 at the origin.
    func position(_ value: Double, length: Double) -> Double {
        guard value.isFinite, top > 0 else { return 0 }
        return max(0, value) / top * length
    }

    /// The label of a tick value.
    func label(_ value: Double) -> String {
        switch unit {
        case .dollars: return "$" + Self.short(value, step: step, cents: true)
        case .percent: return Self.short(value * 100, step: step * 100) + "%"
        case .count: return Self.short(value, step: step)
        case .ratio: return Self.short(value, step: step) + "×"
        }
    }

    /// A tick value with as many decimals as the step needs (with `cents`, two rather than one, as
    /// in `$0.50`), and `k`/`M`/`B` for large values.
    private static func short(_ value: Double, step: Double, cents: Bool = false) -> String {
        for (unit, suffix) in [(1e9, "B"), (1e6, "M"), (1e3, "k")] where step >= unit / 10 && value >= unit {
            var text = HTMLText.fixed(value / unit, places: decimals(step / unit))
            while text.contains(".") && (text.hasSuffix("0") || text.hasSuffix(".")) { text.removeLast() }
            return text + suffix
        }
        let places = decimals(step)
        return HTMLText.fixed(value, places: cents && places == 1 ? 2 : places)
    }

    /// The decimals that write every multiple of `step` exactly (0 for whole steps, 1 for 0.5, 2 for 0.25).
    private static func decimals(_ step: Double) -> Int {
        var places = 0
        var scaled = step
        while places < 8 && abs(scaled - scaled.rounded()) > 1e-6 * max(1, scaled) {
            scaled *= 10
            places += 1
        }
        return places
    }
}
