import Foundation

/// Reading the cells of a CSV row with the same checks ``JSONValue/countValue(path:)`` applies to
/// JSON counts: every issue names the column it came from.
public enum CSVField {
    /// Reads a token count from a cell, or `nil` when the cell is empty.
    ///
    /// - Parameters:
    ///   - cell: the cell text (surrounding spaces are ignored).
    ///   - column: the column name, for the issue.
    /// - Returns: the count, or `nil` for an empty cell.
    /// - Throws: ``IngestIssue`` for a negative, fractional, absurd (above 10¹²) or non-numeric count.
    public static func count(_ cell: Substring, column: String) throws(IngestIssue) -> Int64? {
        let text = cell.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        if let value = Int64(text) {
            if value < 0 { throw IngestIssue(.negativeCount, field: column, "negative token count \(value)") }
            if value > JSONValue.maximumCount {
                throw IngestIssue(.absurdCount, field: column, "token count \(value) is above 10^12")
            }
            return value
        }
        guard let number = Double(text), number.isFinite else {
            throw IngestIssue(.invalidValue, field: column, "expected a token count, found '\(text)'")
        }
        if number < 0 { throw IngestIssue(.negativeCount, field: column, "negative token count \(text)") }
        if number > Double(JSONValue.maximumCount) {
            throw IngestIssue(.absurdCount, field: column, "token count \(text) is above 10^12")
        }
        if number.rounded() == number { return Int64(number) }
        throw IngestIssue(.nonIntegerCount, field: column, "token count \(text) is not a whole number")
    }

    /// Reads a date-time cell: RFC 3339 / ISO 8601 text or a Unix epoch number (unit guessed by
    /// ``Timestamp/fromEpoch(_:)``), or `nil` when the cell is empty.
    ///
    /// - Throws: ``IngestIssue`` (`invalid_value`) naming `column` when the cell is neither.
    public static func date(_ cell: Substring, column: String) throws(IngestIssue) -> Date? {
        let text = cell.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        if let date = Timestamp.parse(text) { return date }
        if let number = Double(text), number.isFinite { return Timestamp.fromEpoch(number) }
        throw IngestIssue(.invalidValue, field: column, "not an RFC 3339 time or Unix epoch number: '\(text)'")
    }

    /// Reads a floating-point cell (durations, quality scores), or `nil` when empty.
    ///
    /// - Throws: ``IngestIssue`` (`invalid_value`) naming `column` when the cell is not a number.
    public static func double(_ cell: Substring, column: String) throws(IngestIssue) -> Double? {
        let text = cell.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        guard let number = Double(text), number.isFinite else {
            throw IngestIssue(.invalidValue, field: column, "expected a number, found '\(text)'")
        }
        return number
    }

    /// Reads a boolean cell (`true`/`false`, `yes`/`no`, `1`/`0`, case-insensitive), or `nil` when empty.
    ///
    /// - Throws: ``IngestIssue`` (`invalid_value`) naming `column` for any other text.
    public static func bool(_ cell: Substring, column: String) throws(IngestIssue) -> Bool? {
        let text = cell.trimmingCharacters(in: .whitespaces).lowercased()
        switch text {
        case "": return nil
        case "true", "yes", "y", "1", "t": return true
        case "false", "no", "n", "0", "f": return false
        default: throw IngestIssue(.invalidValue, field: column, "expected true or false, found '\(text)'")
        }
    }
}

extension RecordContext {
    /// A stable id for a record with no id of its own, distinct for identical records on different
    /// lines: the content hash of the record's text followed by `#` and its line number.
    ///
    /// The public traces repeat identical rows (same time, same lengths); a plain content hash
    /// would merge them into one event. Re-reading the same file gives the same ids; appending
    /// rows to a file keeps the ids of the earlier rows.
    public var lineQualifiedHashID: String {
        UsageEvent.contentHashID(Array(raw) + Array("#\(line)".utf8))
    }
}
