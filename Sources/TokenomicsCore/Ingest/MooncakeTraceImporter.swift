import Foundation

/// Reads the Mooncake conversation trace (Qin et al., FAST 2025), JSON Lines of
/// `{"timestamp": ms, "input_length": n, "output_length": m, "hash_ids": [...]}`, and replays it
/// through a simulated prefix cache to split each prompt into cache reads and fresh input.
///
/// `hash_ids` are the hashes of the prompt's 512-token blocks; equal ids are a reusable prefix.
/// The leading run of a request's blocks that earlier requests already brought into the cache is
/// a cache read:
/// - `C = min(input_length, run × 512)` (the last block of a prompt is usually partial),
/// - `I = input_length − C`, `O = output_length`; nothing is written (`W = 0`), nothing hidden.
///
/// The run is computed before the request's own blocks enter the cache, so repeats inside one
/// request are not hits. The cache is unlimited by default; with
/// ``ImportOptions/prefixCacheBlocks`` = N it keeps the N most recently used blocks
/// (see ``PrefixBlockCache``). The importer is stateful: read a trace's lines in order, with one
/// importer per trace.
///
/// Times are ``ImportOptions/traceStart`` (or the moment the importer was made) plus the
/// record's milliseconds. The trace names no model: ``ImportOptions/defaultModel`` is required.
/// Ids are ``RecordContext/lineQualifiedHashID``, so identical lines stay distinct events while a
/// re-read of the same file gives the same ids.
public struct MooncakeTraceImporter: JSONUsageImporter {
    /// The tokens in one prefix block of the trace.
    public static let blockSize: Int64 = 512

    /// Always ``SourceFormat/mooncakeTrace``.
    public var format: SourceFormat { .mooncakeTrace }

    /// The simulated prefix cache, as left by the records read so far.
    public private(set) var cache: PrefixBlockCache

    private let start: Date
    private let model: String?
    private let provider: String

    /// Creates an importer for one trace.
    ///
    /// - Parameters:
    ///   - options: the model (required to read records), provider, cache capacity and start time.
    ///   - now: the start time used when `options.traceStart` is `nil` (default: now, taken once).
    public init(options: ImportOptions, now: Date = Date()) {
        self.start = options.traceStart ?? now
        self.model = options.defaultModel
        self.provider = options.defaultProvider ?? "unknown"
        self.cache = PrefixBlockCache(capacity: options.prefixCacheBlocks)
    }

    /// Whether the record is a trace record: `hash_ids` array with `input_length` and `output_length`.
    public func matches(_ record: JSONValue) -> Bool {
        record["hash_ids"]?.kind == .array && record["input_length"] != nil && record["output_length"] != nil
    }

    /// Appends the record's event and advances the simulated cache.
    ///
    /// - Throws: ``IngestIssue`` for a missing model, a bad count, timestamp or block id (naming
    ///   the field); the cache is left untouched then.
    public mutating func read(_ record: JSONValue, context: RecordContext, into events: inout UsageEvents)
        throws(IngestIssue)
    {
        guard let model else {
            throw IngestIssue(.missingField, field: "model", "the Mooncake trace names no model: use --model")
        }
        guard let input = try record.count("input_length") else {
            throw IngestIssue(.missingField, field: "input_length", "required field is missing")
        }
        guard let output = try record.count("output_length") else {
            throw IngestIssue(.missingField, field: "output_length", "required field is missing")
        }
        guard let stamp = record["timestamp"], !stamp.isNull else {
            throw IngestIssue(.missingField, field: "timestamp", "required field is missing")
        }
        guard stamp.kind == .number, let milliseconds = stamp.double, milliseconds.isFinite else {
            throw IngestIssue(.invalidValue, field: "timestamp", "expected milliseconds from the trace start")
        }
        var blocks: [Int64] = []
        for (index, element) in (record["hash_ids"]?.elements ?? []).enumerated() {
            guard let block = element.int64 else {
                throw IngestIssue(
                    .invalidValue, field: "hash_ids[\(index)]",
                    "expected an integer block id, found \(element.jsonText)")
            }
            blocks.append(block)
        }
        let run = Int64(cache.hitRun(blocks))
        cache.touch(blocks)
        let cacheRead = min(input, run * Self.blockSize)
        events.append(
            UsageEvent(
                id: context.lineQualifiedHashID, timestamp: start.addingTimeInterval(milliseconds / 1000),
                provider: provider, model: model, operation: "chat",
                tokens: TokenCounts(input: input - cacheRead, cacheRead: cacheRead, output: output)))
    }
}
