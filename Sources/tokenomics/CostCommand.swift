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
        let options = try input.importOptions()
        var sink = try OutputSink(path: out)
        var writer = CostWriter(format: format)
        var tally = CostTally()
        writer.begin(into: &sink)
        // Read once: an argument's property wrapper costs hundreds of instructions per read.
        let strict = strict
        // A plain loop over the lines with local state: the closure handed each priced event does
        // not escape, so what it updates needs no box and no run-time exclusivity check.
        files: for path in files.isEmpty ? ["-"] : files {
            var source = try LineSource(path: path)
            var stream = CostStream(source: path, options: options, engine: engine)
            var stopped = false
            while let line = try source.nextLine() {
                let number = source.lineNumber
                tally.lines += 1
                let before = tally.problems
                let issues = stream.process(line: line, number: number) { priced in
                    writer.write(priced, into: &sink)
                    tally.count(priced, source: path, line: number)
                }
                for issue in issues { tally.reject(issue) }
                if strict && tally.problems > before {
                    stopped = true
                    break
                }
            }
            let last = source.lineNumber
            let issues = stream.finish { priced in
                writer.write(priced, into: &sink)
                tally.count(priced, source: path, line: last)
            }
            for issue in issues { tally.reject(issue) }
            if stopped { break files }
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
