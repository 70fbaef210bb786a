import Foundation
import TokenomicsCore

/// Writes priced events as JSON Lines, CSV or an aligned table.
struct CostWriter {
    let format: CostFormat
    private var lines = PricedEventLineWriter()

    init(format: CostFormat) { self.format = format }

    static let csvHeader =
        "id,timestamp,provider,model,priced_model,service_tier,input,cache_read,cache_write,retrieval,output,reasoning,"
        + "cost_usd,priced,reason\n"

    static let tableColumns: [(String, Int)] = [
        ("id", 24), ("model", 28), ("tier", 8), ("input", 9), ("cache_rd", 9), ("cache_wr", 9), ("output", 8),
        ("reasoning", 9), ("cost_usd", 14),
    ]

    mutating func begin(into sink: inout OutputSink) {
        switch format {
        case .jsonl: break
        case .csv: sink.write(Self.csvHeader)
        case .table:
            sink.write(Self.row(Self.tableColumns.map(\.0)) + "\n")
            sink.write(String(repeating: "-", count: Self.tableColumns.reduce(0) { $0 + $1.1 + 1 }) + "\n")
        }
    }

    mutating func write(_ priced: borrowing PricedEvent, into sink: inout OutputSink) {
        switch format {
        case .jsonl:
            sink.writeRecord { lines.write(priced, to: &$0) }
        case .csv:
            let event = priced.event
            let tokens = event.tokens
            var fields = [
                event.id, event.timestamp.map(Timestamp.rfc3339) ?? "", event.provider, event.model,
                event.pricedModel ?? "", priced.serviceTier.rawValue,
            ]
            fields += [tokens.input, tokens.cacheRead, tokens.cacheWrite, tokens.retrieval, tokens.output]
                .map { String($0) }
            fields.append(String(tokens.reasoning))
            fields += [priced.cost?.description ?? "", priced.isPriced ? "true" : "false", priced.issue?.message ?? ""]
            sink.write(fields.map(CSVRow.escape).joined(separator: ",") + "\n")
        case .table:
            let event = priced.event
            let tokens = event.tokens
            let cost = priced.cost.map { "$" + $0.rounded(toPlaces: 6).decimalString(minimumFractionDigits: 6) }
            sink.write(
                Self.row([
                    event.id, event.model, priced.serviceTier.rawValue, String(tokens.input), String(tokens.cacheRead),
                    String(tokens.cacheWrite), String(tokens.output), String(tokens.reasoning), cost ?? "UNPRICED",
                ]) + "\n")
        }
    }

    mutating func end(into sink: inout OutputSink, tally: CostTally) {
        guard format == .table else { return }
        sink.write(String(repeating: "-", count: Self.tableColumns.reduce(0) { $0 + $1.1 + 1 }) + "\n")
        let total = "$" + tally.total.rounded(toPlaces: 6).decimalString(minimumFractionDigits: 6)
        sink.write("\(tally.priced) priced events, total \(total)")
        if tally.unpriced > 0 { sink.write("; \(tally.unpriced) UNPRICED events are not in this total") }
        sink.write("\n")
    }

    /// One table row: text columns left-aligned (cut with … when too long), numbers right-aligned.
    static func row(_ cells: [String]) -> String {
        zip(cells, tableColumns).enumerated().map { index, pair in
            let (cell, (_, width)) = pair
            let text = cell.count > width ? String(cell.prefix(width - 1)) + "…" : cell
            let pad = String(repeating: " ", count: width - text.count)
            return index < 3 ? text + pad : pad + text
        }.joined(separator: " ")
    }
}
