import Foundation

/// The attributions of one stream's records, each read once from the text of a `metadata`
/// object and then shared by the records that repeat that text.
///
/// Records of a stream repeat their metadata: the same team, application, workflow and user,
/// line after line. Reading it member by member (a name to match, a string to look up and a key
/// to set for each) costs about a tenth of reading the whole record. The cache keeps the
/// attribution read from each text in a fixed table; a record with the same bytes gets the same
/// attribution, its storage shared as between copies of one value (changing an event's
/// attribution copies it first).
///
/// - Bounded: ``slotCount`` slots holding texts of at most ``maximumLength`` bytes; a longer
///   text is read as usual and not kept. A slot's text buffer is allocated when it is first used.
/// - Two ways: a hash of the bytes picks a pair of slots; a new text goes in the first, moving
///   the one there to the second (and the second's out), so two texts that share a pair both stay.
/// - Exact: a hit compares the bytes, so it returns what reading them would.
/// - Not in the way: while most lookups miss (metadata that does not repeat, such as a request id
///   in it), only one miss in 16 is kept; the others are read into the event's own attribution,
///   as without the cache, rather than pushing texts out of the table for nothing.
/// - Owned by one stream (a ``UsageReader`` hands it to its importers through
///   ``RecordContext/attributions``); not thread-safe, and there is no shared table.
public final class AttributionCache {
    /// The number of slots (pairs of slots, a power of two, times two).
    public static let slotCount = 2 << pairBits
    private static let pairBits = 12
    /// The longest text kept, in UTF-8 bytes.
    public static let maximumLength = 256

    /// Each slot's text (``maximumLength`` bytes, allocated when the slot is first filled).
    private let texts: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>
    /// The byte count of each slot's text; -1 for an empty slot.
    private let lengths: UnsafeMutablePointer<Int32>
    /// The attribution read from each slot's text (empty for an empty slot).
    private let attributions: UnsafeMutablePointer<Attribution>
    /// The lookups and the misses counted since the share of misses was last measured.
    private var lookups = 0
    private var misses = 0
    /// Whether every miss is kept (the share of misses was at most half when last measured).
    private var keepingAll = true
    /// The lookups over which the share of misses is measured.
    private static let window = 1024

    /// Creates an empty cache.
    public init() {
        texts = .allocate(capacity: Self.slotCount)
        texts.initialize(repeating: nil, count: Self.slotCount)
        lengths = .allocate(capacity: Self.slotCount)
        lengths.initialize(repeating: -1, count: Self.slotCount)
        attributions = .allocate(capacity: Self.slotCount)
        attributions.initialize(repeating: Attribution(), count: Self.slotCount)
    }

    deinit {
        for slot in 0..<Self.slotCount { texts[slot]?.deallocate() }
        texts.deallocate()
        lengths.deallocate()
        attributions.deinitialize(count: Self.slotCount)
        attributions.deallocate()
    }

    /// Reads the attribution of a `metadata` object (see
    /// ``JSONValue/readAttributionMembers(strings:into:)``) into `attribution`, which is empty: the
    /// one kept for the same bytes when there is one (shared with it).
    ///
    /// - Parameters:
    ///   - metadata: an object.
    ///   - strings: the stream's strings, for the values and tag names of an object read.
    ///   - attribution: an empty attribution, whose storage a text that is read and not kept reuses.
    @inline(__always)
    func read(_ metadata: JSONValue, strings: StringInterner, into attribution: inout Attribution) {
        let text = metadata.rawBuffer
        guard text.count <= Self.maximumLength, let source = text.baseAddress else {
            return metadata.readAttributionMembers(strings: strings, into: &attribution)
        }
        let words = StringInterner.Words(UnsafeRawPointer(source), count: text.count)
        let first = Self.firstSlot(of: words)
        lookups &+= 1
        if holds(words, at: first) {
            attribution = attributions[first]
        } else if holds(words, at: first &+ 1) {
            attribution = attributions[first &+ 1]
        } else {
            miss(metadata, at: first, strings: strings, into: &attribution)
        }
    }

    /// The first of the pair of slots for a text: the top bits of its hash, times two.
    @inline(__always)
    static func firstSlot(of words: StringInterner.Words) -> Int {
        Int(truncatingIfNeeded: words.hash &>> (64 - pairBits)) &* 2
    }

    /// Whether `slot` holds the text `words`.
    @inline(__always)
    private func holds(_ words: StringInterner.Words, at slot: Int) -> Bool {
        // Safe: the slot's length says how many bytes of its text are initialized.
        guard lengths[slot] == Int32(truncatingIfNeeded: words.count), let kept = texts[slot] else { return false }
        // `memcmp` rather than a loop over words: a metadata text is a hundred bytes or so.
        return memcmp(words.base, kept, words.count) == 0
    }

    /// Reads the attribution of `metadata`, which is in neither slot of the pair at `first`: kept
    /// there unless most lookups miss (see ``AttributionCache``). Out of line, as misses are rare.
    @inline(never)
    private func miss(
        _ metadata: JSONValue, at first: Int, strings: StringInterner, into attribution: inout Attribution
    ) {
        misses += 1
        if lookups >= Self.window {
            keepingAll = misses * 2 <= lookups
            lookups = 0
            misses = 0
        }
        if keepingAll || misses & 15 == 0 {
            attribution = store(metadata, at: first, strings: strings)
        } else {
            metadata.readAttributionMembers(strings: strings, into: &attribution)
        }
    }

    /// Reads the attribution of `metadata` into the pair of slots at `first`: its first slot's
    /// text and attribution move to the second, whose buffer and attribution it then reuses.
    private func store(_ metadata: JSONValue, at first: Int, strings: StringInterner) -> Attribution {
        let second = first &+ 1
        swap(&texts[first], &texts[second])
        swap(&lengths[first], &lengths[second])
        swap(&attributions[first], &attributions[second])
        let read = Self.read(metadata, strings: strings)
        let text = metadata.rawBuffer
        let kept = texts[first] ?? .allocate(capacity: Self.maximumLength)
        if let source = text.baseAddress { kept.update(from: source, count: text.count) }
        texts[first] = kept
        lengths[first] = Int32(truncatingIfNeeded: text.count)
        attributions[first] = read
        return read
    }

    /// The attribution of `metadata`, read member by member.
    private static func read(_ metadata: JSONValue, strings: StringInterner) -> Attribution {
        var attribution = Attribution()
        metadata.readAttributionMembers(strings: strings, into: &attribution)
        return attribution
    }
}
