import Foundation

/// A value inside a parsed ``JSONDocument``: a position on its tape, decoded only on demand.
///
/// A `JSONValue` points into its document's buffers. It is valid until the document parses
/// another text, and only while the document is alive: whoever parses keeps the document (a
/// ``UsageReader`` owns one per stream). Values are read millions of times a second on the ingest
/// path, and holding no reference makes them free to create and copy.
public struct JSONValue {
    let tape: UnsafePointer<JSONTapeEntry>
    let text: UnsafePointer<UInt8>
    let index: Int

    @inline(__always)
    init(tape: UnsafePointer<JSONTapeEntry>, text: UnsafePointer<UInt8>, index: Int) {
        self.tape = tape
        self.text = text
        self.index = index
    }

    @inline(__always) var entry: JSONTapeEntry { tape[index] }

    @inline(__always) func value(at position: Int) -> JSONValue {
        JSONValue(tape: tape, text: text, index: position)
    }

    /// The value at `position` on this value's tape, or `nil` for a negative position: for readers
    /// that note where members are rather than keep their values.
    @inline(__always) func value(ifAt position: Int) -> JSONValue? {
        position < 0 ? nil : value(at: position)
    }

    /// The kind of the value.
    public var kind: JSONKind { entry.kind }

    /// Whether the value is JSON `null`.
    public var isNull: Bool { entry.kind == .null }

    /// The member of an object named `key`, or `nil` (also when this is not an object).
    ///
    /// - Complexity: O(members) without decoding any value.
    public subscript(key: String) -> JSONValue? {
        var key = key
        let found = key.withUTF8 { memberIndex(named: $0) }
        return found < 0 ? nil : value(at: found)
    }

    /// The tape index of the value of member `key`, or -1 when this is not an object or has no
    /// such member.
    @inline(__always)
    func memberIndex(named key: UnsafeBufferPointer<UInt8>) -> Int {
        let object = entry
        guard object.kind == .object else { return -1 }
        let end = index &+ Int(object.span)
        var cursor = index &+ 1
        while cursor < end {
            let name = value(at: cursor)
            if name.entry.flag ? decodeString(at: cursor).utf8.elementsEqual(key) : name.equalsUnescaped(key) {
                return cursor &+ 1
            }
            cursor &+= 1 &+ Int(tape[cursor &+ 1].span)
        }
        return -1
    }

    /// The value at a path of object keys, e.g. `value["usage", "prompt_tokens_details", "cached_tokens"]`.
    public subscript(first: String, rest: String...) -> JSONValue? {
        var current = self[first]
        for key in rest { current = current?[key] }
        return current
    }

    /// The members of an object as (key, value) pairs, in text order; empty for other kinds.
    public var members: [(key: String, value: JSONValue)] {
        var result: [(key: String, value: JSONValue)] = []
        forEachMember { result.append(($0, $1)) }
        return result
    }

    /// Calls `body` with each member of an object, in text order, without building an array.
    ///
    /// - Parameter body: receives the decoded key and the value.
    public func forEachMember(_ body: (String, JSONValue) throws -> Void) rethrows {
        try forEachMemberKey { key, value in try body(key.string ?? "", value) }
    }

    /// Calls `body` with each member of an object, in text order, passing the key as a value
    /// (a string) so that it can be compared without creating a `String`.
    public func forEachMemberKey(_ body: (JSONValue, JSONValue) throws -> Void) rethrows {
        let object = entry
        guard object.kind == .object else { return }
        var cursor = index &+ 1
        let end = index &+ Int(object.span)
        while cursor < end {
            try body(value(at: cursor), value(at: cursor &+ 1))
            cursor &+= 1 &+ Int(tape[cursor &+ 1].span)
        }
    }

    /// The values of members `first` and `second` of an object, found in one pass (`nil` for an
    /// absent member, both `nil` when this is not an object).
    @inline(__always)
    public func members(_ first: StaticString, _ second: StaticString) -> (JSONValue?, JSONValue?) {
        var found: (JSONValue?, JSONValue?)
        forEachMemberKey { key, value in
            if key.isKey(first) {
                found.0 = value
            } else if key.isKey(second) {
                found.1 = value
            }
        }
        return found
    }

