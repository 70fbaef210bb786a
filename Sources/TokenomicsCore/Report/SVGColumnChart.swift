/// A stacked column chart over time: one column per bucket, one stacked segment per series, a
/// value axis with gridlines, date labels thinned so that they never overlap, and a tooltip with
/// the exact figure on every segment.
struct SVGColumnChart {
    /// One stacked series: its name (for the legend) and colour.
    struct Series {
        /// The series' name.
        var name: String
        /// Its fill colour.
        var colour: String
    }

    /// One column: its axis label and each series' value, with a tooltip per value.
    struct Column {
        /// The label under the column.
        var label: String
        /// The value of each series, in ``SVGColumnChart/series`` order (missing values are 0).
        var values: [Double]
        /// The tooltip of each segment, in the same order.
        var tooltips: [String]
        /// The tooltip of the column as a whole, and the short label over it when there is room.
        var total: (tooltip: String, label: String)
    }

    /// The series, bottom of the stack first.
    var series: [Series]
    /// The columns, left to right.
    var columns: [Column]
    /// The unit of the value axis.
    var unit: SVGAxis.Unit
    /// The drawing's width in user units.
    var width = 1_080.0
    /// The drawing's height in user units.
    var height = 320.0

    /// The chart as an inline `<svg>` element.
    ///
    /// - Parameter label: the accessible name of the chart.
    /// - Complexity: O(*c*·*s*) for *c* columns and *s* series.
    func svg(label: String) -> String {
        let sums = columns.map { $0.values.reduce(0) { $0 + (($1.isFinite && $1 > 0) ? $1 : 0) } }
        let axis = SVGAxis(maximum: sums.max() ?? 0, ticks: 5, unit: unit)
        let tickWidth = axis.values.map { SVGCanvas.textWidth(axis.label($0)) }.max() ?? 0
        let left = tickWidth + 14
        let top = 22.0
        let bottom = height - 30
        let plotWidth = width - left - 6
        let plotHeight = bottom - top
        var canvas = SVGCanvas(width: width, height: height)
        for tick in axis.values {
            let y = bottom - axis.position(tick, length: plotHeight)
            canvas.line(x1: left, y1: y, x2: width - 6, y2: y, class: tick == 0 ? "axis" : "gridline")
            canvas.text(axis.label(tick), x: left - 8, y: y, anchor: .end, class: "tick")
        }
        guard !columns.isEmpty else { return canvas.svg(label: label) }
        let slot = plotWidth / Double(columns.count)
        let barWidth = max(1, min(56, slot * 0.72))
        let widestLabel = columns.map { SVGCanvas.textWidth($0.label) }.max() ?? 0
        let labelEvery = max(1, Int(((widestLabel + 14) / slot).rounded(.up)))
        let showTotals = columns.allSatisfy { SVGCanvas.textWidth($0.total.label, size: 11) + 4 <= slot }
        for (index, column) in columns.enumerated() {
            let centre = left + slot * (Double(index) + 0.5)
            let x = centre - barWidth / 2
            var stacked = 0.0
            for (position, value) in column.values.enumerated() where position < series.count {
                guard value.isFinite, value > 0 else { continue }
                let y0 = bottom - axis.position(stacked, length: plotHeight)
                stacked += value
                let y1 = bottom - axis.position(stacked, length: plotHeight)
                let tooltip = position < column.tooltips.count ? column.tooltips[position] : series[position].name
                canvas.rect(
                    x: x, y: y1, width: barWidth, height: y0 - y1, fill: series[position].colour, tooltip: tooltip)
            }
            if showTotals && stacked > 0 {
                let y = bottom - axis.position(stacked, length: plotHeight) - 9
                canvas.group(tooltip: column.total.tooltip) {
                    $0.text(column.total.label, x: centre, y: y, anchor: .middle, class: "tick", size: 11)
                }
            }
            if index % labelEvery == 0 {
                canvas.text(column.label, x: centre, y: bottom + 15, anchor: .middle, class: "tick")
            }
        }
        return canvas.svg(label: label)
    }
}
