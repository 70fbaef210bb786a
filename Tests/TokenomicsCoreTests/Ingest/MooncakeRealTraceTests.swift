import Foundation
import Testing

@testable import TokenomicsCore

@Suite("Mooncake conversation trace")
struct MooncakeRealTraceTests {
    /// Reads the whole real trace with a cache of `blocks` (unlimited when `nil`) and returns
    /// (events, issues, cache-read tokens, prompt tokens).
    static func replay(blocks: Int?) throws -> (events: Int, issues: Int, cacheRead: Int64, prompt: Int64) {
        let text = try IngestTestSupport.sharedLines("mooncake-conversation-trace.jsonl")
        let options = ImportOptions(
            defaultModel: "kimi", prefixCacheBlocks: blocks, traceStart: Date(timeIntervalSince1970: 0))
        let (events, issues) = IngestTestSupport.read(text, options: options)
        let cacheRead = events.reduce(0) { $0 + $1.tokens.cacheRead }
        let prompt = events.reduce(0) { $0 + $1.tokens.prompt }
        return (events.count, issues.count, cacheRead, prompt)
    }

    @Test("replays all 12,031 requests; a 10,000-block LRU cache hits less than an unlimited one")
    func cacheHitShares() throws {
        let unlimited = try Self.replay(blocks: nil)
        let limited = try Self.replay(blocks: 10_000)
        #expect(unlimited.events == 12_031)
        #expect(unlimited.issues == 0)
        #expect(limited.prompt == unlimited.prompt)
        #expect(limited.cacheRead <= unlimited.cacheRead)
        let unlimitedShare = Double(unlimited.cacheRead) / Double(unlimited.prompt)
        let limitedShare = Double(limited.cacheRead) / Double(limited.prompt)
        // Measured: 54,098,411 of 144,793,823 prompt tokens (37.4 %) unlimited; 31,238,981 (21.6 %) at 10,000 blocks.
        #expect(unlimited.prompt == 144_793_823)
        #expect(unlimited.cacheRead == 54_098_411)
        #expect(limited.cacheRead == 31_238_981)
        #expect(abs(unlimitedShare - 0.3736) < 1e-4)
        #expect(abs(limitedShare - 0.2157) < 1e-4)
    }
}
