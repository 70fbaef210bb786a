/// The events read from a source's records: a list whose storage is reused from read to read.
///
/// A stream reads millions of events and releases each soon after: making a new event and
/// destroying the old one cost more than reading the record. So ``removeAll()`` only forgets the
/// events, keeping them as spares, and ``append(id:provider:model:_:)`` hands an importer a spare
/// to fill, first made new with ``UsageEvent/reset(id:provider:model:)``: its strings are
/// released but the storage of its attribution, timing and outcome, when not shared, is kept, so
/// reading the next record allocates only what is new in it (its id).
///
/// Nothing of a forgotten event shows through: a filled event is a new one with what the
/// importer set. Spares keep their values (and strings) alive until reused.
public struct UsageEvents: RandomAccessCollection, MutableCollection {
    /// The events, then the spares.
    private var storage: [UsageEvent] = []
    /// How many of `storage` are events.
    public private(set) var endIndex = 0

    /// Creates an empty list.
    public init() {}

    /// Creates a list of `events`.
    public init(_ events: some Sequence<UsageEvent>) {
        storage = Array(events)
        endIndex = storage.count
    }

    public var startIndex: Int { 0 }

    public subscript(position: Int) -> UsageEvent {
        get {
            precondition(position < endIndex, "index out of range")
            return storage[position]
        }
        _modify {
            precondition(position < endIndex, "index out of range")
            yield &storage[position]
        }
    }

    /// Appends an event built whole.
    public mutating func append(_ event: consuming UsageEvent) {
        if endIndex < storage.count {
            storage[endIndex] = event
        } else {
            storage.append(event)
        }
        endIndex += 1
    }

    /// Appends the event `UsageEvent(id: id, provider: provider, model: model)` with what `fill`
    /// sets besides, written in place over a spare (see ``UsageEvent/reset(id:provider:model:)``):
    /// the way to read an event without making one.
    @inline(__always)
    public mutating func append(
        id: consuming String, provider: consuming String, model: consuming String, _ fill: (inout UsageEvent) -> Void
    ) {
        if endIndex < storage.count {
            storage[endIndex].reset(id: id, provider: provider, model: model)
        } else {
            storage.append(UsageEvent(id: id, provider: provider, model: model))
        }
        fill(&storage[endIndex])
        endIndex += 1
    }

    /// Removes the events from `start` on, keeping them as spares.
    public mutating func removeAll(from start: Int) {
        precondition(start >= 0 && start <= endIndex, "index out of range")
        endIndex = start
    }

    /// Removes every event, keeping them as spares.
    public mutating func removeAll() {
        endIndex = 0
    }

    /// Exchanges the event at `position` with `event`: each is moved, none is copied or released.
    @inline(__always)
    public mutating func swapAt(_ position: Int, with event: inout UsageEvent) {
        precondition(position < endIndex, "index out of range")
        swap(&storage[position], &event)
    }
}
