import ArgumentParser
import TokenomicsCore

/// `tokenomics simulate`: generators of realistic data.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate", abstract: "Generate realistic, reproducible usage data.",
        subcommands: [SimulateUsage.self])
}

/// `tokenomics simulate usage`: provider responses as JSON Lines.
struct SimulateUsage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "usage",
        abstract: "Write N realistic provider responses as JSON Lines (same seed, same bytes).")

    @Option(help: "How many responses to write.") var count: Int = 1000
    @Option(help: "The random seed.") var seed: UInt64 = 1
    @Option(help: "Response shape: openai, anthropic, gemini or mixed.") var format: String = "mixed"
    @Option(help: "Write to this file instead of standard output.") var out: String?

    func validate() throws {
        guard count >= 0 else { throw ValidationError("--count must be zero or more") }
        guard UsageSimulator.Format(rawValue: format) != nil else {
            throw ValidationError("--format must be one of openai, anthropic, gemini, mixed (got '\(format)')")
        }
    }

    func run() throws {
        guard let shape = UsageSimulator.Format(rawValue: format) else { return }
        var simulator = UsageSimulator(seed: seed, format: shape, count: count)
        var sink = try OutputSink(path: out)
        for _ in 0..<count {
            sink.writeLine { simulator.writeNext(to: &$0) }
        }
        sink.close()
    }
}
