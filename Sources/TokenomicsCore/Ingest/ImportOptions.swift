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
///
/// What is fixed for a stream (its source name, options and shared tables) is kept in one object
/// that the contexts of all its records share: a context is four words to set and hand over for
/// each record.
public struct RecordContext {
    /// The one-based line number of the record.
    public var line: Int
    /// The raw bytes of the record (for content-hash ids). They are the reader's buffer, neither
    /// copied nor retained: valid only during the call that the context is handed to.
    public var raw: UnsafeBufferPointer<UInt8>
    /// What is fixed for the stream.
    private let stream: Stream

    /// The source name (file path or `-`).
    public var source: String { stream.source }
    /// The options of the import.
    public var options: ImportOptions { stream.options }
    /// The stream's shared strings, for names that repeat from record to record.
    public var strings: StringInterner { stream.strings }
    /// The stream's shared attributions, for metadata that repeats from record to record.
    public var attributions: AttributionCache { stream.attributions }

    /// Creates the context of one record.
    ///
    /// - Parameters:
    ///   - raw: the record's bytes, which must stay valid while the context is used.
    ///   - strings: the stream's interner (default: a new one, for a record read alone).
    ///   - attributions: the stream's attribution cache (default: a new one).
    public init(
        source: String, line: Int, raw: UnsafeBufferPointer<UInt8>, options: ImportOptions,
        strings: StringInterner = StringInterner(), attributions: AttributionCache = AttributionCache()
    ) {
        self.line = line
        self.raw = raw
        stream = Stream(source: source, options: options, strings: strings, attributions: attributions)
    }

    /// A stable id for a record with none: a hash of its text (see ``UsageEvent/contentHashID(_:)``).
    public var contentHashID: String { UsageEvent.contentHashID(raw) }

    /// What the contexts of one stream's records share.
    private final class Stream {
        let source: String
        let options: ImportOptions
        let strings: StringInterner
        let attributions: AttributionCache

        init(source: String, options: ImportOptions, strings: StringInterner, attributions: AttributionCache) {
            self.source = source
            self.options = options
            self.strings = strings
            self.attributions = attributions
        }
    }
}
