/// The validating scanner behind ``JSONDocument``: one pass over the bytes, one tape entry per value.
///
/// The text must be followed by at least ``JSONScanner/padding`` zero bytes. A zero byte is never
/// valid JSON outside a string and is a control character inside one, so the scanner needs no
/// bounds check on its hot paths: it stops at the padding the way it stops at any bad byte, and
/// only then asks whether it ran past the end. Strings are searched sixteen bytes at a time and
/// digit runs eight: such a load never starts past the end of the text, so it stays inside the
/// padding.
///
/// The scan is one loop over steps (see ``Step``) whose state lives in locals, not a recursion;
/// the open objects and arrays are a stack kept on the tape itself (see ``Tape``).
struct JSONScanner {
    /// Zero bytes the scanner may read past the end of the text.
    static let padding = 16

    /// The longest text scanned with a tape that has room for an entry per byte of it.
    static let roomyLength = 1 << 16

    private let base: UnsafePointer<UInt8>
    private let length: Int
    /// The tape, grown when it has too little room (the caller takes it back after the scan).
    private(set) var tape: UnsafeMutablePointer<JSONTapeEntry>
    private(set) var capacity: Int

    /// Prepares a scan of `length` bytes at `base` (followed by ``padding`` zero bytes) into a tape
    /// with room for `capacity` entries (at least one).
    init(base: UnsafePointer<UInt8>, length: Int, tape: UnsafeMutablePointer<JSONTapeEntry>, capacity: Int) {
        self.base = base
        self.length = length
        self.tape = tape
        self.capacity = capacity
    }

    /// Scans the whole text and returns the number of tape entries written.
    @inline(__always)
    mutating func scanDocument() throws(JSONSyntaxError) -> Int {
        guard length < Int(Int32.max) else { throw JSONSyntaxError(offset: 0, message: "text too large") }
        var tape = Tape(entries: self.tape, capacity: capacity)
        // Every value (and key) starts at a byte of its own, so a tape with an entry per byte
        // of text cannot fill: up to `roomyLength` bytes, the scan makes that room at once and
        // never checks again; longer texts, whose tape would be too large, reserve room as they go.
        if length > tape.capacity && length <= JSONScanner.roomyLength {
            tape.reserve(length)
            self.tape = tape.entries
            capacity = tape.capacity
        }
        if length <= tape.capacity { return try scanRoomy(into: tape) }
        defer {
            self.tape = tape.entries
            capacity = tape.capacity
        }
        return try scanReserving(into: &tape)
    }

    /// Scans into a tape that has room for every entry. A function of its own: the compiler
    /// inlines into a function only while it is small, and this one must have the whole scan
    /// inlined.
    @inline(never)
    private func scanRoomy(into tape: Tape) throws(JSONSyntaxError) -> Int {
        // A copy of its own, which never grows, keeps the tape in registers.
        var roomyTape = tape
        return try scan(into: &roomyTape, reservingRoom: false)
    }

    /// Scans into a tape that grows as it fills.
    @inline(never)
    private func scanReserving(into tape: inout Tape) throws(JSONSyntaxError) -> Int {
        try scan(into: &tape, reservingRoom: true)
    }

    /// Where the scan is: what it expects at the cursor.
    private enum Step {
        /// At an object member's key, just after its opening quote. Compact JSON stays in this
        /// step from one member to the next.
        case member
        /// After the `{` of an object: its first key or its `}`.
        case objectStart
        /// After a member's value: a comma and the next key, or the object's `}`.
        case objectNext
        /// After the `[` of an array: its first element or its `]`.
        case arrayStart
        /// After an element: a comma and the next element, or the array's `]`.
        case arrayNext
        /// At a member's value, an element or the root value (or whitespace before it).
        case memberValue, element, root
        /// At the closing bracket of the innermost open container.
        case close
        /// After the root value: nothing but whitespace.
        case end
    }

