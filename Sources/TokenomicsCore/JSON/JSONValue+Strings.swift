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
