import Foundation

/// The strings of one stream that repeat from record to record (models, providers, attribution
/// values), each made once and then shared.
///
/// Creating a `String` from a record's bytes validates them, usually allocates, and is released
/// again after the event is written: millions of times for the same few dozen names. The
/// interner keeps the strings it has made in a fixed table of slots chosen by the FNV-1a hash of
/// their bytes; when a slot already holds the same bytes its string is returned (a retain, no
/// allocation), otherwise a new string is made and replaces the slot's.
///
/// - Bounded: ``slotCount`` slots of at most ``maximumLength`` bytes; longer texts (ids, free
///   text) are not kept.
/// - Exact: a hit compares the bytes, so it returns what `String(decoding:as:)` would.
/// - Owned by one stream (a ``UsageReader`` makes one and hands it to its importers through
///   ``RecordContext/strings``); not thread-safe, and there is no shared table.
public final class StringInterner {
    /// The number of slots, a power of two.
    public static let slotCount = 1024
    /// The longest text kept, in UTF-8 bytes.
    public static let maximumLength = 64

    /// The bytes of each slot's string, ``maximumLength`` per slot.
    private let bytes: UnsafeMutablePointer<UInt8>
    /// The byte count of each slot's string; -1 for an empty slot.
    private let lengths: UnsafeMutablePointer<Int32>
    /// Each slot's string ("" for an empty slot).
    private let strings: UnsafeMutablePointer<String>

    /// Creates an empty interner.
    public init() {
        bytes = .allocate(capacity: Self.slotCount * Self.maximumLength)
        lengths = .allocate(capacity: Self.slotCount)
        lengths.initialize(repeating: -1, count: Self.slotCount)
        strings = .allocate(capacity: Self.slotCount)
        strings.initialize(repeating: "", count: Self.slotCount)
    }

    deinit {
        bytes.deallocate()
        lengths.deallocate()
        strings.deinitialize(count: Self.slotCount)
        strings.deallocate()
    }

    /// The string of the UTF-8 `text` (invalid sequences repaired as `String(decoding:as:)` does),
    /// shared with earlier calls for the same bytes while they stay in the table.
    public func string(_ text: UnsafeBufferPointer<UInt8>) -> String {
        let count = text.count
        guard count <= Self.maximumLength, let source = text.baseAddress else {
            return String(decoding: text, as: UTF8.self)
        }
        let slot = Self.slot(of: text)
        let stored = bytes + slot &* Self.maximumLength
        // Safe: both ranges hold `count` initialized bytes (the slot's length says so).
        if lengths[slot] == Int32(truncatingIfNeeded: count), memcmp(stored, source, count) == 0 {
            return strings[slot]
        }
        let made = String(decoding: text, as: UTF8.self)
        stored.update(from: source, count: count)
        lengths[slot] = Int32(truncatingIfNeeded: count)
        strings[slot] = made
        return made
    }

    /// The slot of `text`: its FNV-1a hash with the high half folded in, so that every byte
    /// moves the low bits that pick the slot.
    @inline(__always)
    static func slot(of text: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = FNV1a.hash(text)
        return Int(truncatingIfNeeded: hash ^ (hash &>> 32)) & (slotCount &- 1)
    }
}