    /// The elements of an array, in order; empty for other kinds.
    public var elements: [JSONValue] {
        guard entry.kind == .array else { return [] }
        var result: [JSONValue] = []
        var cursor = index &+ 1
        let end = index &+ Int(entry.span)
        while cursor < end {
            result.append(value(at: cursor))
            cursor &+= Int(tape[cursor].span)
        }
        return result
    }

    /// The decoded string, or `nil` if this is not a string.
    public var string: String? {
        guard entry.kind == .string else { return nil }
        return decodeString(at: index)
    }

    /// Whether this is a string equal to `text`, compared without decoding or allocating.
    public func isString(_ text: String) -> Bool {
        let value = entry
        guard value.kind == .string else { return false }
        if value.flag { return decodeString(at: index) == text }
        var text = text
        return text.withUTF8 { equalsUnescaped($0) }
    }

    /// Whether this string (an object key, typically) is `name`: one length comparison for most
    /// keys, so importers can read an object in one pass, testing each member's key in turn.
    @inline(__always)
    public func isKey(_ name: StaticString) -> Bool {
        guard !entry.flag else { return decodeString(at: index) == name.description }
        return equalsUnescaped(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }

    /// Whether the bytes of this (unescaped) string or key are exactly `bytes`.
    @inline(__always)
    func equalsUnescaped(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let value = entry
        let length = Int(value.end &- value.start)
        guard length == bytes.count else { return false }
        guard let base = bytes.baseAddress else { return true }
        return memcmp(text + Int(value.start), base, length) == 0
    }

    /// The boolean, or `nil` if this is not `true` or `false`.
    public var bool: Bool? { entry.kind == .bool ? entry.flag : nil }

    /// The number as an exact integer, or `nil` if this is not a number or has a fractional part.
    ///
    /// Integers written with a fraction or exponent that is whole (`12.0`, `1e3`) are accepted.
    public var int64: Int64? {
        // Inlined: counts are most of a record, and the call cost a fifth of the read.
        @inline(__always) get {
            let value = entry
            guard value.kind == .number else { return nil }
            guard !value.flag else { return Self.wholeNumber(rawBuffer) }
            // The scanner checked the number: an optional minus, then one or more digits.
            var cursor = Int(value.start)
            let negative = text[cursor] == UInt8(ascii: "-")
            if negative { cursor &+= 1 }
            let count = Int(value.end) &- cursor
            guard count <= 16 else { return Self.longInteger(text + cursor, count: count, negative: negative) }
            // Up to 16 digits, read eight at a time: below 10^16, the magnitude cannot overflow.
            let magnitude =
                count <= 8
                ? Self.digits(text + cursor, count: count)
                : Self.digits(text + cursor, count: count &- 8) &* 100_000_000
                    &+ Self.digits(text + (cursor &+ count &- 8), count: 8)
            let result = Int64(bitPattern: magnitude)
            return negative ? 0 &- result : result
        }
    }

    /// The value of the `count` (1 to 8) decimal digits at `digits`, computed on one 64-bit word.
    ///
    /// Reads eight bytes, past the digits when there are fewer: safe because a document's text is
    /// followed by ``JSONScanner/padding`` (16) zero bytes. Subtracting `0` from every byte leaves
    /// each digit's value in its byte (a byte after the digits may borrow from the one above it,
    /// never from a digit), and shifting the word up drops the bytes after the digits, leaving
    /// zeros (leading zero digits) below. Then adjacent digits are combined pairwise: into
    /// 2-digit, 4-digit and finally the 8-digit value (the method of Muła and Lemire).
    @inline(__always)
    static func digits(_ digits: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        let word = UnsafeRawPointer(digits).loadUnaligned(as: UInt64.self).littleEndian
        var value = (word &- 0x3030_3030_3030_3030) &<< UInt64(truncatingIfNeeded: 64 &- 8 &* count)
        value = value &* 10 &+ (value &>> 8)
        let low = (value & 0x0000_00FF_0000_00FF) &* (100 &+ (1_000_000 &<< 32))
        let high = ((value &>> 16) & 0x0000_00FF_0000_00FF) &* (1 &+ (10_000 &<< 32))
        return (low &+ high) &>> 32
    }

    /// ``int64`` of a number of more than 16 digits (after its sign): checked for overflow.
    @inline(never)
    static func longInteger(_ digits: UnsafePointer<UInt8>, count: Int, negative: Bool) -> Int64? {
        var result: Int64 = 0
        for offset in 0..<count {
            let (product, overflowed) = result.multipliedReportingOverflow(by: 10)
            let digit = Int64(digits[offset] &- UInt8(ascii: "0"))
            let (sum, carried) =
                negative ? product.subtractingReportingOverflow(digit) : product.addingReportingOverflow(digit)
            if overflowed || carried { return nil }
            result = sum
        }
        return result
    }

    /// ``int64`` of a number with a fraction or exponent: its value when that is whole.
    @inline(never)
    static func wholeNumber(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard let scaled = DecimalText.parse(text, scale: 0), let exact = Int64(exactly: scaled) else { return nil }
        return exact
    }

    /// The number as a `Double` (also for numbers written in a string, such as `"12.5"`), or `nil`.
    public var double: Double? {
        let value = entry
        guard value.kind == .number || value.kind == .string else { return nil }
        let text = value.kind == .string ? decodeString(at: index) : String(decoding: rawBuffer, as: UTF8.self)
        return Double(text)
    }

    /// The exact decimal text of a number (or of a string holding one), for money.
    public var decimalText: String? {
        switch entry.kind {
        case .number: String(decoding: rawBuffer, as: UTF8.self)
        case .string: decodeString(at: index)
        default: nil
        }
    }

    /// The value's own bytes in the text (for strings, without the quotes), valid as long as the value.
    var rawBuffer: UnsafeBufferPointer<UInt8> {
        let value = entry
        return UnsafeBufferPointer(start: text + Int(value.start), count: Int(value.end &- value.start))
    }

    /// A copy of the value's own bytes in the text (for strings, without the quotes).
    public var rawBytes: ArraySlice<UInt8> { ArraySlice(rawBuffer) }

    /// The value's JSON text as written (objects and arrays included).
    public var jsonText: String { String(decoding: rawBuffer, as: UTF8.self) }

    /// A string value, or the text of a number or boolean: for ids and tags that providers
    /// write either way.
    public var scalarText: String? {
        switch entry.kind {
        case .string: decodeString(at: index)
        case .number: String(decoding: rawBuffer, as: UTF8.self)
        case .bool: entry.flag ? "true" : "false"
        default: nil
        }
    }

    /// Decodes the string entry at `position`, resolving escapes (including UTF-16 surrogate pairs).
    func decodeString(at position: Int) -> String {
        let entry = tape[position]
        let bytes = UnsafeBufferPointer(start: text + Int(entry.start), count: Int(entry.end &- entry.start))
        guard entry.flag else { return String(decoding: bytes, as: UTF8.self) }
        return Self.unescape(bytes)
    }

    /// The text of a JSON string body with its escapes resolved; unpaired surrogates become U+FFFD.
    static func unescape(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var cursor = 0
        var pendingHighSurrogate: UInt32?
        func hex(_ at: Int) -> UInt32 {
            var value: UInt32 = 0
            for byte in bytes[at..<at + 4] {
                let digit: UInt8 =
                    switch byte {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
                    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
                    default: byte - UInt8(ascii: "A") + 10
                    }
                value = value * 16 + UInt32(digit)
            }
            return value
        }
        func appendScalar(_ value: UInt32) {
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
        while cursor < bytes.count {
            let byte = bytes[cursor]
            guard byte == UInt8(ascii: "\\") else {
                if let high = pendingHighSurrogate {
                    appendScalar(high)
                    pendingHighSurrogate = nil
                }
                out.append(byte)
                cursor += 1
                continue
            }
            let code = bytes[cursor + 1]
            if code == UInt8(ascii: "u") {
                let unit = hex(cursor + 2)
                cursor += 6
                if let high = pendingHighSurrogate {
                    pendingHighSurrogate = nil
                    if unit >= 0xDC00 && unit <= 0xDFFF {
                        appendScalar(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00))
                        continue
                    }
                    appendScalar(0xFFFD)
                }
                if unit >= 0xD800 && unit <= 0xDBFF {
                    pendingHighSurrogate = unit
                } else {
                    appendScalar(unit)
                }
                continue
            }
            if pendingHighSurrogate != nil {
                appendScalar(0xFFFD)
                pendingHighSurrogate = nil
            }
            switch code {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            default: out.append(code)
            }
            cursor += 2
        }
        if pendingHighSurrogate != nil { appendScalar(0xFFFD) }
        return String(decoding: out, as: UTF8.self)
    }
}
