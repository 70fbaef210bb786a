/// One or more 100% stacked bars: each row splits its whole into segments whose widths are their
/// shares, with the percentage written inside every segment wide enough to hold it.
struct SVGShareBar {
    /// One row: its label and its parts (the whole is their sum).
    struct Row {
        /// The label on the left.
        var label: String
        /// The parts, left first.
        var segments: [SVGBarChart.Segment]
    }

    /// The rows, top first.
    var rows: [Row]
    /// The drawing's width in user units.
    var width = 520.0

    /// The share of each segment of `row` in its total (all zero when the total is zero).
    static func shares(_ row: Row) -> [Double] {
        let values = row.segments.map { $0.value.isFinite && $0.value > 0 ? $0.value : 0 }
        let total = values.reduce(0, +)
        return values.map { total > 0 ? $0 / total : 0 }
    }

    /// The bars as an inline `<svg>` element; a row whose total is zero is drawn as an empty
    /// outline marked "none".
    ///
    /// - Parameter label: the accessible name of the chart.
    /// - Complexity: O(*r*·*s*) for *r* rows of *s* segments.
    func svg(label: String) -> String {
        let labelWidth = min(rows.map { SVGCanvas.textWidth($0.label, size: 13) }.max() ?? 0, width * 0.3)
        let left = labelWidth + 12
        let plotWidth = width - left - 2
        let rowHeight = 40.0
        let barHeight = 28.0
        var canvas = SVGCanvas(width: width, height: rowHeight * Double(rows.count) + 4)
        for (index, row) in rows.enumerated() {
            let centre = 2 + rowHeight * (Double(index) + 0.5)
            canvas.text(
                SVGCanvas.fit(row.label, width: labelWidth, size: 13), x: left - 10, y: centre, anchor: .end, size: 13)
            let shares = Self.shares(row)
            guard shares.contains(where: { $0 > 0 }) else {
                canvas.rect(x: left, y: centre - barHeight / 2, width: plotWidth, height: barHeight, fill: "#eef0f4")
                canvas.text("none", x: left + plotWidth / 2, y: centre, anchor: .middle, class: "tick")
                continue
            }
            var x = left
            for (segment, share) in zip(row.segments, shares) where share > 0 {
                let segmentWidth = share * plotWidth
                canvas.rect(
                    x: x, y: centre - barHeight / 2, width: segmentWidth, height: barHeight, fill: segment.colour,
                    tooltip: segment.tooltip + " (" + HTMLText.percent(share) + ")")
                let text = HTMLText.percent(share)
                if SVGCanvas.textWidth(text) + 8 <= segmentWidth {
                    canvas.group(tooltip: segment.tooltip) {
                        $0.text(text, x: x + segmentWidth / 2, y: centre, anchor: .middle, class: "inside")
                    }
                }
                x += segmentWidth
            }
        }
        return canvas.svg(label: label)
    }
}
