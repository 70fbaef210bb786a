/// An SVG drawing being built: shapes and text appended in order, then closed as one inline
/// `<svg>` element. Coordinates that are not finite are drawn as 0, so a chart never holds `NaN`.
struct SVGCanvas {
    /// The drawing's width in user units.
    let width: Double
    /// The drawing's height in user units.
    let height: Double
    /// The elements so far.
    private(set) var body = ""

    /// Starts an empty drawing of the given size.
    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Appends a rectangle, with an optional tooltip (escaped here).
    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, tooltip: String? = nil, radius: Double = 0
    ) {
        body += "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(0, width)))\""
        body += " height=\"\(Self.number(max(0, height)))\" fill=\"\(HTMLText.escape(fill))\""
        if radius > 0 { body += " rx=\"\(Self.number(radius))\"" }
        if let tooltip {
            body += "><title>\(HTMLText.escape(tooltip))</title></rect>"
        } else {
            body += "/>"
        }
    }

    /// Appends a line with a CSS class (`axis`, `gridline`).
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, class name: String) {
        body += "<line class=\"\(name)\" x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\""
        body += " x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\"/>"
    }

    /// Text anchors: where the text stands relative to its point.
    enum Anchor: String {
        case start, middle, end
    }

    /// Appends text (escaped here) whose baseline's middle is a third of the font size below `y`,
    /// so that `y` is its visual centre.
    mutating func text(
        _ content: String, x: Double, y: Double, anchor: Anchor = .start, class name: String? = nil,
        size: Double? = nil, weight: Int? = nil
    ) {
        let fontSize = size ?? 12
        body += "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y + fontSize / 3))\""
        if anchor != .start { body += " text-anchor=\"\(anchor.rawValue)\"" }
        if let name { body += " class=\"\(name)\"" }
        if size != nil || weight != nil {
            body += " style=\""
            if let size { body += "font-size:\(Self.number(size))px;" }
            if let weight { body += "font-weight:\(weight);" }
            body += "\""
        }
        body += ">\(HTMLText.escape(content))</text>"
    }

    /// Appends a group of elements under a tooltip shared by all of them.
    mutating func group(tooltip: String, _ draw: (inout SVGCanvas) -> Void) {
        var inner = SVGCanvas(width: width, height: height)
        draw(&inner)
        body += "<g><title>\(HTMLText.escape(tooltip))</title>\(inner.body)</g>"
    }

    /// The drawing as an `<svg>` element with an accessible label, scaled to its container's width.
    func svg(label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\""
            + " role=\"img\" aria-label=\"\(HTMLText.escape(label))\">\(body)</svg>"
    }

    /// The rough width of `text` in a system sans-serif at `size`, for layout (no font metrics).
    static func textWidth(_ text: String, size: Double = 12) -> Double {
        Double(text.count) * size * 0.58
    }

    /// `text` cut to at most `width` user units, with an ellipsis when cut.
    static func fit(_ text: String, width: Double, size: Double = 12) -> String {
        guard textWidth(text, size: size) > width else { return text }
        let keep = max(1, Int(width / (size * 0.58)) - 1)
        return String(text.prefix(keep)) + "…"
    }

    /// A coordinate with at most one decimal (`12`, `12.5`, `-3.2`); `0` when not finite.
    static func number(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "0" }
        let tenths = Int64((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        let whole = String(magnitude / 10)
        return magnitude % 10 == 0 ? sign + whole : sign + whole + "." + String(magnitude % 10)
    }
}
