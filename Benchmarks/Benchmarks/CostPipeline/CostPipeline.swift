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
    // The CLI hands the pipeline slices of one large read buffer; so does the pipeline benchmark.
    let (text, lineRanges) = concatenated(openAI)
    let engine: CostEngine? = (try? BuiltinData.catalog()).map { CostEngine(catalog: $0) }

    Benchmark("cost: read → normalize → price → write JSONL (OpenAI chat)") { benchmark in
        guard let engine else { return }
        var stream = CostStream(source: "bench", options: ImportOptions(), engine: engine)
        var writer = JSONWriter(capacity: 1 << 20)
        var lines = PricedEventLineWriter()
        var line = 0
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let range = lineRanges[line % lineRanges.count]
            line += 1
            // The same line writer `tokenomics cost` uses (record and newline in one reservation).
            _ = stream.process(line: text[range], number: line) { priced in lines.write(priced, to: &writer) }
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

/// The lines laid end to end in one buffer (newline-separated, as in a file), with each line's range.
func concatenated(_ lines: [[UInt8]]) -> (text: [UInt8], ranges: [Range<Int>]) {
    var text: [UInt8] = []
    var ranges: [Range<Int>] = []
    text.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
    for line in lines {
        ranges.append(text.count..<text.count + line.count)
        text.append(contentsOf: line)
        text.append(UInt8(ascii: "\n"))
    }
    return (text, ranges)
}
