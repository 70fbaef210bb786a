/// Reading token counts with the checks every importer needs: present or absent, never
/// negative, whole, and below 10¹².
extension JSONValue {
    /// The largest count accepted; anything above is a corrupted record, not a real call.
    public static let maximumCount: Int64 = 1_000_000_000_000

    /// Reads the count at `key`, or `nil` when the member is absent or `null`.
    ///
    /// - Parameters:
    ///   - key: the member name.
    ///   - path: the field's full path for the error message (default: `key`).
    /// - Throws: ``IngestIssue`` for a negative, fractional, absurd or non-numeric count.
    public func count(_ key: String, path: String? = nil) throws(IngestIssue) -> Int64? {
        try Self.count(self[key], path: path ?? key)
    }

    /// Reads a count from a member's value, or `nil` when it is absent or `null` (see ``count(_:path:)``).
    @inline(__always)
    public static func count(_ value: JSONValue?, path: String) throws(IngestIssue) -> Int64? {
        guard let value, !value.isNull else { return nil }
        return try value.countValue(path: path)
    }

    /// Reads this value as a token count (see ``count(_:path:)``).
    @inline(__always)
    public func countValue(path: String) throws(IngestIssue) -> Int64 {
        // The common case, a whole number in range, read in the caller: counts are most of a record.
        if let integer = int64, integer >= 0, integer <= Self.maximumCount { return integer }
        return try checkedCountValue(path: path)
    }

    /// ``countValue(path:)`` for any other value: counts written as strings, and the errors.
    private func checkedCountValue(path: String) throws(IngestIssue) -> Int64 {
        let number = self
        if kind == .string, let text = string, let parsed = Int64(text) {
            // Some gateways write counts as strings; accept whole numbers only.
            return try Self.checked(parsed, path: path)
        }
        guard number.kind == .number else {
            throw IngestIssue(.invalidValue, field: path, "expected a token count, found \(kindName)")
        }
        guard let integer = number.int64 else {
            let text = number.jsonText
            if text.hasPrefix("-") {
                throw IngestIssue(.negativeCount, field: path, "negative token count \(text)")
            }
            if let double = number.double, double > Double(Self.maximumCount) {
                throw IngestIssue(.absurdCount, field: path, "token count \(text) is above 10^12")
            }
            throw IngestIssue(.nonIntegerCount, field: path, "token count \(text) is not a whole number")
        }
        return try Self.checked(integer, path: path)
    }

    private static func checked(_ value: Int64, path: String) throws(IngestIssue) -> Int64 {
        if value < 0 { throw IngestIssue(.negativeCount, field: path, "negative token count \(value)") }
        if value > maximumCount {
            throw IngestIssue(.absurdCount, field: path, "token count \(value) is above 10^12")
        }
        return value
    }

    /// Reads a required string member.
    ///
    /// - Throws: ``IngestIssue`` when it is absent or not a string.
    public func requiredString(_ key: String, path: String? = nil) throws(IngestIssue) -> String {
        guard let value = self[key], !value.isNull else {
            throw IngestIssue(.missingField, field: path ?? key, "required field is missing")
        }
        guard let text = value.string else {
            throw IngestIssue(.invalidValue, field: path ?? key, "expected a string, found \(value.kindName)")
        }
        return text
    }

    /// A word for the value's kind, for messages.
    public var kindName: String {
        switch kind {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}
