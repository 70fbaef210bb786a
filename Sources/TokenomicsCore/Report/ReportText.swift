import Foundation

/// Number formatting and column alignment for text reports.
enum ReportText {
    /// Dollars for reading: cents from $1 up, more places below (exact figures are in JSON/CSV).
    static func dollars(_ amount: Money) -> String {
        guard amount != .zero else { return "$0.00" }
        let magnitude = amount.attodollars.magnitude
        let places = magnitude >= UInt128(Money.scale) ? 2 : magnitude >= UInt128(Money.scale / 100) ? 4 : 6
        let rounded = amount.rounded(toPlaces: places)
        let text = rounded.decimalString(minimumFractionDigits: places)
        let negative = text.hasPrefix("-")
        return (negative ? "-$" : "$") + HTMLText.grouped(String(text.dropFirst(negative ? 1 : 0)))
    }

    /// An integer with thousands separators.
    static func count(_ value: Int64) -> String { HTMLText.count(value) }

    /// A share as a percentage with one decimal, or "—" when undefined.
    static func percent(_ share: Double?) -> String {
        share.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
    }

    /// A bucket's label: the date (and hour for hourly buckets), UTC.
    static func bucketLabel(_ start: Date, _ bucket: TimeBucket) -> String {
        let text = Timestamp.rfc3339(start)
        switch bucket {
        case .fiveMinutes: return String(text.prefix(16))
        case .hour: return String(text.prefix(13)) + ":00"
        case .day, .week: return String(text.prefix(10))
        case .month: return String(text.prefix(7))
        }
    }

    /// Rows as aligned lines: the first `leftColumns` left-aligned, the rest right-aligned, with a
    /// rule under the header row.
    static func align(_ rows: [[String]], leftColumns: Int) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        var lines: [String] = []
        for (number, row) in rows.enumerated() {
            let cells = row.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return index < leftColumns ? cell + pad : pad + cell
            }
            lines.append(
                cells.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
            if number == 0 {
                lines.append(String(repeating: "-", count: widths.reduce(0, +) + 2 * max(0, columns - 1)))
            }
        }
        return lines
    }
}