    /// Scans the whole text into `tape`, reserving room for each value before scanning it if
    /// `reservingRoom`, and returns the number of entries written. Inlined into each of its two
    /// calls, so that the one without reservations has no trace of them.
    ///
    /// The scan moves from step to step (see ``Step``). Compact objects are scanned by the loop
    /// of the ``Step/member`` step alone: a key, a string or number, a comma, the next key.
    @inline(__always)
    private func scan(into tape: inout Tape, reservingRoom: Bool) throws(JSONSyntaxError) -> Int {
        let text = Text(base: base, length: length)
        var cursor = text.skipWhitespace(from: 0)
        guard cursor < length else { throw JSONSyntaxError(offset: 0, message: "empty input") }
        // The tape has room for the root value's entry; room is reserved for each object member
        // (key and value) and array element before it is scanned.
        var step = Step.root
        while true {
            switch step {
            case .member:
                while true {
                    if reservingRoom { tape.reserve(2) }
                    cursor = try text.scanKey(at: cursor, into: &tape)
                    let byte = text[cursor]
                    if byte == UInt8(ascii: "\"") {
                        cursor = try text.scanString(at: cursor, into: &tape)
                        // The test below, made here too: strings, the commonest values, then
                        // go straight on to the next key.
                        if _fastPath(text.pair(at: cursor) == JSONScanner.commaQuote) {
                            cursor &+= 2
                            continue
                        }
                    } else if JSONScanner.isDigit(byte) {
                        cursor = try text.scanNumber(at: cursor, into: &tape)
                    } else if byte == UInt8(ascii: "{") {
                        // A nested object: its members are scanned by this same loop.
                        try text.open(.object, at: cursor, into: &tape)
                        cursor &+= 1
                        if _fastPath(text[cursor] == UInt8(ascii: "\"")) {
                            cursor &+= 1
                            continue
                        }
                        step = .objectStart
                        break
                    } else {
                        // Arrays, negative numbers, literals, whitespace.
                        step = .memberValue
                        break
                    }
                    // In compact JSON the next key follows its comma at once: both bytes in one test.
                    guard _fastPath(text.pair(at: cursor) == JSONScanner.commaQuote) else {
                        step = .objectNext
                        break
                    }
                    cursor &+= 2
                }
            case .memberValue, .element, .root:
                var byte = text[cursor]
                if _slowPath(JSONScanner.isWhitespace(byte)) {
                    cursor = text.skipWhitespace(from: cursor)
                    byte = text[cursor]
                }
                if byte | 0x20 == UInt8(ascii: "{") {
                    // `{` or `[` (0x7B or 0x5B).
                    let object = byte == UInt8(ascii: "{")
                    try text.open(object ? .object : .array, at: cursor, into: &tape)
                    cursor &+= 1
                    step = object ? .objectStart : .arrayStart
                    continue
                }
                if byte == UInt8(ascii: "\"") {
                    cursor = try text.scanString(at: cursor, into: &tape)
                } else if JSONScanner.isDigit(byte) || byte == UInt8(ascii: "-") {
                    cursor = try text.scanNumber(at: cursor, into: &tape)
                } else {
                    let literal = try text.literal(at: cursor)
                    tape.appendScalar(literal.kind, flag: literal.flag, start: cursor, end: literal.end)
                    cursor = literal.end
                }
                step = step == .memberValue ? .objectNext : step == .element ? .arrayNext : .end
            case .objectStart:
                cursor = text.skipWhitespace(from: cursor)
                if text[cursor] == UInt8(ascii: "}") {
                    step = .close
                    continue
                }
                guard _fastPath(text[cursor] == UInt8(ascii: "\"")) else {
                    throw text.failure("expected a quoted object key", at: cursor)
                }
                cursor &+= 1
                step = .member
            case .objectNext:
                if text[cursor] == UInt8(ascii: "}") {
                    step = .close
                    continue
                }
                if text.pair(at: cursor) == JSONScanner.commaQuote {
                    cursor &+= 2
                    step = .member
                    continue
                }
                switch text[cursor] {
                case UInt8(ascii: ","):
                    cursor = text.skipWhitespace(from: cursor &+ 1)
                    guard text[cursor] == UInt8(ascii: "\"") else {
                        throw text.failure("expected a quoted object key", at: cursor)
                    }
                    cursor &+= 1
                    step = .member
                case UInt8(ascii: "}"):
                    step = .close
                case 0x20, 0x0A, 0x0D, 0x09:
                    cursor = text.skipWhitespace(from: cursor)
                default:
                    throw text.failure("expected ',' or '}' in an object", at: cursor)
                }
            case .arrayStart:
                cursor = text.skipWhitespace(from: cursor)
                if text[cursor] == UInt8(ascii: "]") {
                    step = .close
                } else {
                    if reservingRoom { tape.reserve(1) }
                    step = .element
                }
            case .arrayNext:
                switch text[cursor] {
                case UInt8(ascii: ","):
                    cursor &+= 1
                    if reservingRoom { tape.reserve(1) }
                    step = .element
                case UInt8(ascii: "]"):
                    step = .close
                case 0x20, 0x0A, 0x0D, 0x09:
                    cursor = text.skipWhitespace(from: cursor)
                default:
                    throw text.failure("expected ',' or ']' in an array", at: cursor)
                }
            case .close:
                cursor &+= 1
                step = tape.close(end: cursor)
            case .end:
                cursor = text.skipWhitespace(from: cursor)
                // A zero byte inside the text stops the scan as the end of the text would.
                if cursor < length { throw text.failure("unexpected text after the JSON value", at: cursor) }
                return tape.count
            }
        }
    }

