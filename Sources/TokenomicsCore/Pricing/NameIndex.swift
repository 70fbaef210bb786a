import Foundation

/// The lower-cased names of a catalog's records (ids, aliases, ids without their provider
/// prefix), each with the record entries it names in the order they were added.
///
/// A hash table over one buffer of name bytes: indexing the thousands of names of the built-in
/// catalog makes no string and no array per name. Names are the bytes of ``key(_:)``, which
/// compare as `String`s do.
struct NameIndex: Sendable {
    /// A name: where its bytes lie in ``bytes``, and its first and last entries.
    private struct Name {
        var start: Int
        var count: Int
        var first: Int32
        var last: Int32
    }

    /// The bytes of every name, one after another.
    private var bytes: [UInt8] = []
    private var names: [Name] = []
    /// The entries of every name, in the order added.
    private var values: [Int32] = []
    /// For each entry, the next entry of the same name (−1: none).
    private var next: [Int32] = []
    /// Open addressing: a name's number plus one, or 0 for an empty slot. The count is a power of
    /// two, at least twice the number of names.
    private var slots: [Int32]

    /// Creates an empty index with room for about `capacity` names before it grows.
    init(capacity: Int = 0) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = Array(repeating: 0, count: size)
        names.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        next.reserveCapacity(capacity)
        bytes.reserveCapacity(32 * capacity)
    }

    /// The bytes a name is indexed and looked up by: its UTF-8, in Unicode's composed form (NFC)
    /// when it is not ASCII, so that names are equal exactly when they are equal `String`s.
    static func key(_ name: String) -> ArraySlice<UInt8> {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return ArraySlice(name.utf8) }
        return ArraySlice(name.precomposedStringWithCanonicalMapping.utf8)
    }

    /// Adds `value` to the entries of `name` (the bytes of a ``key(_:)``).
    mutating func add(_ value: Int32, name: ArraySlice<UInt8>) {
        let entry = Int32(values.count)
        values.append(value)
        next.append(-1)
        let hash = Self.hash(name)
        var slot = find(name, hash: hash)
        if slots[slot] != 0 {
            let found = Int(slots[slot] - 1)
            next[Int(names[found].last)] = entry
            names[found].last = entry
            return
        }
        if 2 * (names.count + 1) > slots.count {
            grow()
            slot = find(name, hash: hash)
        }
        names.append(Name(start: bytes.count, count: name.count, first: entry, last: entry))
        bytes.append(contentsOf: name)
        slots[slot] = Int32(names.count)
    }

    /// The entries of `name`, in the order they were added; `nil` when it names nothing.
    func values(for name: String) -> [Int32]? {
        let key = Self.key(name)
        let slot = find(key, hash: Self.hash(key))
        guard slots[slot] != 0 else { return nil }
        var result: [Int32] = []
        var entry = names[Int(slots[slot] - 1)].first
        while entry >= 0 {
            result.append(values[Int(entry)])
            entry = next[Int(entry)]
        }
        return result
    }

    /// The slot that holds `name`, or else the empty slot where it belongs.
    private func find(_ name: ArraySlice<UInt8>, hash: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let candidate = names[Int(slots[slot] - 1)]
            if candidate.count == name.count,
                bytes[candidate.start..<(candidate.start + candidate.count)].elementsEqual(name)
            {
                return slot
            }
            slot = (slot + 1) & mask
        }
        return slot
    }

    /// Doubles the table and places every name again.
    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, name) in names.enumerated() {
            var slot = Int(truncatingIfNeeded: Self.hash(bytes[name.start..<(name.start + name.count)])) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }

    /// FNV-1a, its high bits folded into the low ones that pick the slot.
    private static func hash(_ name: ArraySlice<UInt8>) -> UInt64 {
        let hash = name.withContiguousStorageIfAvailable { FNV1a.hash($0) } ?? FNV1a.hash(name)
        return hash ^ hash >> 32
    }
}
