import Benchmark
import Foundation
import TokenomicsCore
import TokenomicsData

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .throughput],
        scalingFactor: .kilo, maxDuration: .seconds(10), maxIterations: 20)

    // 1,000 simulated OpenAI chat responses a scaled iteration: the metrics read per event.
    let openAI = simulatedLines(count: 10_000, format: .openai)
    let engine: CostEngine? = (try? BuiltinData.catalog()).map { CostEngine(catalog: $0) }

    Benchmark("cost: read → normalize → price → write JSONL (OpenAI chat)") { benchmark in
        guard let engine else { return }
        var stream = CostStream(source: "bench", options: ImportOptions(), engine: engine)
        var writer = JSONWriter(capacity: 1 << 20)
        var line = 0
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let bytes = openAI[line % openAI.count]
            line += 1
            _ = stream.process(line: bytes[...], number: line) { priced in
                priced.writeJSON(to: &writer)
                writer.endLine()
            }
            // What the CLI does when its output buffer is full: hand it to write(2), start again.
            if writer.count > 1 << 19 { writer.reset() }
        }
        blackHole(writer.count)
    }

    Benchmark("parse only: JSON tape of an OpenAI chat response") { benchmark in
        let document = JSONDocument()
        var line = 0
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try? document.parse(bytes: openAI[line % openAI.count]))
            line += 1
        }
    }
}

/// `count` simulated responses, one byte array a line.
func simulatedLines(count: Int, format: UsageSimulator.Format) -> [[UInt8]] {
    var simulator = UsageSimulator(seed: 42, format: format, count: count)
    var writer = JSONWriter()
    return (0..<count).map { _ in
        writer.reset()
        simulator.writeNext(to: &writer)
        return writer.bytes
    }
}
