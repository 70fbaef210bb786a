/// A horizontal bar chart: one row per item, its label on the left, its bar (one or more stacked
/// segments) on a shared value axis, and its value written after the bar.
struct SVGBarChart {
    /// One stacked part of a bar.
    struct Segment {
        /// The part's value (negative or non-finite values draw nothing).
        var value: Double
        /// Its fill colour.
        var colour: String
        /// Its tooltip, with the exact figure.
        var tooltip: String
    }

    /// One row: a label, the bar's segments, and the text written after the bar.
    struct Row {
        /// The label on the left.
        var label: String
        /// The bar's segments, left first.
        var segments: [Segment]
        /// The figure written after the bar.
        var value: String
        /// Whether the row is emphasized (a total).
        var isStrong = false
    }

    /// The rows, top first.
    var rows: [Row]
    /// The unit of the value axis.
    var unit: SVGAxis.Unit
    /// The drawing's width in user units.
    var width = 520.0
    /// The height of one row.
    var rowHeight = 30.0
    /// The largest value the axis must reach besides the bars (e.g. 1 for a share chart).
    var minimumTop = 0.0

    /// The chart as an inline `<svg>` element.
    ///
    /// - Parameter label: the accessible name of the chart.
    /// - Complexity: O(*r*·*s*) for *r* rows of *s* segments.
    func svg(label: String) -> String {
        let sums = rows.map { $0.segments.reduce(0) { $0 + (($1.value.isFinite && $1.value > 0) ? $1.value : 0) } }
        let axis = SVGAxis(maximum: max(minimumTop, sums.max() ?? 0), ticks: 4, unit: unit)
        let widestLabel = rows.map { SVGCanvas.textWidth($0.label, size: 13) }.max() ?? 0
        let labelWidth = min(widestLabel, width * 0.34)
        let widestValue = rows.map { SVGCanvas.textWidth($0.value) }.max() ?? 0
        let left = labelWidth + 12
        let right = width - max(widestValue + 10, SVGCanvas.textWidth(axis.label(axis.top)) / 2 + 4)
        let plotWidth = max(10, right - left)
        let top = 4.0
        let bottom = top + rowHeight * Double(rows.count)
        let height = bottom + 24
        var canvas = SVGCanvas(width: width, height: height)
        for tick in axis.values {
            let x = left + axis.position(tick, length: plotWidth)
            canvas.line(x1: x, y1: top, x2: x, y2: bottom, class: tick == 0 ? "axis" : "gridline")
            canvas.text(axis.label(tick), x: x, y: bottom + 13, anchor: .middle, class: "tick")
        }
        let barHeight = min(18, rowHeight * 0.6)
        for (index, row) in rows.enumerated() {
            let centre = top + rowHeight * (Double(index) + 0.5)
            let name = SVGCanvas.fit(row.label, width: labelWidth, size: 13)
            if name != row.label {
                canvas.group(tooltip: row.label) {
                    $0.text(name, x: left - 10, y: centre, anchor: .end, size: 13, weight: row.isStrong ? 650 : nil)
                }
            } else {
                canvas.text(name, x: left - 10, y: centre, anchor: .end, size: 13, weight: row.isStrong ? 650 : nil)
            }
            var end = 0.0
            for segment in row.segments where segment.value.isFinite && segment.value > 0 {
                let x0 = left + axis.position(end, length: plotWidth)
                end += segment.value
                let x1 = left + axis.position(end, length: plotWidth)
                canvas.rect(
                    x: x0, y: centre - barHeight / 2, width: max(x1 - x0, 0.5), height: barHeight,
                    fill: segment.colour, tooltip: segment.tooltip)
            }
            let valueX = left + axis.position(end, length: plotWidth) + 6
            canvas.text(row.value, x: valueX, y: centre, class: "tick", weight: row.isStrong ? 650 : nil)
        }
        return canvas.svg(label: label)
    }
}
