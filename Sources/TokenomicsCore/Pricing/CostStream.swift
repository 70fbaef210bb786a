import Foundation

/// The `cost` pipeline for one source: lines in, priced events out, one way.
///
/// It reads each line with a ``UsageReader`` (format detected per record), prices the events
/// with a ``CostEngine`` at their own timestamps, and hands each priced event to the caller.
/// Lines that cannot be used come back as issues; reading continues with the next line.
public struct CostStream {
    private var reader: UsageReader
    private let engine: CostEngine
    private let now: Date
    private var events: [UsageEvent] = []
    private var lookups = ModelLookupCache()

    /// Creates the pipeline for one source.
    ///
    /// - Parameters:
    ///   - source: the name used in ids and issues.
    ///   - options: import options (default model, tags, …).
    ///   - engine: the pricing engine.
    ///   - now: the time at which events without a timestamp are priced.
    public init(source: String, options: ImportOptions, engine: CostEngine, now: Date = Date()) {
        self.reader = UsageReader(source: source, options: options)
        self.engine = engine
        self.now = now
        events.reserveCapacity(16)
    }

    /// Reads one line and prices its events.
    ///
    /// - Parameters:
    ///   - line: the line's bytes, without the line break.
    ///   - number: its one-based line number.
    ///   - body: called with each priced event, in order.
    /// - Returns: the problems with the line's records, empty when all were read.
    public mutating func process(
        line: ArraySlice<UInt8>, number: Int, _ body: (borrowing PricedEvent) throws -> Void
    ) rethrows -> [IngestIssue] {
        events.removeAll(keepingCapacity: true)
        let issues = reader.read(line: line, number: number, into: &events)
        if events.count == 1 {
            // The common case, moved rather than copied.
            try body(engine.price(events.removeLast(), now: now, cache: &lookups))
        } else {
            for event in events { try body(engine.price(event, now: now, cache: &lookups)) }
        }
        return issues
    }

    /// Ends the source: prices what a buffered multi-line document held.
    ///
    /// - Returns: the problems found at the end.
    public mutating func finish(_ body: (borrowing PricedEvent) throws -> Void) rethrows -> [IngestIssue] {
        events.removeAll(keepingCapacity: true)
        let issues = reader.finish(into: &events)
        for event in events { try body(engine.price(event, now: now, cache: &lookups)) }
        return issues
    }
}
