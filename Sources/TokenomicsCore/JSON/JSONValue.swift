import Foundation

/// A value inside a parsed ``JSONDocument``: a position on its tape, decoded only on demand.
///
/// A `JSONValue` is valid until its document parses another text.
public struct JSONValue {
    let document: JSONDocument
    let index: Int

    @inline(__always) var entry: JSONTapeEntry { document.tape[index] }

    /// The kind of the value.
    public var kind: JSONKind { entry.kind }

    /// Whether the value is JSON `null`.
    public var isNull: Bool { entry.kind == .null }

    /// The member of an object named `key`, or `nil` (also when this is not an object).
    ///
    /// - Complexity: O(members) without decoding any value.
    public subscript(key: String) -> JSONValue? {
        let object = entry
        guard object.kind == .object else { return nil }
        var key = key
        return key.withUTF8 { keyBytes in
            var cursor = index + 1
            let end = Int(object.next)
            while cursor < end {
                if document.keyMatches(at: cursor, keyBytes) {
                    return JSONValue(document: document, index: cursor + 1)
                }
                cursor = Int(document.tape[cursor + 1].next)
            }
            return nil
        }
    }

    /// The value at a path of object keys, e.g. `value["usage", "prompt_tokens_details", "cached_tokens"]`.
    public subscript(first: String, rest: String...) -> JSONValue? {
        var current = self[first]
        for key in rest { current = current?[key] }
        return current
    }

    /// The members of an object as (key, value) pairs, in text order; empty for other kinds.
    public var members: [(key: String, value: JSONValue)] {
        guard entry.kind == .object else { return [] }
        var result: [(key: String, value: JSONValue)] = []
        var cursor = index + 1
        let end = Int(entry.next)
        while cursor < end {
            result.append((document.decodeString(at: cursor), JSONValue(document: document, index: cursor + 1)))
            cursor = Int(document.tape[cursor + 1].next)
        }
        return result
    }

    /// Calls `body` with each member of an object, in text order, without building an array.
    ///
    /// - Parameter body: receives the decoded key and the value.
    public func forEachMember(_ body: (String, JSONValue) throws -> Void) rethrows {
        guard entry.kind == .object else { return }
        var cursor = index + 1
        let end = Int(entry.next)
        while cursor < end {
            try body(document.decodeString(at: cursor), JSONValue(document: document, index: cursor + 1))
            cursor = Int(document.tape[cursor + 1].next)
        }
    }

    /// The elements of an array, in order; empty for other kinds.
    public var elements: [JSONValue] {
        guard entry.kind == .array else { return [] }
        var result: [JSONValue] = []
        var cursor = index + 1
        let end = Int(entry.next)
        while cursor < end {
            result.append(JSONValue(document: document, index: cursor))
            cursor = Int(document.tape[cursor].next)
        }
        return result
    }

    /// The decoded string, or `nil` if this is not a string.
    public var string: String? {
        guard entry.kind == .string else { return nil }
        return document.decodeString(at: index)
    }

    /// Whether this is a string equal to `text`, compared without decoding or allocating.
    public func isString(_ text: String) -> Bool {
        let value = entry
        guard value.kind == .string else { return false }
        if value.flag { return document.decodeString(at: index) == text }
        var text = text
        return text.withUTF8 { document.keyMatches(at: index, $0) }
    }

    /// The boolean, or `nil` if this is not `true` or `false`.
    public var bool: Bool? { entry.kind == .bool ? entry.flag : nil }

    /// The number as an exact integer, or `nil` if this is not a number or has a fractional part.
    ///
    /// Integers written with a fraction or exponent that is whole (`12.0`, `1e3`) are accepted.
    public var int64: Int64? {
        let value = entry
        guard value.kind == .number else { return nil }
        if !value.flag {
            return document.bytes.withUnsafeBufferPointer { buffer -> Int64? in
                var cursor = Int(value.start)
                let end = Int(value.end)
                var negative = false
                if buffer[cursor] == UInt8(ascii: "-") {
                    negative = true
                    cursor += 1
                }
                var result: Int64 = 0
                while cursor < end {
                    let (m, o1) = result.multipliedReportingOverflow(by: 10)
                    let (a, o2) = m.addingReportingOverflow(Int64(buffer[cursor] &- UInt8(ascii: "0")))
                    if o1 || o2 { return nil }
                    result = a
                    cursor += 1
                }
                return negative ? -result : result
            }
        }
        guard let scaled = DecimalText.parse(rawBytes, scale: 0), let exact = Int64(exactly: scaled) else {
            return nil
        }
        return exact
    }

    /// The number as a `Double` (also for numbers written in a string, such as `"12.5"`), or `nil`.
    public var double: Double? {
        let value = entry
        guard value.kind == .number || value.kind == .string else { return nil }
        let text =
            value.kind == .string ? (document.decodeString(at: index)) : String(decoding: rawBytes, as: UTF8.self)
        return Double(text)
    }

    /// The exact decimal text of a number (or of a string holding one), for money.
    public var decimalText: String? {
        switch entry.kind {
        case .number: String(decoding: rawBytes, as: UTF8.self)
        case .string: document.decodeString(at: index)
        default: nil
        }
    }

    /// The value's own bytes in the text (for strings, without the quotes).
    public var rawBytes: ArraySlice<UInt8> {
        let value = entry
        switch value.kind {
        case .object, .array: return document.bytes[Int(value.start)...Int(value.end) - 1]
        default: return document.bytes[Int(value.start)..<Int(value.end)]
        }
    }

    /// The value's JSON text as written (objects and arrays included).
    public var jsonText: String { String(decoding: rawBytes, as: UTF8.self) }

    /// A string value, or the text of a number or boolean: for ids and tags that providers
    /// write either way.
    public var scalarText: String? {
        switch entry.kind {
        case .string: document.decodeString(at: index)
        case .number: String(decoding: rawBytes, as: UTF8.self)
        case .bool: entry.flag ? "true" : "false"
        default: nil
        }
    }
}

extension JSONDocument {
    /// Whether the string entry at `index` equals `key` byte for byte (escaped keys are decoded first).
    @inline(__always)
    func keyMatches(at index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let entry = tape[index]
        if entry.flag { return decodeString(at: index).utf8.elementsEqual(key) }
        let length = Int(entry.end - entry.start)
        guard length == key.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let keyBase = key.baseAddress else { return length == 0 }
            return memcmp(base + Int(entry.start), keyBase, length) == 0
        }
    }

    /// Decodes the string entry at `index`, resolving escapes (including UTF-16 surrogate pairs).
    func decodeString(at index: Int) -> String {
        let entry = tape[index]
        let slice = bytes[Int(entry.start)..<Int(entry.end)]
        guard entry.flag else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var cursor = slice.startIndex
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
        while cursor < slice.endIndex {
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
