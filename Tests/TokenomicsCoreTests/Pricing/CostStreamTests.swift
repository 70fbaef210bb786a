import Foundation
import Testing
import TokenomicsData

@testable import TokenomicsCore

@Suite("CostStream")
struct CostStreamTests {
    @Test("the stream's own model cache prices every event exactly as the shared engine does")
    func cacheAgreesWithEngine() throws {
        let engine = CostEngine(catalog: try BuiltinData.catalog())
        let now = Date(timeIntervalSince1970: 1_760_000_000)
        var simulator = UsageSimulator(seed: 11, format: .mixed, count: 600)
        var lines: [[UInt8]] = []
        for _ in 0..<600 {
            var writer = JSONWriter()
            simulator.writeNext(to: &writer)
            lines.append(writer.bytes)
        }
        // Names the cache must not confuse with the simulated ones: unknown, prefixed and dated.
        for model in ["no-such-model", "openai/gpt-4o", "gpt-4o-2024-08-06", "gpt-4o"] {
            lines.append(Array(#"{"model": "\#(model)", "usage": {"prompt_tokens": 10, "completion_tokens": 5}}"#.utf8))
        }
        var stream = CostStream(source: "test", options: ImportOptions(), engine: engine, now: now)
        var reader = UsageReader(source: "test")
        var streamed: [PricedEvent] = []
        var direct: [PricedEvent] = []
        for (offset, line) in lines.enumerated() {
            let issues = stream.process(line: line[...], number: offset + 1) { streamed.append(copy $0) }
            #expect(issues.isEmpty)
            var events = UsageEvents()
            _ = reader.read(line: line[...], number: offset + 1, into: &events)
            direct += events.map { engine.price($0, now: now) }
        }
        #expect(streamed.count == lines.count)
        #expect(streamed == direct)
        #expect(streamed.filter { !$0.isPriced }.map(\.event.model) == ["no-such-model"])
        #expect(Set(streamed.compactMap(\.event.pricedModel)).count > 5)
    }

    @Test("a line of several events prices each in order, whether the event before was priced or not")
    func severalEventsPerLine() throws {
        let engine = CostEngine(catalog: try BuiltinData.catalog())
        let now = Date(timeIntervalSince1970: 1_760_000_000)
        func record(_ id: String, _ model: String) -> String {
            #"{"id":"\#(id)","model":"\#(model)","usage":{"prompt_tokens":10,"completion_tokens":5}}"#
        }
        let lines = [
            "["
                + [record("a", "no-such-model"), record("b", "gpt-4o"), record("c", "no-such-model")].joined(
                    separator: ",")
                + "]",
            "[" + [record("d", "gpt-4o-mini"), record("e", "gpt-4o")].joined(separator: ",") + "]",
            record("f", "no-such-model"),
        ]
        var stream = CostStream(source: "test", options: ImportOptions(), engine: engine, now: now)
        var reader = UsageReader(source: "test")
        var streamed: [PricedEvent] = []
        var direct: [PricedEvent] = []
        for (offset, line) in lines.enumerated() {
            let issues = stream.process(line: Array(line.utf8)[...], number: offset + 1) { streamed.append(copy $0) }
            #expect(issues.isEmpty)
            var events = UsageEvents()
            _ = reader.read(line: Array(line.utf8)[...], number: offset + 1, into: &events)
            direct += events.map { engine.price($0, now: now) }
        }
        #expect(streamed == direct)
        #expect(streamed.map(\.event.id) == ["a", "b", "c", "d", "e", "f"])
        #expect(streamed.map(\.isPriced) == [false, true, false, true, true, false])
        #expect(streamed.map { $0.issue == nil } == [false, true, false, true, true, false])
        #expect(streamed.map(\.event.pricedModel) == [nil, "gpt-4o", nil, "gpt-4o-mini", "gpt-4o", nil])
    }
}
