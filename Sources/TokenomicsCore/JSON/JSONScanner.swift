/// The validating scanner behind ``JSONDocument``: one pass over the bytes, one tape entry per value.
///
/// The text must be followed by at least ``JSONScanner/padding`` zero bytes. A zero byte is never
/// valid JSON outside a string and is a control character inside one, so the scanner needs no
/// bounds check on its hot paths: it stops at the padding the way it stops at any bad byte, and
/// only then asks whether it ran past the end. Strings are skipped eight bytes at a time.
struct JSONScanner {
    /// Zero bytes the scanner may read past the end of the text.
    static let padding = 16

    /// Why a scan stopped early.
    enum Stop: Error {
        /// The text is not valid JSON.
        case syntax(JSONSyntaxError)
        /// The tape has no room for another entry: grow it and scan again.
        case tapeFull
    }

    private let base: UnsafePointer<UInt8>
    private let end: Int
    private let tape: UnsafeMutablePointer<JSONTapeEntry>
    private let capacity: Int
    private(set) var count = 0
    private var position = 0

    /// Prepares a scan of `length` bytes at `base` (followed by ``padding`` zero bytes) into a tape
    /// with room for `capacity` entries.
    init(base: UnsafePointer<UInt8>, length: Int, tape: UnsafeMutablePointer<JSONTapeEntry>, capacity: Int) {
        self.base = base
        self.end = length
        self.tape = tape
        self.capacity = capacity
    }

    /// Scans the whole text; on success ``count`` is the number of tape entries written.
    mutating func scanDocument() throws(Stop) {
        guard end < Int(Int32.max) else { throw .syntax(JSONSyntaxError(offset: 0, message: "text too large")) }
        skipWhitespace()
        guard position < end else { throw .syntax(JSONSyntaxError(offset: 0, message: "empty input")) }
        try scanValue(depth: 0)
        skipWhitespace()
        if position < end { throw failure("unexpected text after the JSON value") }
    }

    /// The error for the byte at the current position: past the end, the text was cut short.
    private func failure(_ message: String, at offset: Int? = nil) -> Stop {
        let offset = offset ?? position
        if offset >= end { return .syntax(JSONSyntaxError(offset: end, message: "unexpected end of text")) }
        return .syntax(JSONSyntaxError(offset: offset, message: message))
    }

