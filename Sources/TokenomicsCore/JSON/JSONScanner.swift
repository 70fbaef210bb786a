/// The validating scanner behind ``JSONDocument``: one pass over the bytes, one tape entry per value.
struct JSONScanner {
    var tape: [JSONTapeEntry]
    private var position = 0

    init(tape: [JSONTapeEntry]) { self.tape = tape }

    /// Scans a whole document into `tape`.
    ///
    /// - Returns: the first syntax error, or `nil` when the text is valid JSON.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into tape: inout [JSONTapeEntry]) -> JSONSyntaxError? {
        var scanner = JSONScanner(tape: [])
        swap(&scanner.tape, &tape)
        defer { swap(&scanner.tape, &tape) }
        do throws(JSONSyntaxError) {
            try scanner.scanDocument(bytes)
            return nil
        } catch {
            return error
        }
    }

    mutating func scanDocument(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) {
        guard bytes.count < Int(Int32.max) else { throw JSONSyntaxError(offset: 0, message: "text too large") }
        position = 0
        skipWhitespace(bytes)
        guard position < bytes.count else { throw JSONSyntaxError(offset: 0, message: "empty input") }
        try scanValue(bytes, depth: 0)
        skipWhitespace(bytes)
        if position < bytes.count {
            throw JSONSyntaxError(offset: position, message: "unexpected text after the JSON value")
        }
    }

    @inline(__always)
    private mutating func skipWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func scanValue(_ bytes: UnsafeBufferPointer<UInt8>, depth: Int) throws(JSONSyntaxError) {
        guard position < bytes.count else { throw JSONSyntaxError(offset: position, message: "unexpected end of text") }
        switch bytes[position] {
        case UInt8(ascii: "{"): try scanObject(bytes, depth: depth + 1)
        case UInt8(ascii: "["): try scanArray(bytes, depth: depth + 1)
        case UInt8(ascii: "\""): try scanString(bytes)
        case UInt8(ascii: "t"): try scanLiteral(bytes, "true", kind: .bool, flag: true)
        case UInt8(ascii: "f"): try scanLiteral(bytes, "false", kind: .bool, flag: false)
        case UInt8(ascii: "n"): try scanLiteral(bytes, "null", kind: .null, flag: false)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber(bytes)
        default: throw JSONSyntaxError(offset: position, message: "unexpected character")
        }
    }

    private mutating func scanObject(_ bytes: UnsafeBufferPointer<UInt8>, depth: Int) throws(JSONSyntaxError) {
        guard depth <= JSONDocument.maximumDepth else {
            throw JSONSyntaxError(offset: position, message: "nesting too deep")
        }
        let index = tape.count
        tape.append(JSONTapeEntry(kind: .object, flag: false, start: Int32(position), end: 0, next: 0))
        position += 1
        skipWhitespace(bytes)
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
        } else {
            while true {
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                    throw JSONSyntaxError(offset: position, message: "expected a quoted object key")
                }
                try scanString(bytes)
                skipWhitespace(bytes)
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                    throw JSONSyntaxError(offset: position, message: "expected ':' after an object key")
                }
                position += 1
                skipWhitespace(bytes)
                try scanValue(bytes, depth: depth)
                skipWhitespace(bytes)
                guard position < bytes.count else {
                    throw JSONSyntaxError(offset: position, message: "unterminated object")
                }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    skipWhitespace(bytes)
                } else if bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    break
                } else {
                    throw JSONSyntaxError(offset: position, message: "expected ',' or '}' in an object")
                }
            }
        }
        tape[index].end = Int32(position)
        tape[index].next = Int32(tape.count)
    }

    private mutating func scanArray(_ bytes: UnsafeBufferPointer<UInt8>, depth: Int) throws(JSONSyntaxError) {
        guard depth <= JSONDocument.maximumDepth else {
            throw JSONSyntaxError(offset: position, message: "nesting too deep")
        }
        let index = tape.count
        tape.append(JSONTapeEntry(kind: .array, flag: false, start: Int32(position), end: 0, next: 0))
        position += 1
        skipWhitespace(bytes)
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
        } else {
            while true {
                try scanValue(bytes, depth: depth)
                skipWhitespace(bytes)
                guard position < bytes.count else {
                    throw JSONSyntaxError(offset: position, message: "unterminated array")
                }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    skipWhitespace(bytes)
                } else if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    break
                } else {
                    throw JSONSyntaxError(offset: position, message: "expected ',' or ']' in an array")
                }
            }
        }
        tape[index].end = Int32(position)
        tape[index].next = Int32(tape.count)
    }

    private mutating func scanString(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) {
        let open = position
        position += 1
        let start = position
        var escaped = false
        guard let base = UnsafeRawPointer(bytes.baseAddress) else {
            throw JSONSyntaxError(offset: open, message: "unterminated string")
        }
        while position < bytes.count {
            // Skip eight ordinary bytes at a time: no quote, backslash or control character.
            while position &+ 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                if JSONScanner.needsAttention(word) { break }
                position &+= 8
            }
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                tape.append(
                    JSONTapeEntry(
                        kind: .string, flag: escaped, start: Int32(start), end: Int32(position),
                        next: Int32(tape.count + 1)))
                position += 1
                return
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position += 1
                guard position < bytes.count else { break }
                switch bytes[position] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    position += 1
                case UInt8(ascii: "u"):
                    guard position + 4 < bytes.count,
                        (1...4).allSatisfy({ JSONScanner.isHexDigit(bytes[position + $0]) })
                    else { throw JSONSyntaxError(offset: position, message: "bad \\u escape in a string") }
                    position += 5
                default:
                    throw JSONSyntaxError(offset: position, message: "bad escape in a string")
                }
                continue
            }
            if byte < 0x20 {
                throw JSONSyntaxError(offset: position, message: "control character in a string")
            }
            position += 1
        }
        throw JSONSyntaxError(offset: open, message: "unterminated string")
    }

    /// Whether any byte of `word` is `"`, `\\` or below 0x20 (the SWAR zero-byte test).
    @inline(__always)
    static func needsAttention(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote & highs
        let hasBackslash = (backslash &- ones) & ~backslash & highs
        let hasControl = (word &- ones &* 0x20) & ~word & highs
        return (hasQuote | hasBackslash | hasControl) != 0
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }

    private mutating func scanNumber(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) {
        let start = position
        var fractional = false
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else {
            throw JSONSyntaxError(offset: position, message: "expected a digit")
        }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            fractional = true
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw JSONSyntaxError(offset: position, message: "expected a digit after '.'")
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            fractional = true
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw JSONSyntaxError(offset: position, message: "expected a digit in the exponent")
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        tape.append(
            JSONTapeEntry(
                kind: .number, flag: fractional, start: Int32(start), end: Int32(position), next: Int32(tape.count + 1))
        )
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func scanLiteral(
        _ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString, kind: JSONKind, flag: Bool
    ) throws(JSONSyntaxError) {
        let length = literal.utf8CodeUnitCount
        guard position + length <= bytes.count else {
            throw JSONSyntaxError(offset: position, message: "unexpected end of text")
        }
        let text = literal.utf8Start
        for offset in 0..<length where bytes[position + offset] != text[offset] {
            throw JSONSyntaxError(offset: position, message: "unexpected character")
        }
        tape.append(
            JSONTapeEntry(
                kind: kind, flag: flag, start: Int32(position), end: Int32(position + length),
                next: Int32(tape.count + 1)))
        position += length
    }
}
