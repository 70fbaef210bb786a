import Foundation
import Testing

@testable import TokenomicsCore

@Suite("MooncakeTraceImporter")
struct MooncakeTraceImporterTests {
    static let start = Date(timeIntervalSince1970: 1_740_830_400)
    static func options(blocks: Int? = nil) -> ImportOptions {
        ImportOptions(defaultModel: "kimi-k2", prefixCacheBlocks: blocks, traceStart: start)
    }
    static func line(_ input: Int, _ blocks: [Int], output: Int = 1, at milliseconds: Int = 0) -> String {
        let ids = blocks.map(String.init).joined(separator: ", ")
        return
            #"{"timestamp": \#(milliseconds), "input_length": \#(input), "output_length": \#(output), "hash_ids": [\#(ids)]}"#
    }

    @Test("hand-worked unlimited cache: a leading run of earlier blocks is read, capped at the input length")
    func handWorked() throws {
        let text = try IngestTestSupport.fixture("hand-worked", "jsonl", subdirectory: "Fixtures/json/mooncake")
        let (events, issues) = IngestTestSupport.read(text, options: Self.options())
        #expect(issues.isEmpty)
        // 1: nothing seen yet. 2: blocks 1, 2 seen → 2 × 512 = 1024 read, 276 fresh.
        // 3: run 2 → 1024, capped at the 700-token prompt. 4: block 5 repeats only within the request.
        #expect(events.map(\.tokens.cacheRead) == [0, 1024, 700, 0])
        #expect(events.map(\.tokens.input) == [1200, 276, 0, 600])
        #expect(events.map(\.tokens.output) == [10, 20, 30, 40])
        #expect(events.map(\.tokens.prompt) == [1200, 1300, 700, 600])
        let offsets = events.map { $0.timestamp?.timeIntervalSince(Self.start) ?? -1 }
        #expect(zip(offsets, [0, 0.25, 1, 1.5005]).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(events.allSatisfy { $0.model == "kimi-k2" && $0.provider == "unknown" && $0.operation == "chat" })
    }

    @Test("an LRU cache of 3 blocks evicts the least recently used block")
    func lruEviction() {
        // A request's blocks are touched last to first, so its leading (shared) block is the most recent.
        let lines = [
            Self.line(1536, [1, 2, 3]),  // miss; cache (most recent first) 1 2 3
            Self.line(512, [4]),  // miss; evicts 3 → 4 1 2
            Self.line(1024, [1, 2]),  // 1 and 2 held: 1024 read → 1 2 4
            Self.line(1536, [2, 1, 4]),  // all three held: 1536 read → 2 1 4
            Self.line(100, [3]),  // 3 was evicted: miss
        ]
        let text = lines.joined(separator: "\n")
        let lru = IngestTestSupport.read(text, options: Self.options(blocks: 3)).events
        #expect(lru.map(\.tokens.cacheRead) == [0, 0, 1024, 1536, 0])
        let unlimited = IngestTestSupport.read(text, options: Self.options()).events
        #expect(unlimited.map(\.tokens.cacheRead) == [0, 0, 1024, 1536, 100])
    }

    @Test("the prefix block cache keeps recency on hits and counts a run only from the first block")
    func prefixBlockCache() {
        var cache = PrefixBlockCache(capacity: 2)
        cache.touch([10, 20])
        #expect(cache.hitRun([10, 20, 30]) == 2)
        #expect(cache.hitRun([20, 10]) == 2)
        #expect(cache.hitRun([30, 10]) == 0)
        cache.touch([10])  // 10 most recent, 20 least
        cache.touch([30])  // evicts 20
        #expect(cache.contains(10) && cache.contains(30) && !cache.contains(20))
        #expect(cache.count == 2)
        var none = PrefixBlockCache(capacity: 0)
        none.touch([1])
        #expect(none.hitRun([1]) == 0)
    }

    @Test("identical lines are distinct events; re-reading the trace gives the same ids")
    func ids() {
        let text = [Self.line(10, [7]), Self.line(10, [7])].joined(separator: "\n")
        let first = IngestTestSupport.read(text, options: Self.options()).events.map(\.id)
        #expect(first.count == 2 && first[0] != first[1])
        #expect(IngestTestSupport.read(text, options: Self.options()).events.map(\.id) == first)
    }

    @Test("without a model every record is an issue naming model")
    func missingModel() throws {
        let issue = try #require(IngestTestSupport.read(Self.line(10, [1])).issues.first)
        #expect(issue.kind == .missingField)
        #expect(issue.field == "model")
    }

    @Test(
        "bad records are issues naming the field, and leave the cache untouched",
        arguments: [
            (#"{"timestamp": 0, "input_length": -1, "output_length": 1, "hash_ids": [1]}"#, "input_length"),
            (#"{"timestamp": 0, "input_length": 1, "output_length": 0.5, "hash_ids": [1]}"#, "output_length"),
            (#"{"timestamp": "soon", "input_length": 1, "output_length": 1, "hash_ids": [1]}"#, "timestamp"),
            (#"{"timestamp": 0, "input_length": 1, "output_length": 1, "hash_ids": [1, "x"]}"#, "hash_ids[1]"),
        ])
    func badRecords(record: String, field: String) throws {
        let text = record + "\n" + Self.line(512, [1])
        let (events, issues) = IngestTestSupport.read(text, options: Self.options())
        #expect(try #require(issues.first).field == field)
        #expect(events.count == 1)
        #expect(events.first?.tokens.cacheRead == 0)
    }

    @Test("without a trace start, times count from the moment the importer was made")
    func defaultStart() throws {
        let made = Date(timeIntervalSince1970: 1_000)
        var importer = MooncakeTraceImporter(options: ImportOptions(defaultModel: "m"), now: made)
        let document = JSONDocument()
        let line = Self.line(1, [1], at: 2_000)
        let record = try document.parse(line)
        var events = UsageEvents()
        try Array(line.utf8).withUnsafeBufferPointer { raw throws(IngestIssue) in
            let context = RecordContext(source: "t", line: 1, raw: raw, options: ImportOptions())
            try importer.read(record, context: context, into: &events)
        }
        #expect(events.first?.timestamp == Date(timeIntervalSince1970: 1_002))
    }
}