    /// The tape being written, kept in locals during a scan. Appending does not check for room:
    /// the scan makes it (see ``reserve(_:)``).
    ///
    /// The open objects and arrays form a stack on the tape itself: until it closes, a
    /// container's entry holds its depth in `end` and the distance back to the container
    /// enclosing it in `span` (zero for none).
    private struct Tape {
        private(set) var entries: UnsafeMutablePointer<JSONTapeEntry>
        /// Where the next entry goes.
        private var slot: UnsafeMutablePointer<JSONTapeEntry>
        /// One past the last entry there is room for.
        private var limit: UnsafeMutablePointer<JSONTapeEntry>
        /// The innermost open object or array.
        private var open: UnsafeMutablePointer<JSONTapeEntry>?

        init(entries: UnsafeMutablePointer<JSONTapeEntry>, capacity: Int) {
            self.entries = entries
            slot = entries
            limit = entries + capacity
        }

        var capacity: Int { limit - entries }
        var count: Int { Int(Tape.distance(from: entries, to: slot)) }

        /// Makes room for `extra` more entries.
        @inline(__always)
        mutating func reserve(_ extra: Int) {
            if limit - slot < extra { grow(by: extra) }
        }

        /// Makes room for `extra` more entries and at least doubles the room, moving the entries
        /// so far.
        @inline(never)
        private mutating func grow(by extra: Int) {
            let used = count
            let capacity = max(self.capacity * 2, used + extra)
            let larger = UnsafeMutablePointer<JSONTapeEntry>.allocate(capacity: capacity)
            larger.moveInitialize(from: entries, count: used)
            if let open { self.open = larger + (open - entries) }
            entries.deallocate()
            entries = larger
            slot = larger + used
            limit = larger + capacity
        }

        /// Appends a string, number or literal spanning `start..<end`.
        @inline(__always)
        mutating func appendScalar(_ kind: JSONKind, flag: Bool, start: Int, end: Int) {
            slot.initialize(
                to: JSONTapeEntry(
                    start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end), span: 1, kind: kind,
                    flag: flag))
            slot += 1
        }

        /// Appends an object or array opened at `start`, which becomes the innermost open one,
        /// and returns its depth.
        @inline(__always)
        mutating func open(_ kind: JSONKind, start: Int) -> Int {
            var depth: Int32 = 1
            var parent: Int32 = 0
            if let open {
                depth = open.pointee.end &+ 1
                parent = Tape.distance(from: open, to: slot)
            }
            slot.initialize(
                to: JSONTapeEntry(
                    start: Int32(truncatingIfNeeded: start), end: depth, span: parent, kind: kind, flag: false))
            open = slot
            slot += 1
            return Int(depth)
        }

