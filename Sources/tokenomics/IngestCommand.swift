import ArgumentParser
import Foundation
import TokenomicsCore
import TokenomicsLedger

/// `tokenomics ingest`: price usage files and store them in the ledger.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Price usage files and store the events in the ledger, idempotently.",
        discussion: """
            Reads the same formats as `cost`, prices each event at its own timestamp and appends it \
            to the ledger in transactions of \(IngestBatch.size) events (`--batch-size`). An event whose id is already \
            in the ledger is a duplicate and is not stored again, so re-ingesting a file adds nothing. \
            Lines that cannot be read, and events that cannot be priced, go to the quarantine with \
            their file, line, reason and text (see `tokenomics quarantine list`): an unpriced event is \
            never stored as $0. While a regular file is read \
            and standard error is a terminal, a progress bar there shows bytes read, events per \
            second and the time left; it is erased before the summary. Killed midway, an ingest \
            leaves whole transactions only: run it again to store the rest. Prints one summary line; the exit status is 0 when nothing was \
            quarantined, 1 when something was, 64 for usage errors, 65 for a file that is not a \
            ledger, 75 for a locked ledger.
            """)

    @Argument(help: "Usage files to read ('-' or none for standard input).") var files: [String] = []
    @OptionGroup var input: InputOptions
    @OptionGroup var ledger: LedgerOptions
    @Option(
        help: ArgumentHelp(
            "Events per transaction: a kill loses at most one transaction's work, and a larger one stores faster.",
            valueName: "n"))
    var batchSize = IngestBatch.size

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1 (got \(batchSize))") }
    }

    func run() async throws {
        let catalog = try input.loadCatalog()
        let engine = CostEngine(catalog: catalog)
        let options = try input.importOptions()
        let store = try await ledger.open()
        var batch = IngestBatch(size: batchSize)
        do {
            for path in files.isEmpty ? ["-"] : files {
                var source = try LineSource(path: path)
                var stream = CostStream(source: path, options: options, engine: engine)
                var progress = ProgressBar(path: path)
                var bytesRead: Int64 = 0
                let eventsBefore = batch.events
                defer { progress?.clear() }
                while let line = try source.nextLine() {
                    let number = source.lineNumber
                    if progress != nil {
                        bytesRead += Int64(line.count + 1)
                        if number & 1023 == 0 { progress?.update(done: bytesRead, events: batch.events - eventsBefore) }
                    }
                    batch.lines += 1
                    let issues = stream.process(line: line, number: number) { priced in
                        batch.add(priced, source: path, line: number, raw: line)
                    }
                    for issue in issues { batch.reject(issue, source: path, line: number, raw: line) }
                    if batch.isFull { try await batch.flush(to: store) }
                }
                progress?.clear()
                let last = source.lineNumber
                let issues = stream.finish { priced in batch.add(priced, source: path, line: last, raw: []) }
                for issue in issues { batch.reject(issue, source: path, line: nil, raw: []) }
            }
            try await batch.flush(to: store, last: true)
        } catch let error as LedgerError {
            throw LedgerOptions.cliError(error)
        }
        print(
            "ingest: read \(batch.lines) lines: \(batch.result.stored) stored, \(batch.result.duplicates) duplicates, "
                + "\(batch.quarantined) quarantined → \(store.location)")
        if batch.quarantined > 0 { throw ExitCode(1) }
    }
}
