import Benchmark
import TokenomicsCore

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .throughput],
        scalingFactor: .kilo, maxDuration: .seconds(5), maxIterations: 30)

    Benchmark("parse simulated OpenAI responses (1k lines)") { benchmark in
        let lines = simulatedLines(count: 1000, format: .openai)
        let document = JSONDocument()
        benchmark.startMeasurement()
        for line in lines {
            blackHole(try? document.parse(bytes: line))
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
