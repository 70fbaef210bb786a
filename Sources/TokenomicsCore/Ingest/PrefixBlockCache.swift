/// A simulated prefix KV cache of fixed-size token blocks, identified by the hashes a trace
/// gives them: unlimited, or least-recently-used with a capacity in blocks.
///
/// Used by ``MooncakeTraceImporter`` to decide which prompt tokens are cache reads.
public struct PrefixBlockCache: Sendable {
    /// The capacity in blocks; `nil` means unlimited (nothing is ever evicted).
    public let capacity: Int?

    // Unlimited mode: the ids ever seen.
    private var seen: Set<Int64> = []
    // LRU mode: a doubly linked list over slots, most recent at `head`.
    private var slotOf: [Int64: Int] = [:]
    private var keys: [Int64] = []
    private var previous: [Int] = []
    private var next: [Int] = []
    private var head = -1
    private var tail = -1

    /// Creates an empty cache.
    ///
    /// - Parameter capacity: the number of blocks kept: `nil` for unlimited; 0 or less keeps
    ///   nothing, so every request misses.
    public init(capacity: Int?) {
        self.capacity = capacity
    }

    /// The number of blocks held.
    public var count: Int { capacity == nil ? seen.count : slotOf.count }

    /// Whether a block is held (does not change its recency).
    public func contains(_ block: Int64) -> Bool {
        capacity == nil ? seen.contains(block) : slotOf[block] != nil
    }

    /// The length of the leading run of `blocks` that the cache holds: the reusable prefix.
    ///
    /// - Complexity: O(run length).
    public func hitRun(_ blocks: [Int64]) -> Int {
        var run = 0
        while run < blocks.count, contains(blocks[run]) { run += 1 }
        return run
    }

    /// Marks every block of a request as used, in order (the last one becomes the most recent),
    /// inserting the missing ones and evicting the least recently used beyond the capacity.
    ///
    /// - Complexity: O(blocks) amortized.
    public mutating func touch(_ blocks: [Int64]) {
        guard let capacity else {
            seen.formUnion(blocks)
            return
        }
        guard capacity > 0 else { return }
        // Touch from the last block to the first, so that a request's leading blocks (the prefix
        // that later requests share) end up most recent and are evicted last, as a prefix cache
        // that evicts leaf blocks first would do.
        for block in blocks.reversed() {
            if let slot = slotOf[block] {
                unlink(slot)
                pushFront(slot)
                continue
            }
            let slot: Int
            if slotOf.count < capacity {
                slot = keys.count
                keys.append(block)
                previous.append(-1)
                next.append(-1)
            } else {
                slot = tail
                unlink(slot)
                slotOf[keys[slot]] = nil
                keys[slot] = block
            }
            slotOf[block] = slot
            pushFront(slot)
        }
    }

    private mutating func unlink(_ slot: Int) {
        let before = previous[slot]
        let after = next[slot]
        if before >= 0 { next[before] = after } else { head = after }
        if after >= 0 { previous[after] = before } else { tail = before }
        previous[slot] = -1
        next[slot] = -1
    }

    private mutating func pushFront(_ slot: Int) {
        previous[slot] = -1
        next[slot] = head
        if head >= 0 { previous[head] = slot }
        head = slot
        if tail < 0 { tail = slot }
    }
}
