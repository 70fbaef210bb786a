/// A record that could not be turned into usage, with what a user needs to fix it:
/// the source, the line, the field and what is wrong with it.
public struct IngestIssue: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of problem it is (stable names, used in quarantine and exit summaries).
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The text is not valid JSON / CSV.
        case malformed
        /// No importer recognises the record.
        case unknownFormat = "unknown_format"
        /// A required field is absent.
        case missingField = "missing_field"
        /// A token count is negative.
        case negativeCount = "negative_count"
        /// A token count is not a whole number.
        case nonIntegerCount = "non_integer_count"
        /// A token count is above 10¹², which no real call reaches.
        case absurdCount = "absurd_count"
        /// A field holds a value of the wrong type or an impossible value.
        case invalidValue = "invalid_value"
        /// The model is not in the price catalog.
        case unknownModel = "unknown_model"
        /// The catalog has the model but not a rate the event needs.
        case missingRate = "missing_rate"
    }

    /// The kind of problem.
    public var kind: Kind
    /// The file (or stream) name, when known.
    public var source: String?
    /// The one-based line number, when known.
    public var line: Int?
    /// The field at fault, as a JSON path or CSV column (`usage.prompt_tokens`).
    public var field: String?
    /// A sentence saying what is wrong.
    public var message: String

    /// Creates an issue.
    public init(_ kind: Kind, field: String? = nil, _ message: String, source: String? = nil, line: Int? = nil) {
        self.kind = kind
        self.field = field
        self.message = message
        self.source = source
        self.line = line
    }

    /// One line: `file:line: field: message`, leaving out what is unknown.
    public var description: String {
        var parts = ""
        if let source { parts += source }
        if let line { parts += (parts.isEmpty ? "line " : ":") + String(line) }
        if !parts.isEmpty { parts += ": " }
        if let field { parts += "field '\(field)': " }
        return parts + message
    }

    /// The same issue placed at a source and line.
    public func located(source: String?, line: Int?) -> IngestIssue {
        var copy = self
        if copy.source == nil { copy.source = source }
        if copy.line == nil { copy.line = line }
        return copy
    }
}
