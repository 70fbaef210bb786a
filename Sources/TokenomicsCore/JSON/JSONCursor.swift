import Foundation

/// The unchecked fast path of ``JSONWriter``: a write position in memory the writer has reserved.
///
/// Get one from ``JSONWriter/write(reserving:_:)``, which guarantees room for the bytes asked for
/// and checks afterwards that no more were written. The cursor itself never checks, so reserve
/// the sum of the `max…Bytes` bounds of everything written through it. Commas are placed as by
/// the writer: call ``field(_:)`` or ``key(_:)`` before each member value.
public struct JSONCursor {
    /// Where the next byte goes.
    var position: UnsafeMutablePointer<UInt8>
    /// Whether the next value or key needs a comma before it.
    var needsComma: Bool

    init(position: UnsafeMutablePointer<UInt8>, needsComma: Bool) {
        self.position = position
        self.needsComma = needsComma
    }

    // MARK: Bounds

    /// Most bytes of a structural token (`{`, `}`, `[`, `]`) with its comma.
    @inline(__always) public static var maxTokenBytes: Int { 2 }
    /// Most bytes of an integer with its comma: `,-9223372036854775808`.
    @inline(__always) public static var maxIntBytes: Int { 21 }
    /// Most bytes of `true`, `false` or `null` with a comma.
    @inline(__always) public static var maxLiteralBytes: Int { 6 }
    /// Most bytes of a money string with its comma and quotes.
    @inline(__always) public static var maxMoneyBytes: Int { 3 + Money.maxDecimalBytes() }
    /// Most bytes of a date string with its comma and quotes.
    @inline(__always) public static var maxDateBytes: Int { 3 + Timestamp.maxRFC3339Bytes }

    /// Most bytes of `value` as a string value (or key) with its comma and quotes: every byte may
    /// need the six of a `\u00XX` escape.
    @inline(__always) public static func maxStringBytes(_ value: String) -> Int { 3 + 6 * value.utf8.count }

    /// Most bytes of a ``field(_:)`` with its comma, quotes and colon.
    @inline(__always) public static func maxFieldBytes(_ name: StaticString) -> Int { 4 + name.utf8CodeUnitCount }

    // MARK: Writing

    /// Writes a comma if one is due (branch-free: the comma is always stored, then kept or not).
    @inline(__always) mutating func separate() {
        position.pointee = UInt8(ascii: ",")
        position += needsComma ? 1 : 0
    }

    @inline(__always) mutating func put(_ byte: UInt8) {
        position.pointee = byte
        position += 1
    }

