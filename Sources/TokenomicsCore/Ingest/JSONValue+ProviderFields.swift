import Foundation

/// Field readers shared by the provider-response importers: required counts, service tiers,
/// timestamps and the checks that keep a provider's nested counts consistent.
extension JSONValue {
    /// Reads a count that must be present.
    ///
    /// - Parameters:
    ///   - key: the member name.
    ///   - path: the field's full path for the error message.
    /// - Throws: ``IngestIssue`` when the member is absent or `null` (`.missingField`) or not a valid count.
    func requiredCount(_ key: String, path: String) throws(IngestIssue) -> Int64 {
        try Self.requiredCount(self[key], path: path)
    }

    /// Reads a count that must be present from a member's value (see ``requiredCount(_:path:)``).
    @inline(__always)
    static func requiredCount(_ value: JSONValue?, path: String) throws(IngestIssue) -> Int64 {
        guard let value = try count(value, path: path) else {
            throw IngestIssue(.missingField, field: path, "required token count is missing")
        }
        return value
    }

    /// Reads a service tier by the provider's name for it; absent or `null` gives `standard`.
    ///
    /// The common names are matched on their bytes; others go through ``ServiceTier/init(providerName:)``.
    ///
    /// - Throws: ``IngestIssue`` (`.invalidValue`) for a name that is not a known tier.
    func serviceTier(_ key: String, path: String) throws(IngestIssue) -> ServiceTier {
        try Self.serviceTier(self[key], path: path)
    }

    /// Reads a service tier from a member's value (see ``serviceTier(_:path:)``).
    static func serviceTier(_ value: JSONValue?, path: String) throws(IngestIssue) -> ServiceTier {
        guard let value, !value.isNull else { return .standard }
        if value.kind == .string, let tier = value.withUTF8(ServiceTier.init(commonName:)) { return tier }
        guard let name = value.string else {
            throw IngestIssue(.invalidValue, field: path, "expected a service tier name, found \(value.kindName)")
        }
        guard let tier = ServiceTier(providerName: name) else {
            throw IngestIssue(.invalidValue, field: path, "unknown service tier '\(name)'")
        }
        return tier
    }

    /// Reads a time given as Unix epoch seconds (or milliseconds, …: see ``Timestamp/fromEpoch(_:)``)
    /// or as RFC 3339 text; absent or `null` gives `nil`.
    ///
    /// - Throws: ``IngestIssue`` (`.invalidValue`) for any other value.
    func date(_ key: String, path: String) throws(IngestIssue) -> Date? {
        try Self.date(self[key], path: path)
    }

    /// Reads a time from a member's value (see ``date(_:path:)``).
    static func date(_ value: JSONValue?, path: String) throws(IngestIssue) -> Date? {
        guard let value, !value.isNull else { return nil }
        // Whole numbers (the usual epoch seconds) are read without creating a string.
        if let whole = value.int64 { return Timestamp.fromEpoch(Double(whole)) }
        if value.kind == .number, let seconds = value.double { return Timestamp.fromEpoch(seconds) }
        if let text = value.string, let date = Timestamp.parse(text) { return date }
        throw IngestIssue(.invalidValue, field: path, "not a Unix epoch number or RFC 3339 time: \(value.jsonText)")
    }

    /// The model named at `key`, else the import's default model.
    ///
    /// - Throws: ``IngestIssue`` (`.missingField`) when neither is given, or `.invalidValue` for a non-string.
    func model(_ key: String, path: String, context: RecordContext) throws(IngestIssue) -> String {
        try Self.model(self[key], path: path, context: context)
    }

    /// Reads a model name from a member's value (see ``model(_:path:context:)``).
    static func model(_ value: JSONValue?, path: String, context: RecordContext) throws(IngestIssue) -> String {
        if let value, !value.isNull {
            guard let name = value.string(interning: context.strings) else {
                throw IngestIssue(.invalidValue, field: path, "expected a model name, found \(value.kindName)")
            }
            return name
        }
        guard let fallback = context.options.defaultModel else {
            throw IngestIssue(.missingField, field: path, "the record names no model; give one with --model")
        }
        return fallback
    }
}

/// Checks that parts a provider reports inside a total do not exceed it.
enum CountSplit {
    /// The remainder `whole − part`.
    ///
    /// - Throws: ``IngestIssue`` (`.invalidValue`) naming `partPath` when `part > whole`.
    static func remainder(
        _ whole: Int64, minus part: Int64, partPath: String, wholePath: String
    ) throws(IngestIssue) -> Int64 {
        guard part <= whole else {
            throw IngestIssue(
                .invalidValue, field: partPath, "\(part) is larger than \(wholePath) (\(whole)), which includes it")
        }
        return whole - part
    }
}

extension ServiceTier {
    /// The tier of one of the names providers commonly write (`default`, `auto`, `flex`, `scale`, …),
    /// matched on its bytes; `nil` for any other name.
    @inline(__always)
    fileprivate init?(commonName name: UnsafeBufferPointer<UInt8>) {
        switch name.count {
        case 4 where name.equals("auto"): self = .standard
        case 4 where name.equals("flex"): self = .flex
        case 5 where name.equals("scale"): self = .priority
        case 5 where name.equals("batch"): self = .batch
        case 7 where name.equals("default"): self = .standard
        case 8 where name.equals("standard"): self = .standard
        case 8 where name.equals("priority"): self = .priority
        default: return nil
        }
    }
}
