import Foundation

/// The strings of one stream that repeat from record to record (models, providers, attribution
/// values), each made once and then shared.
///
/// Creating a `String` from a record's bytes validates them, usually allocates, and is released
/// again after the event is written: millions of times for the same few dozen names. The
/// interner keeps the strings it has made in a fixed table of slots chosen by a hash of their
/// bytes; when a slot already holds the same bytes its string is returned (a retain, no
/// allocation), otherwise a new string is made and replaces the slot's.
///
/// - Bounded: ``slotCount`` slots of at most ``maximumLength`` bytes; longer texts (ids, free
///   text) are not kept.
/// - Exact: a hit compares the bytes, so it returns what `String(decoding:as:)` would.
/// - Owned by one stream (a ``UsageReader`` makes one and hands it to its importers through
///   ``RecordContext/strings``); not thread-safe, and there is no shared table.
///
/// A lookup reads the text eight bytes at a time (see ``Words``): the hash and the comparison
/// cost a few instructions per word rather than per byte.
public final class StringInterner {
    /// The number of slots, a power of two.
    public static let slotCount = 1 << slotBits
    private static let slotBits = 12
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
    @inline(__always)
    public func string(_ text: UnsafeBufferPointer<UInt8>) -> String {
        let count = text.count
        guard count <= Self.maximumLength, let source = text.baseAddress else {
            return String(decoding: text, as: UTF8.self)
        }
        let words = Words(UnsafeRawPointer(source), count: count)
        let slot = Self.slot(of: words)
        // Safe: the slot's length says how many of its bytes are initialized.
        if lengths[slot] == Int32(truncatingIfNeeded: count),
            words.equal(Words(UnsafeRawPointer(bytes + slot &* Self.maximumLength), count: count))
        {
            return strings[slot]
        }
        return store(text, in: slot)
    }

    /// Makes the string of `text` and puts it in `slot`, replacing the slot's: kept out of line,
    /// as misses are rare and the lookup is inlined into its callers.
    @inline(never)
    private func store(_ text: UnsafeBufferPointer<UInt8>, in slot: Int) -> String {
        let made = String(decoding: text, as: UTF8.self)
        if let source = text.baseAddress {
            (bytes + slot &* Self.maximumLength).update(from: source, count: text.count)
        }
        lengths[slot] = Int32(truncatingIfNeeded: text.count)
        strings[slot] = made
        return made
    }

    /// The slot of a text: the top bits of its hash.
    @inline(__always)
    static func slot(of words: Words) -> Int {
        Int(truncatingIfNeeded: words.hash &>> (64 - slotBits))
    }

    /// A text read as 64-bit words, without reading outside it:
    /// its whole words, then its last eight bytes (overlapping the words before); a text shorter
    /// than eight bytes is one word made of overlapping 4-byte or single-byte loads. Two texts of
    /// the same length have the same bytes exactly when they have the same words.
    struct Words {
        let base: UnsafeRawPointer
        let count: Int

        @inline(__always)
        init(_ base: UnsafeRawPointer, count: Int) {
            self.base = base
            self.count = count
        }

        /// The words multiplied into a 64-bit hash, whose top bits are the best mixed.
        ///
        /// Two instructions a word: a product by an odd constant carries a difference in any bit
        /// of a word up to the top bits (never out of them), and the final shift and product fold
        /// the top half into the bits below before the top bits are taken.
        @inline(__always)
        var hash: UInt64 {
            var hash = UInt64(truncatingIfNeeded: count)
            forEach { word in hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15 }
            hash ^= hash &>> 32
            return hash &* 0x9E37_79B9_7F4A_7C15
        }

        /// Calls `body` with each word in order.
        @inline(__always)
        func forEach(_ body: (UInt64) -> Void) {
            guard count >= 8 else { return body(shortWord) }
            var offset = 0
            while offset < count &- 8 {
                body(base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset &+= 8
            }
            body(base.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self))
        }

        /// Whether `other`, of the same length, holds the same bytes.
        @inline(__always)
        func equal(_ other: Words) -> Bool {
            guard count >= 8 else { return shortWord == other.shortWord }
            var offset = 0
            while offset < count &- 8 {
                if base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    != other.base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                {
                    return false
                }
                offset &+= 8
            }
            return base.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
                == other.base.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
        }

        /// The bytes of a text shorter than eight bytes in one word: its first and last four
        /// bytes, or its first, middle and last byte (which, for one to three bytes, are all of them).
        @inline(__always)
        private var shortWord: UInt64 {
            if count >= 4 {
                let first = UInt64(base.loadUnaligned(as: UInt32.self))
                let last = UInt64(base.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self))
                return first &<< 32 | last
            }
            guard count > 0 else { return 0 }
            let byte = base.assumingMemoryBound(to: UInt8.self)
            return UInt64(byte[0]) &<< 16 | UInt64(byte[count &>> 1]) &<< 8 | UInt64(byte[count &- 1])
        }
    }
}