    @inline(__always)
    private mutating func emit(_ kind: JSONKind, flag: Bool, start: Int, end: Int, next: Int) throws(Stop) {
        guard count < capacity else { throw .tapeFull }
        // The text is shorter than Int32.max (checked once), so positions and counts fit.
        tape[count] = JSONTapeEntry(
            kind: kind, flag: flag, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end),
            next: Int32(truncatingIfNeeded: next))
        count &+= 1
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while true {
            switch base[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position &+= 1
            default: return
            }
        }
    }

    private mutating func scanValue(depth: Int) throws(Stop) {
        switch base[position] {
        case UInt8(ascii: "\""): try scanString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber()
        case UInt8(ascii: "{"): try scanObject(depth: depth &+ 1)
        case UInt8(ascii: "["): try scanArray(depth: depth &+ 1)
        case UInt8(ascii: "t"): try scanLiteral("true", kind: .bool, flag: true)
        case UInt8(ascii: "f"): try scanLiteral("false", kind: .bool, flag: false)
        case UInt8(ascii: "n"): try scanLiteral("null", kind: .null, flag: false)
        default: throw failure("unexpected character")
        }
    }

    private mutating func scanObject(depth: Int) throws(Stop) {
        guard depth <= JSONDocument.maximumDepth else { throw failure("nesting too deep") }
        let index = count
        try emit(.object, flag: false, start: position, end: 0, next: 0)
        position &+= 1
        skipWhitespace()
        if base[position] == UInt8(ascii: "}") {
            position &+= 1
        } else {
            while true {
                guard base[position] == UInt8(ascii: "\"") else { throw failure("expected a quoted object key") }
                try scanString()
                skipWhitespace()
                guard base[position] == UInt8(ascii: ":") else { throw failure("expected ':' after an object key") }
                position &+= 1
                skipWhitespace()
                // Most member values are strings: scan those here rather than through the dispatch.
                if base[position] == UInt8(ascii: "\"") { try scanString() } else { try scanValue(depth: depth) }
                skipWhitespace()
                let byte = base[position]
                if byte == UInt8(ascii: ",") {
                    position &+= 1
                    skipWhitespace()
                } else if byte == UInt8(ascii: "}") {
                    position &+= 1
                    break
                } else {
                    throw failure("expected ',' or '}' in an object")
                }
            }
        }
        tape[index].end = Int32(truncatingIfNeeded: position)
        tape[index].next = Int32(truncatingIfNeeded: count)
    }

    private mutating func scanArray(depth: Int) throws(Stop) {
        guard depth <= JSONDocument.maximumDepth else { throw failure("nesting too deep") }
        let index = count
        try emit(.array, flag: false, start: position, end: 0, next: 0)
        position &+= 1
        skipWhitespace()
        if base[position] == UInt8(ascii: "]") {
            position &+= 1
        } else {
            while true {
                try scanValue(depth: depth)
                skipWhitespace()
                let byte = base[position]
                if byte == UInt8(ascii: ",") {
                    position &+= 1
                    skipWhitespace()
                } else if byte == UInt8(ascii: "]") {
                    position &+= 1
                    break
                } else {
                    throw failure("expected ',' or ']' in an array")
                }
            }
        }
        tape[index].end = Int32(truncatingIfNeeded: position)
        tape[index].next = Int32(truncatingIfNeeded: count)
    }

    /// Scans the string whose opening quote is at the current position.
    @inline(__always)
    private mutating func scanString() throws(Stop) {
        let open = position
        let start = open &+ 1
        var cursor = start
        var escaped = false
        let raw = UnsafeRawPointer(base)
        while true {
            // Eight bytes at a time to the first quote, backslash or control character (the padding
            // after the text is all control characters, so this cannot run past it).
            let mask = JSONScanner.attentionMask(raw.loadUnaligned(fromByteOffset: cursor, as: UInt64.self))
            if mask == 0 {
                cursor &+= 8
                continue
            }
            cursor &+= mask.trailingZeroBitCount &>> 3
            let byte = base[cursor]
            if byte == UInt8(ascii: "\"") {
                try emit(.string, flag: escaped, start: start, end: cursor, next: count &+ 1)
                position = cursor &+ 1
                return
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                cursor &+= 1
                switch base[cursor] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    cursor &+= 1
                case UInt8(ascii: "u"):
                    for offset in 1...4 where !JSONScanner.isHexDigit(base[cursor &+ offset]) {
                        throw failure("bad \\u escape in a string", at: cursor &+ offset)
                    }
                    cursor &+= 5
                default:
                    throw failure("bad escape in a string", at: cursor)
                }
                continue
            }
            if cursor >= end { throw .syntax(JSONSyntaxError(offset: open, message: "unterminated string")) }
            throw failure("control character in a string", at: cursor)
        }
    }

    /// A word with the high bit set in each byte of `word` that is `"`, `\\` or below 0x20 — exact
    /// up to and including the lowest such byte (the SWAR zero-byte test; higher bytes may be
    /// false positives, which is why only the lowest is used).
    @inline(__always)
    static func attentionMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        let hasControl = (word &- ones &* 0x20) & ~word
        return (hasQuote | hasBackslash | hasControl) & highs
    }

    @inline(__always)
    static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    @inline(__always)
    private mutating func skipDigits() {
        while JSONScanner.isDigit(base[position]) { position &+= 1 }
    }

    private mutating func scanNumber() throws(Stop) {
        let start = position
        var fractional = false
        if base[position] == UInt8(ascii: "-") { position &+= 1 }
        guard JSONScanner.isDigit(base[position]) else { throw failure("expected a digit") }
        if base[position] == UInt8(ascii: "0") {
            position &+= 1
        } else {
            skipDigits()
        }
        if base[position] == UInt8(ascii: ".") {
            fractional = true
            position &+= 1
            guard JSONScanner.isDigit(base[position]) else { throw failure("expected a digit after '.'") }
            skipDigits()
        }
        if base[position] | 0x20 == UInt8(ascii: "e") {
            fractional = true
            position &+= 1
            if base[position] == UInt8(ascii: "+") || base[position] == UInt8(ascii: "-") { position &+= 1 }
            guard JSONScanner.isDigit(base[position]) else { throw failure("expected a digit in the exponent") }
            skipDigits()
        }
        try emit(.number, flag: fractional, start: start, end: position, next: count &+ 1)
    }

    private mutating func scanLiteral(_ literal: StaticString, kind: JSONKind, flag: Bool) throws(Stop) {
        let length = literal.utf8CodeUnitCount
        let text = literal.utf8Start
        // The padding (zeros) never matches a letter, so no bounds check is needed.
        for offset in 0..<length where base[position &+ offset] != text[offset] {
            throw failure("unexpected character", at: position &+ offset)
        }
        try emit(kind, flag: flag, start: position, end: position &+ length, next: count &+ 1)
        position &+= length
    }
}
