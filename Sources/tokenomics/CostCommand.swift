import ArgumentParser
import Foundation
import TokenomicsCore

/// `tokenomics cost`: price usage files as they stream by.
struct CostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost",
        abstract: "Price provider usage exactly, streaming one priced event per input event.",
        discussion: """
            Reads JSON Lines, JSON documents or CSV (format detected per record): OpenAI, Anthropic, \
            Gemini, Bedrock responses, OTLP GenAI spans, LiteLLM spend logs, the Azure and Mooncake \
            traces, and Tokenomics events. Problems go to standard error as one line each (file, line, \
            field); the exit status is 0 only when every line was priced, 1 otherwise, 64 for usage errors.
            """)

    @Argument(help: "Usage files to read ('-' or none for standard input).") var files: [String] = []
    @OptionGroup var input: InputOptions
    @Option(help: "Output format: jsonl, table or csv.") var format: CostFormat = .jsonl
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @Flag(help: "Stop at the first line that cannot be read or priced.") var strict = false

    func run() throws {
        let catalog = try input.loadCatalog()
        let engine = CostEngine(catalog: catalog)
        var sink = try OutputSink(path: out)
        var writer = CostWriter(format: format)
        var tally = CostTally()
        writer.begin(into: &sink)
        var stopped = false
        for path in files.isEmpty ? ["-"] : files where !stopped {
            let source = try LineSource(path: path)
            var stream = CostStream(source: path, options: try input.importOptions(), engine: engine)
            var currentLine = 0
            let emit = { (priced: borrowing PricedEvent) in
                writer.write(priced, into: &sink)
                tally.count(priced, source: path, line: currentLine)
            }
            try source.forEachLine { line, number, _ in
                tally.lines += 1
                currentLine = number
                let before = tally.problems
                for issue in stream.process(line: line, number: number, { emit($0) }) { tally.reject(issue) }
                if strict && tally.problems > before {
                    stopped = true
                    return false
                }
                return true
            }
            for issue in stream.finish({ emit($0) }) { tally.reject(issue) }
        }
        writer.end(into: &sink, tally: tally)
        sink.close()
        tally.printSummary(command: "cost")
        if tally.problems > 0 { throw ExitCode(1) }
    }
}

/// The output formats of `tokenomics cost`.
enum CostFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, table, csv
}
