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
    /// The events of the line being read; their storage is recycled from line to line.
    private var events = UsageEvents()
    private var lookups = ModelLookupCache()
    /// The priced event handed to the caller, reused: each event is swapped into it and priced in
    /// place, so the stream builds no priced event and copies no event.
    private var current: PricedEvent

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
        current = PricedEvent(
            event: UsageEvent(id: "", provider: "", model: ""), cost: nil, catalogVersion: engine.catalog.version)
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
        events.removeAll()
        let issues = reader.read(line: line, number: number, into: &events)
        try priceEvents(body)
        return issues
    }

    /// Ends the source: prices what a buffered multi-line document held.
    ///
    /// - Returns: the problems found at the end.
    public mutating func finish(_ body: (borrowing PricedEvent) throws -> Void) rethrows -> [IngestIssue] {
        events.removeAll()
        let issues = reader.finish(into: &events)
        try priceEvents(body)
        return issues
    }

    /// Prices the events read, in order: each is swapped into ``current`` (its predecessor goes
    /// back to the list, where the next read recycles it) and priced there.
    @inline(__always)
    private mutating func priceEvents(_ body: (borrowing PricedEvent) throws -> Void) rethrows {
        for index in events.indices {
            events.swapAt(index, with: &current.event)
            engine.price(&current, now: now, cache: &lookups)
            try body(current)
        }
    }
}
