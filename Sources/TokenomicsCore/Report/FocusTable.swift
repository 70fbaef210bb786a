/// The rows of a FOCUS export and its summary; ``csv()`` writes them.
public struct FocusTable: Sendable, Hashable {
    /// The rows.
    public var rows: [FocusRow]
    /// What was written and what was left out.
    public var summary: FocusSummary

    /// Creates a table.
    public init(rows: [FocusRow], summary: FocusSummary) {
        self.rows = rows
        self.summary = summary
    }

    /// The header line's fields: every ``FocusColumn``'s id.
    public static var header: [String] { FocusColumn.allCases.map(\.rawValue) }

    /// The table as CSV: a header line, then one line per row, each ended by CRLF (RFC 4180).
    ///
    /// A field holding a comma, a double quote or a line break is enclosed in double quotes, with
    /// its quotes doubled; a null is an empty field.
    ///
    /// - Complexity: O(total length of the fields).
    public func csv() -> String {
        var text = ""
        text.reserveCapacity(256 * (rows.count + 1))
        append(Self.header, to: &text)
        for row in rows { append(row.values, to: &text) }
        return text
    }

    private func append(_ fields: [String?], to text: inout String) {
        for (index, field) in fields.enumerated() {
            if index > 0 { text += "," }
            if let field { text += CSVRow.escape(field) }
        }
        text += "\r\n"
    }
}
