import Foundation

/// Choices that apply to every record read from a source.
public struct ImportOptions: Sendable, Hashable {
    /// The model to use for records that carry none (the public traces, some CSVs).
    public var defaultModel: String?
    /// The provider to use with ``defaultModel`` (default: inferred by the catalog).
    public var defaultProvider: String?
    /// Tags added to every event's attribution (`--tag key=value`).
    public var tags: [String: String]
    /// The CSV column mapping: our field name → the file's column name (see ``MappedCSVImporter``).
    public var csvColumns: [String: String]
    /// For the Mooncake trace: the prefix cache's capacity in 512-token blocks (`nil`: unlimited).
    public var prefixCacheBlocks: Int?
    /// The time that relative trace timestamps (the Mooncake trace's milliseconds from its start)
    /// count from. `nil` means the moment the import started.
    public var traceStart: Date?

    /// Creates options; all are empty by default.
    public init(
        defaultModel: String? = nil, defaultProvider: String? = nil, tags: [String: String] = [:],
        csvColumns: [String: String] = [:], prefixCacheBlocks: Int? = nil, traceStart: Date? = nil
    ) {
        self.traceStart = traceStart
        self.defaultModel = defaultModel
        self.defaultProvider = defaultProvider
        self.tags = tags
        self.csvColumns = csvColumns
        self.prefixCacheBlocks = prefixCacheBlocks
    }
}

/// Where a record came from: handed to importers so that ids and issues can name it.
public struct RecordContext {
    /// The source name (file path or `-`).
    public var source: String
    /// The one-based line number of the record.
    public var line: Int
    /// The raw bytes of the record (for content-hash ids).
    public var raw: ArraySlice<UInt8>
    /// The options of the import.
    public var options: ImportOptions
    /// The stream's shared strings, for names that repeat from record to record.
    public let strings: StringInterner

    /// Creates the context of one record.
    ///
    /// - Parameter strings: the stream's interner (default: a new one, for a record read alone).
    public init(
        source: String, line: Int, raw: ArraySlice<UInt8>, options: ImportOptions,
        strings: StringInterner = StringInterner()
    ) {
        self.source = source
        self.line = line
        self.raw = raw
        self.options = options
        self.strings = strings
    }

    /// A stable id for a record with none: a hash of its text (see ``UsageEvent/contentHashID(_:)``).
    public var contentHashID: String { UsageEvent.contentHashID(raw) }
}
