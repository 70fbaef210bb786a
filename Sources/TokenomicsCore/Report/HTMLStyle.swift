/// The look of the HTML report: its style sheet (system fonts, no downloads) and a fixed
/// colour-blind-safe palette (Okabe and Ito's, with a darker yellow that holds up on white).
enum HTMLStyle {
    /// Colours for series, in order; series past the last reuse them from the start.
    static let palette = [
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#B8A000", "#332288", "#882255",
        "#44AA99",
    ]

    /// The colour of the "other" series (the groups beyond the top).
    static let other = "#A0A4AB"

    /// The colour of the series at `index`.
    static func colour(_ index: Int) -> String { palette[index % palette.count] }

    /// The colour of a token class, the same in every chart.
    static func colour(_ tokenClass: TokenClass) -> String {
        switch tokenClass {
        case .input: "#0072B2"
        case .cacheRead: "#009E73"
        case .cacheWrite: "#56B4E9"
        case .retrieval: "#CC79A7"
        case .output: "#E69F00"
        case .reasoning: "#D55E00"
        }
    }

    /// The report's style sheet.
    static let css = """
        :root { color-scheme: light; --ink: #1d2330; --muted: #5b6372; --line: #e3e6ec; --card: #ffffff;
          --page: #f4f6f9; --accent: #0072B2; --warn: #8a4b00; --warn-bg: #fff4e0; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--page); color: var(--ink);
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1180px; margin: 0 auto; padding: 28px 24px 48px; }
        header h1 { font-size: 26px; margin: 0 0 6px; letter-spacing: -0.01em; }
        header .meta { color: var(--muted); font-size: 13px; display: flex; flex-wrap: wrap; gap: 4px 18px; }
        header .meta b { color: var(--ink); font-weight: 600; }
        h2 { font-size: 17px; margin: 0 0 4px; }
        p.sub { color: var(--muted); font-size: 13px; margin: 0 0 14px; }
        .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px;
          margin: 22px 0; }
        .figure { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
        .figure .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; }
        .figure .value { font-size: 24px; font-weight: 650; margin-top: 2px; font-variant-numeric: tabular-nums; }
        .figure .note { color: var(--muted); font-size: 12px; }
        .warning { background: var(--warn-bg); color: var(--warn); border: 1px solid #f0d3a0; border-radius: 10px;
          padding: 10px 14px; margin: 0 0 16px; font-size: 14px; }
        .empty { background: var(--card); border: 1px dashed var(--line); border-radius: 10px; padding: 28px;
          text-align: center; color: var(--muted); }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(460px, 100%), 1fr)); gap: 16px;
          margin-bottom: 16px; }
        section.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
          padding: 18px 20px; margin-bottom: 16px; }
        .grid section.card { margin-bottom: 0; }
        svg { display: block; width: 100%; height: auto; overflow: visible; }
        svg text { font-family: inherit; fill: var(--ink); }
        svg .tick { fill: var(--muted); font-size: 12px; }
        svg .axis { stroke: #b7bdc8; stroke-width: 1; }
        svg .gridline { stroke: var(--line); stroke-width: 1; }
        svg .inside { fill: #ffffff; font-size: 12px; font-weight: 600; }
        svg rect:hover, svg path:hover { opacity: 0.82; }
        ul.legend { list-style: none; margin: 10px 0 0; padding: 0; display: flex; flex-wrap: wrap;
          gap: 6px 18px; font-size: 13px; }
        ul.legend li { display: flex; align-items: center; gap: 6px; }
        ul.legend .swatch { width: 12px; height: 12px; border-radius: 3px; display: inline-block; flex: none; }
        ul.legend .amount { color: var(--muted); font-variant-numeric: tabular-nums; }
        .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(420px, 100%), 1fr)); gap: 8px 28px; }
        .pair h3 { font-size: 14px; margin: 4px 0 6px; color: var(--muted); font-weight: 600; }
        dl.facts { display: grid; grid-template-columns: auto 1fr; gap: 4px 16px; margin: 0 0 14px; font-size: 14px; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; font-variant-numeric: tabular-nums; font-weight: 600; }
        table { width: 100%; border-collapse: collapse; font-size: 14px; font-variant-numeric: tabular-nums; }
        th, td { padding: 7px 8px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
        th { font-size: 11px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em;
          font-weight: 600; white-space: normal; vertical-align: bottom; }
        th.key { text-align: left; }
        td.key { text-align: left; max-width: 260px; overflow: hidden; text-overflow: ellipsis; }
        tr.rest td { color: var(--muted); font-style: italic; }
        tr.total td { font-weight: 650; border-top: 2px solid var(--line); }
        td .track { display: inline-block; width: 48px; height: 8px; border-radius: 4px; background: #e9edf3;
          vertical-align: middle; margin-right: 8px; overflow: hidden; }
        td .share { display: block; height: 8px; background: var(--accent); opacity: 0.8; }
        .scroll { overflow-x: auto; }
        footer { color: var(--muted); font-size: 12px; margin-top: 24px; }
        @media print { body { background: #ffffff; } section.card, .figure { break-inside: avoid; } }
        """
}