        /// Completes the innermost open object or array, which ends before `end`, and returns
        /// the step after it, in the container enclosing it.
        @inline(__always)
        mutating func close(end: Int) -> Step {
            // Only an open container is ever closed.
            let container = open.unsafelyUnwrapped
            let parent = Int(container.pointee.span)
            container.pointee.end = Int32(truncatingIfNeeded: end)
            container.pointee.span = Tape.distance(from: container, to: slot)
            guard parent != 0 else {
                open = nil
                return .end
            }
            let enclosing = container - parent
            open = enclosing
            return enclosing.pointee.kind == .object ? .objectNext : .arrayNext
        }

        /// How many entries `later` is after `earlier` (an unsigned division: a shift).
        @inline(__always)
        private static func distance(
            from earlier: UnsafeMutablePointer<JSONTapeEntry>, to later: UnsafeMutablePointer<JSONTapeEntry>
        ) -> Int32 {
            let bytes = UInt(bitPattern: UnsafeRawPointer(later) - UnsafeRawPointer(earlier))
            return Int32(truncatingIfNeeded: bytes / UInt(MemoryLayout<JSONTapeEntry>.stride))
        }
    }

    /// The text being scanned, read by offset (the text is shorter than `Int32.max`, checked
    /// once, so offsets fit the tape).
    private struct Text {
        let base: UnsafePointer<UInt8>
        let length: Int

        @inline(__always)
        subscript(offset: Int) -> UInt8 { base[offset] }

        /// Eight bytes from `offset` (which must be at most the text's length), as one word.
        @inline(__always)
        func word(at offset: Int) -> UInt64 { UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) }

        /// The offset of the first byte at or after `offset` that is not whitespace.
        @inline(__always)
        func skipWhitespace(from offset: Int) -> Int {
            var cursor = offset
            while JSONScanner.isWhitespace(base[cursor]) { cursor &+= 1 }
            return cursor
        }

        /// The error for the byte at `offset`: past the end, the text was cut short.
        @inline(never)
        func failure(_ message: String, at offset: Int) -> JSONSyntaxError {
            if offset >= length { return JSONSyntaxError(offset: length, message: "unexpected end of text") }
            return JSONSyntaxError(offset: offset, message: message)
        }

        /// Appends the object or array whose bracket is at `offset` (see ``Tape/open(_:start:)``).
        @inline(__always)
        func open(_ kind: JSONKind, at offset: Int, into tape: inout Tape) throws(JSONSyntaxError) {
            let depth = tape.open(kind, start: offset)
            guard _fastPath(depth <= JSONDocument.maximumDepth) else { throw failure("nesting too deep", at: offset) }
        }

        /// Two bytes from `offset` (which must be at most the text's length), the first in the
        /// low byte.
        @inline(__always)
        func pair(at offset: Int) -> UInt16 {
            UInt16(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt16.self))
        }

        /// Scans the object key that starts at `start`, after its opening quote, and the colon
        /// after it, and returns the offset after the colon.
        @inline(__always)
        func scanKey(at start: Int, into tape: inout Tape) throws(JSONSyntaxError) -> Int {
            var cursor = attention(from: start)
            // In compact JSON the colon follows the closing quote at once: both bytes in one test.
            if _fastPath(pair(at: cursor) == JSONScanner.quoteColon) {
                tape.appendScalar(.string, flag: false, start: start, end: cursor)
                return cursor &+ 2
            }
            var escaped = false
            if _slowPath(base[cursor] != UInt8(ascii: "\"")) {
                (cursor, escaped) = try stringEnd(from: cursor, quote: start &- 1)
            }
            tape.appendScalar(.string, flag: escaped, start: start, end: cursor)
            cursor &+= 1
            if _slowPath(base[cursor] != UInt8(ascii: ":")) {
                cursor = skipWhitespace(from: cursor)
                guard base[cursor] == UInt8(ascii: ":") else {
                    throw failure("expected ':' after an object key", at: cursor)
                }
            }
            return cursor &+ 1
        }

        /// Scans the string whose opening quote is at `quote` and returns the offset after it.
        @inline(__always)
        func scanString(at quote: Int, into tape: inout Tape) throws(JSONSyntaxError) -> Int {
            let start = quote &+ 1
            var cursor = attention(from: start)
            if _fastPath(base[cursor] == UInt8(ascii: "\"")) {
                tape.appendScalar(.string, flag: false, start: start, end: cursor)
            } else {
                let escaped: Bool
                (cursor, escaped) = try stringEnd(from: cursor, quote: quote)
                tape.appendScalar(.string, flag: escaped, start: start, end: cursor)
            }
            return cursor &+ 1
        }

        /// The closing quote of the string opened at `quote`, from `offset`, a byte that
        /// ``attention(from:)`` stopped at that is not the closing quote; and whether the string
        /// holds escapes.
        @inline(never)
        func stringEnd(from offset: Int, quote: Int) throws(JSONSyntaxError) -> (Int, escaped: Bool) {
            var cursor = offset
            var escaped = false
            while true {
                switch base[cursor] {
                case UInt8(ascii: "\""):
                    return (cursor, escaped)
                case UInt8(ascii: "\\"):
                    escaped = true
                    cursor &+= 1
                    switch base[cursor] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                        UInt8(ascii: "f"),
                        UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        cursor &+= 1
                    case UInt8(ascii: "u"):
                        for digit in 1...4 where !JSONScanner.isHexDigit(base[cursor &+ digit]) {
                            throw failure("bad \\u escape in a string", at: cursor &+ digit)
                        }
                        cursor &+= 5
                    default:
                        throw failure("bad escape in a string", at: cursor)
                    }
                case 0x80...:
                    // Not a byte to stop at: see ``JSONScanner/attentionMask(_:)``.
                    cursor &+= 1
                default:
                    if cursor >= length { throw JSONSyntaxError(offset: quote, message: "unterminated string") }
                    throw failure("control character in a string", at: cursor)
                }
                cursor = attention(from: cursor)
            }
        }

        /// The offset of the first quote, backslash or control character at or after `offset`
        /// (which must be at most the text's length), or of a byte of 0x80 or above before it;
        /// found sixteen bytes at a time: the padding after the text is all control characters,
        /// so this cannot run past it.
        @inline(__always)
        func attention(from offset: Int) -> Int {
            var cursor = offset
            while true {
                let mask = JSONScanner.attentionMask(
                    UnsafeRawPointer(base + cursor).loadUnaligned(as: SIMD2<UInt64>.self))
                if mask[0] != 0 { return cursor &+ mask[0].trailingZeroBitCount &>> 3 }
                if mask[1] != 0 { return cursor &+ 8 &+ mask[1].trailingZeroBitCount &>> 3 }
                cursor &+= 16
            }
        }

        /// Scans the number that starts at `start` and returns the offset after it.
        @inline(__always)
        func scanNumber(at start: Int, into tape: inout Tape) throws(JSONSyntaxError) -> Int {
            var cursor = start
            if base[cursor] == UInt8(ascii: "-") { cursor &+= 1 }
            let first = base[cursor]
            guard _fastPath(JSONScanner.isDigit(first)) else { throw failure("expected a digit", at: cursor) }
            // A leading zero stands alone: "01" is a zero followed by a stray digit.
            cursor &+= first == UInt8(ascii: "0") ? 1 : digitCount(at: cursor)
            let next = base[cursor]
            // Most integers are followed by a comma: one test for them.
            let fractional =
                next != UInt8(ascii: ",") && (next == UInt8(ascii: ".") || next | 0x20 == UInt8(ascii: "e"))
            if _slowPath(fractional) { cursor = try fractionEnd(from: cursor) }
            tape.appendScalar(.number, flag: fractional, start: start, end: cursor)
            return cursor
        }

        /// The end of a number's fraction and exponent, starting at its `.`, `e` or `E`.
        @inline(never)
        func fractionEnd(from offset: Int) throws(JSONSyntaxError) -> Int {
            var cursor = offset
            if base[cursor] == UInt8(ascii: ".") {
                cursor &+= 1
                guard JSONScanner.isDigit(base[cursor]) else { throw failure("expected a digit after '.'", at: cursor) }
                cursor &+= digitCount(at: cursor)
            }
            if base[cursor] | 0x20 == UInt8(ascii: "e") {
                cursor &+= 1
                if base[cursor] == UInt8(ascii: "+") || base[cursor] == UInt8(ascii: "-") { cursor &+= 1 }
                guard JSONScanner.isDigit(base[cursor]) else {
                    throw failure("expected a digit in the exponent", at: cursor)
                }
                cursor &+= digitCount(at: cursor)
            }
            return cursor
        }

        /// How many ASCII digits start at `offset`, eight at a time (the run ends at the text's
        /// end at the latest, since the padding is zeros).
        @inline(__always)
        func digitCount(at offset: Int) -> Int {
            var count = 0
            while true {
                let mask = JSONScanner.nonDigitMask(word(at: offset &+ count))
                if mask != 0 { return count &+ mask.trailingZeroBitCount &>> 3 }
                count &+= 8
            }
        }

        /// The `true`, `false` or `null` at `offset`: its kind, flag and end. Out of line, to
        /// keep the scan loop small enough to be compiled whole.
        @inline(never)
        func literal(at offset: Int) throws(JSONSyntaxError) -> (kind: JSONKind, flag: Bool, end: Int) {
            let literal: StaticString
            let kind: JSONKind
            let flag: Bool
            switch base[offset] {
            case UInt8(ascii: "t"): (literal, kind, flag) = ("true", .bool, true)
            case UInt8(ascii: "f"): (literal, kind, flag) = ("false", .bool, false)
            case UInt8(ascii: "n"): (literal, kind, flag) = ("null", .null, false)
            default: throw failure("unexpected character", at: offset)
            }
            let count = literal.utf8CodeUnitCount
            let expected = literal.utf8Start
            // The padding (zeros) never matches a letter, so no bounds check is needed.
            for index in 1..<count where base[offset &+ index] != expected[index] {
                throw failure("unexpected character", at: offset &+ index)
            }
            return (kind, flag, offset &+ count)
        }
    }

    /// `,"` and `":` as ``Text/pair(at:)`` reads them.
    static let commaQuote = UInt16(UInt8(ascii: ",")) | UInt16(UInt8(ascii: "\"")) << 8
    static let quoteColon = UInt16(UInt8(ascii: "\"")) | UInt16(UInt8(ascii: ":")) << 8

    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// The high bit set in each byte of `words` that is `"`, `\\` or below 0x20, for each of the
    /// two words up to and including the lowest such byte; above it, and in bytes of 0x80 and
    /// above (UTF-8), there may be false positives, so a scan checks the lowest byte marked in
    /// each word and skips it if it is 0x80 or above. Two words at a time, which vector
    /// registers do in one step.
    ///
    /// Two "has a byte below n" tests, `x - n`, whose borrows only disturb the bytes above the
    /// first hit: after an `xor` with 0x02 the control characters stay below 0x20 and the quote
    /// becomes 0x20, so one test for bytes below 0x21 finds both; after an `xor` with 0x5C the
    /// backslash is the only zero. A byte at or above n (and below 0x80 + n) leaves its high bit
    /// clear.
    @inline(__always)
    static func attentionMask(_ words: SIMD2<UInt64>) -> SIMD2<UInt64> {
        let ones = SIMD2<UInt64>(repeating: 0x0101_0101_0101_0101)
        let controlOrQuote = (words ^ (ones &* 0x02)) &- (ones &* 0x21)
        let backslash = (words ^ (ones &* 0x5C)) &- ones
        return (controlOrQuote | backslash) & (ones &* 0x80)
    }

    /// A word with the high bit set in each byte of `word` that is not an ASCII digit — exact up
    /// to and including the lowest such byte. Digits become 0...9 after the `xor`; adding 0x76
    /// sets the high bit of any byte above 9, and bytes that were already 0x80 or more are caught
    /// by the `or` (their carry only disturbs higher bytes).
    @inline(__always)
    static func nonDigitMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let values = word ^ (ones &* 0x30)
        return ((values &+ ones &* 0x76) | values) & (ones &* 0x80)
    }

    @inline(__always)
    static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
}