    /// Opens an object (`{`).
    @inline(__always) public mutating func beginObject() {
        separate()
        put(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Closes an object (`}`).
    @inline(__always) public mutating func endObject() {
        put(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Opens an array (`[`).
    @inline(__always) public mutating func beginArray() {
        separate()
        put(UInt8(ascii: "["))
        needsComma = false
    }

    /// Closes an array (`]`).
    @inline(__always) public mutating func endArray() {
        put(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes an object key known at compile time and its colon. The caller guarantees a plain
    /// ASCII name that needs no escaping.
    @inline(__always) public mutating func field(_ name: StaticString) {
        separate()
        quotedLiteral(name)
        put(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes an object key (escaped as needed) and its colon.
    @inline(__always) public mutating func key(_ name: String) {
        separate()
        quoted(name)
        put(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a string value.
    @inline(__always) public mutating func string(_ value: String) {
        separate()
        quoted(value)
        needsComma = true
    }

    /// Writes a string value, or `null`.
    @inline(__always) public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// Writes a string value known at compile time, which the caller guarantees needs no escaping.
    @inline(__always) public mutating func string(_ value: StaticString) {
        separate()
        quotedLiteral(value)
        needsComma = true
    }

    /// Writes an integer value.
    @inline(__always) public mutating func int(_ value: Int64) {
        separate()
        digits(value)
        needsComma = true
    }

    /// Writes a boolean value.
    @inline(__always) public mutating func bool(_ value: Bool) {
        separate()
        if value {
            literal("true")
        } else {
            literal("false")
        }
        needsComma = true
    }

    /// Writes `null`.
    @inline(__always) public mutating func null() {
        separate()
        literal("null")
        needsComma = true
    }

    /// Writes money as an exact decimal string, e.g. `"0.087"` (see ``Money/description``).
    @inline(__always) public mutating func money(_ value: Money) {
        separate()
        quoted(value)
        needsComma = true
    }

    /// Writes a date as an RFC 3339 string in UTC with milliseconds.
    @inline(__always) public mutating func date(_ value: Date) {
        separate()
        quoted(value)
        needsComma = true
    }

    // MARK: Writing runs
    //
    // Records of a fixed shape are written fastest as runs of constant text (keys with their
    // punctuation: `,"model":`) between bare values, with the commas inside the runs: these write
    // exactly what they are given, neither a comma nor the comma state.

    /// Copies JSON text known at compile time as it is, in one move: a run of keys and punctuation.
    @inline(__always) mutating func raw(_ text: StaticString) { position = Self.raw(text, at: position) }

    /// Writes the digits of an integer, with its sign.
    @inline(__always) mutating func digits(_ value: Int64) { position = Self.digits(value, at: position) }

    /// Writes money as an exact decimal string in quotes.
    @inline(__always) mutating func quoted(_ value: Money) { position = Self.quoted(value, at: position) }

    /// Writes a date as an RFC 3339 string in quotes.
    @inline(__always) mutating func quoted(_ value: Date) {
        position.pointee = UInt8(ascii: "\"")
        position += 1 + Timestamp.writeRFC3339(value, to: position + 1)
        put(UInt8(ascii: "\""))
    }

    /// Writes a date as an RFC 3339 string in quotes, with the text up to its seconds from
    /// `minute` when it is the minute last written (see ``Timestamp/RFC3339Minute``).
    @inline(__always) mutating func quoted(_ value: Date, minute: inout Timestamp.RFC3339Minute) {
        position.pointee = UInt8(ascii: "\"")
        position += 1 + Timestamp.writeRFC3339(value, to: position + 1, minute: &minute)
        put(UInt8(ascii: "\""))
    }

    /// Copies bytes as they are, with no comma: text outside the JSON structure.
    @inline(__always) mutating func copy(_ bytes: UnsafeRawBufferPointer) { position = Self.copy(bytes, at: position) }

    // MARK: Writing at a position
    //
    // The same writes as functions of a position that return the next one, for writers of whole
    // records: their position stays in a register from one write to the next, where a cursor
    // passed along would be stored and loaded again around each call.

    /// ``raw(_:)`` at `at`; returns the end.
    @inline(__always) static func raw(_ text: StaticString, at: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<
        UInt8
    > {
        UnsafeMutableRawPointer(at).copyMemory(from: text.utf8Start, byteCount: text.utf8CodeUnitCount)
        return at + text.utf8CodeUnitCount
    }

    /// ``digits(_:)`` at `at`; returns the end.
    @inline(__always) static func digits(_ value: Int64, at: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>
    {
        if value == 0 {
            // Zero is the most common count (no cache reads, no reasoning): no digit arithmetic.
            at.pointee = UInt8(ascii: "0")
            return at + 1
        }
        var at = at
        if value < 0 {
            at.pointee = UInt8(ascii: "-")
            at += 1
        }
        return at + DecimalDigits.write(value.magnitude, to: at)
    }

    /// ``quoted(_:)-(Money)`` at `at`; returns the end.
    @inline(__always) static func quoted(_ value: Money, at: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>
    {
        at.pointee = UInt8(ascii: "\"")
        let end = at + 1 + value.writeDecimal(to: at + 1)
        end.pointee = UInt8(ascii: "\"")
        return end + 1
    }

    /// ``copy(_:)`` at `at`; returns the end.
    @inline(__always) static func copy(_ bytes: UnsafeRawBufferPointer, at: UnsafeMutablePointer<UInt8>)
        -> UnsafeMutablePointer<UInt8>
    {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return at }
        UnsafeMutableRawPointer(at).copyMemory(from: source, byteCount: bytes.count)
        return at + bytes.count
    }

    /// ``quoted(_:)-(String)`` at `at`; returns the end.
    @inline(__always) static func quoted(_ text: String, at: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>
    {
        text.utf8.withContiguousStorageIfAvailable { writeQuoted($0, to: at) } ?? writeQuoted(bridged: text, to: at)
    }

    @inline(__always) private mutating func literal(_ text: StaticString) {
        position.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        position += text.utf8CodeUnitCount
    }

    /// Writes `text` in quotes, unescaped: the caller guarantees plain ASCII that needs no escaping.
    @inline(__always) private mutating func quotedLiteral(_ text: StaticString) {
        put(UInt8(ascii: "\""))
        literal(text)
        put(UInt8(ascii: "\""))
    }

    /// Writes `text` in quotes, escaped as JSON requires.
    @inline(__always) mutating func quoted(_ text: String) { position = Self.quoted(text, at: position) }

    /// ``writeQuoted(_:to:)`` for a string without contiguous UTF-8 (bridged from Objective-C).
    @inline(never) static func writeQuoted(
        bridged text: String, to out: UnsafeMutablePointer<UInt8>
    ) -> UnsafeMutablePointer<UInt8> {
        var native = text
        return native.withUTF8 { writeQuoted($0, to: out) }
    }

    /// Writes UTF-8 `text` in quotes at `out` and returns the end.
    ///
    /// The text is copied and checked for bytes that need an escape in the same pass, a word at
    /// a time; only text that has such a byte is then rewritten byte by byte.
    @inline(__always) static func writeQuoted(
        _ text: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>
    ) -> UnsafeMutablePointer<UInt8> {
        out.pointee = UInt8(ascii: "\"")
        let body = out + 1
        let count = text.count
        if let source = text.baseAddress, copyNeedsEscape(source, count: count, to: body) {
            return writeEscaped(text, to: body)
        }
        body[count] = UInt8(ascii: "\"")
        return body + count + 1
    }

    /// Copies `count` bytes from `source` to `out` and tells whether any of them is a quote, a
    /// backslash or a control character.
    ///
    /// Texts of 16 bytes or more go 16 bytes at a time (``anySpecial(in16:)``), the last block
    /// overlapping what came before; shorter ones a word at a time, the last word, or the two
    /// halves of a text shorter than a word, overlapping likewise. No call to `memcpy`, and only
    /// bytes of the text are ever read.
    @inline(__always) static func copyNeedsEscape(
        _ source: UnsafePointer<UInt8>, count: Int, to out: UnsafeMutablePointer<UInt8>
    ) -> Bool {
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(out)
        if count >= 16 {
            var found = false
            var offset = 0
            while offset &+ 16 < count {
                found = anySpecial(in16: source + offset) || found
                to.storeBytes(
                    of: from.loadUnaligned(fromByteOffset: offset, as: (UInt64, UInt64).self), toByteOffset: offset,
                    as: (UInt64, UInt64).self)
                offset &+= 16
            }
            found = anySpecial(in16: source + (count &- 16)) || found
            to.storeBytes(
                of: from.loadUnaligned(fromByteOffset: count &- 16, as: (UInt64, UInt64).self),
                toByteOffset: count &- 16, as: (UInt64, UInt64).self)
            return found
        }
        var found: UInt64 = 0
        if count >= 8 {
            let first = from.loadUnaligned(as: UInt64.self)
            let last = from.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
            to.storeBytes(of: first, as: UInt64.self)
            to.storeBytes(of: last, toByteOffset: count &- 8, as: UInt64.self)
            found = specialBytes(UInt64(littleEndian: first)) | specialBytes(UInt64(littleEndian: last))
        } else if count >= 4 {
            let low = from.loadUnaligned(as: UInt32.self)
            let high = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            to.storeBytes(of: low, as: UInt32.self)
            to.storeBytes(of: high, toByteOffset: count - 4, as: UInt32.self)
            found = specialBytes(UInt64(UInt32(littleEndian: low)) | UInt64(UInt32(littleEndian: high)) << 32)
        } else if count > 0 {
            // One to three bytes: the first, middle and last cover them all.
            let first = source[0]
            let middle = source[count >> 1]
            let last = source[count - 1]
            out[0] = first
            out[count >> 1] = middle
            out[count - 1] = last
            // The five unused bytes are 0xFF, which needs no escape.
            found = specialBytes(
                UInt64(first) | UInt64(middle) << 8 | UInt64(last) << 16 | 0xFFFF_FFFF_FF00_0000)
        }
        return found != 0
    }

    /// Whether any of the 16 bytes at `bytes` is below 0x20, a quote or a backslash.
    ///
    /// A plain loop on purpose: LLVM's SLP vectorizer turns it into a few SSE2 compares and one
    /// mask test (Swift's SIMD types would compare lane by lane here).
    @inline(__always) static func anySpecial(in16 bytes: UnsafePointer<UInt8>) -> Bool {
        var found: UInt8 = 0
        for index in 0..<16 {
            let byte = bytes[index]
            found |= (byte < 0x20 ? 1 : 0) | (byte == 0x22 ? 1 : 0) | (byte == 0x5C ? 1 : 0)
        }
        return found != 0
    }

    /// A word whose high bit is set in some byte if, and only if, some byte of `word` is below
    /// 0x20, a quote or a backslash (the borrow tricks of "Bit Twiddling Hacks" are exact for
    /// whether any byte matches).
    @inline(__always) static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let controls = (word &- ones &* 0x20) & ~word
        let zeroQuote = (quotes &- ones) & ~quotes
        let zeroBackslash = (backslashes &- ones) & ~backslashes
        return (controls | zeroQuote | zeroBackslash) & highs
    }

    /// Writes `text` escaped at `out`, then the closing quote, and returns the end (the slow path).
    static func writeEscaped(
        _ text: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>
    ) -> UnsafeMutablePointer<UInt8> {
        let hex: StaticString = "0123456789abcdef"
        var at = out
        for byte in text {
            let escape: UInt8
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): escape = byte
            case 0x0A: escape = UInt8(ascii: "n")
            case 0x0D: escape = UInt8(ascii: "r")
            case 0x09: escape = UInt8(ascii: "t")
            case 0..<0x20:
                at[0] = UInt8(ascii: "\\")
                at[1] = UInt8(ascii: "u")
                at[2] = UInt8(ascii: "0")
                at[3] = UInt8(ascii: "0")
                at[4] = hex.utf8Start[Int(byte >> 4)]
                at[5] = hex.utf8Start[Int(byte & 15)]
                at += 6
                continue
            default:
                at.pointee = byte
                at += 1
                continue
            }
            at[0] = UInt8(ascii: "\\")
            at[1] = escape
            at += 2
        }
        at.pointee = UInt8(ascii: "\"")
        return at + 1
    }
}
