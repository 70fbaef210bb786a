import Foundation

/// Writes JSON into a reusable byte buffer without building intermediate values.
///
/// Commas are placed automatically: call ``key(_:)`` or ``field(_:)`` before each member value
/// and the value methods in order. The writer does not check that calls are balanced; callers
/// own the shape.
///
/// Each value method checks the capacity once. Hot paths instead reserve room for a whole record
/// with ``write(reserving:_:)`` and write it through a ``JSONCursor`` with no checks at all.
public struct JSONWriter {
    /// The buffer: its `count` is the capacity, of which the first ``count`` bytes are written.
    private var storage: [UInt8]
    /// Bytes written so far.
    public private(set) var count = 0
    private var needsComma = false

    /// Creates an empty writer with room for `capacity` bytes before it grows.
    public init(capacity: Int = 1024) {
        // Not zero-filled: only the first `count` bytes, which the writer wrote, are ever read.
        let capacity = max(capacity, 0)
        storage = [UInt8](unsafeUninitializedCapacity: capacity) { _, count in count = capacity }
    }

    /// A copy of the JSON written so far. Read-only: appending through it would copy the whole
    /// buffer each time; use ``append(contentsOf:)`` or ``endLine()``.
    public var bytes: [UInt8] { Array(storage[..<count]) }

    /// Calls `body` with the JSON written so far, without copying it.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try storage.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
    }

    /// Empties the buffer, keeping its capacity.
    public mutating func reset() {
        count = 0
        needsComma = false
    }

    /// Reserves `maxBytes` bytes and lets `body` write at most that many through an unchecked cursor.
    ///
    /// - Parameters:
    ///   - maxBytes: an upper bound of what `body` writes (sum the cursor's `max…Bytes` bounds).
    ///   - body: writes through the cursor.
    /// - Precondition: `body` writes no more than `maxBytes` bytes (checked once, afterwards).
    @inline(__always)
    public mutating func write(reserving maxBytes: Int, _ body: (inout JSONCursor) -> Void) {
        let start = count
        if storage.count &- start < maxBytes { grow(toHold: start + maxBytes) }
        var comma = needsComma
        let written = storage.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress.unsafelyUnwrapped + start
            var cursor = JSONCursor(position: base, needsComma: comma)
            body(&cursor)
            comma = cursor.needsComma
            return base.distance(to: cursor.position)
        }
        precondition(written <= maxBytes, "JSONWriter: a cursor wrote past its reservation")
        count = start + written
        needsComma = comma
    }

    private mutating func grow(toHold capacity: Int) {
        let target = Swift.max(capacity, storage.count * 2)
        storage.append(contentsOf: repeatElement(0, count: target - storage.count))
    }

    /// Appends bytes verbatim, outside the JSON structure: no comma, and the comma state is kept.
    public mutating func append(contentsOf bytes: some Collection<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            write(reserving: buffer.count) { $0.copy(UnsafeRawBufferPointer(buffer)) }
        }
        if done == nil {
            let copied = Array(bytes)
            copied.withUnsafeBytes { buffer in write(reserving: buffer.count) { $0.copy(buffer) } }
        }
    }

    /// Ends a JSON Lines record: appends a newline, and the next value starts without a comma.
    public mutating func endLine() {
        write(reserving: 1) { $0.put(0x0A) }
        needsComma = false
    }

    /// Opens an object (`{`).
    public mutating func beginObject() {
        write(reserving: JSONCursor.maxTokenBytes) { $0.beginObject() }
    }

    /// Closes an object (`}`).
    public mutating func endObject() {
        write(reserving: JSONCursor.maxTokenBytes) { $0.endObject() }
    }

    /// Opens an array (`[`).
    public mutating func beginArray() {
        write(reserving: JSONCursor.maxTokenBytes) { $0.beginArray() }
    }

    /// Closes an array (`]`).
    public mutating func endArray() {
        write(reserving: JSONCursor.maxTokenBytes) { $0.endArray() }
    }

    /// Writes an object key and the colon; the next value call writes its value.
    public mutating func key(_ name: String) {
        write(reserving: JSONCursor.maxStringBytes(name) + 1) { $0.key(name) }
    }

    /// Writes an object key known at compile time (no escaping needed: the caller guarantees a
    /// plain ASCII name), then the colon. Faster than ``key(_:)`` on hot paths.
    public mutating func field(_ name: StaticString) {
        write(reserving: JSONCursor.maxFieldBytes(name)) { $0.field(name) }
    }

    /// Writes a string value.
    public mutating func string(_ value: String) {
        write(reserving: JSONCursor.maxStringBytes(value)) { $0.string(value) }
    }

    /// Writes a string value, or `null`.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// Writes an integer value.
    public mutating func int(_ value: Int64) {
        write(reserving: JSONCursor.maxIntBytes) { $0.int(value) }
    }

    /// Writes a floating-point value (`null` for NaN or infinity, which JSON cannot hold).
    public mutating func double(_ value: Double) {
        if !value.isFinite {
            null()
        } else if value == value.rounded(), abs(value) < 1e15 {
            int(Int64(value))
        } else {
            raw("\(value)".utf8)
        }
    }

    /// Writes a boolean value.
    public mutating func bool(_ value: Bool) {
        write(reserving: JSONCursor.maxLiteralBytes) { $0.bool(value) }
    }

    /// Writes `null`.
    public mutating func null() {
        write(reserving: JSONCursor.maxLiteralBytes) { $0.null() }
    }

    /// Writes money as an exact decimal string, e.g. `"0.087"`.
    public mutating func money(_ value: Money) {
        write(reserving: JSONCursor.maxMoneyBytes) { $0.money(value) }
    }

    /// Writes a date as an RFC 3339 string in UTC with milliseconds.
    public mutating func date(_ value: Date) {
        write(reserving: JSONCursor.maxDateBytes) { $0.date(value) }
    }

    /// Writes already-encoded JSON text as a value.
    public mutating func raw(_ json: some Sequence<UInt8>) {
        write(reserving: 1) { $0.separate() }
        append(contentsOf: Array(json))
        needsComma = true
    }
}
