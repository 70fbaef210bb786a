import Foundation

/// Reading the strings that repeat across a stream's records through its ``StringInterner``.
extension JSONValue {
    /// ``string``, shared with earlier equal strings of the stream: a string without escapes is
    /// looked up in `strings` by its bytes; one with escapes is decoded as usual.
    @inline(__always)
    public func string(interning strings: StringInterner) -> String? {
        let value = entry
        guard value.kind == .string else { return nil }
        return value.flag ? decodeString(at: index) : strings.string(rawBuffer)
    }

    /// ``scalarText``, shared with earlier equal texts of the stream (see ``string(interning:)``).
    @inline(__always)
    public func scalarText(interning strings: StringInterner) -> String? {
        let value = entry
        switch value.kind {
        case .string: return value.flag ? decodeString(at: index) : strings.string(rawBuffer)
        case .number: return strings.string(rawBuffer)
        case .bool: return value.flag ? "true" : "false"
        default: return nil
        }
    }
}

extension JSONValue {
    /// The member of an object named `key` (see ``subscript(_:)``) for a name known when compiling:
    /// no `String` is made for the lookup.
    @inline(__always)
    public func member(_ key: StaticString) -> JSONValue? {
        let found = memberIndex(named: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        return found < 0 ? nil : value(at: found)
    }
}

/// Matching object keys against names known when compiling, a switch on the key's length and
/// then one comparison, rather than a comparison per name.
extension JSONValue {
    /// Calls `body` with the UTF-8 bytes of this string (an object key, typically) with its escapes
    /// resolved: the bytes in the text when it has none, else those of the decoded string.
    @inline(__always)
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        guard entry.flag else { return try body(rawBuffer) }
        return try withDecodedUTF8(body)
    }

    /// ``withUTF8(_:)`` for a string with escapes, kept out of line so that the common case does
    /// not carry the decoded string's release.
    @inline(never)
    private func withDecodedUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        var decoded = decodeString(at: index)
        return try decoded.withUTF8(body)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes are exactly those of `literal`. Inlined, the literal's length is a
    /// constant, so the comparison compiles to a few loads instead of a call.
    @inline(__always)
    func equals(_ literal: StaticString) -> Bool {
        guard count == literal.utf8CodeUnitCount else { return false }
        guard let base = baseAddress else { return true }
        return memcmp(base, literal.utf8Start, literal.utf8CodeUnitCount) == 0
    }
}
