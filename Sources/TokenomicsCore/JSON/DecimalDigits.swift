/// Unchecked decimal-digit writing into memory the caller has reserved, two digits per division.
///
/// The writers of ``JSONCursor``, ``Money`` and ``Timestamp`` share these: no allocation, no
/// division loop per digit, no bounds checks (the caller guarantees the room).
enum DecimalDigits {
    /// `"00"`, `"01"`, … `"99"`: two ASCII digits per entry.
    @inline(__always) static var pairs: UnsafePointer<UInt8> {
        let table: StaticString = """
            00010203040506070809101112131415161718192021222324252627282930313233343536373839\
            40414243444546474849505152535455565758596061626364656667686970717273747576777879\
            8081828384858687888990919293949596979899
            """
        return table.utf8Start
    }

    /// The number of decimal digits of `value` (1 for zero).
    @inline(__always) static func count(_ value: UInt64) -> Int {
        var digits = 1
        var power: UInt64 = 10
        while digits < 20, value >= power {
            digits += 1
            power &*= 10
        }
        return digits
    }

    /// Writes `value` as exactly `width` digits (zero-padded on the left) at `out`.
    ///
    /// - Precondition: `value < 10^width`; `out` has room for `width` bytes.
    @inline(__always) static func write(_ value: UInt64, width: Int, to out: UnsafeMutablePointer<UInt8>) {
        var rest = value
        var end = width
        while end >= 2 {
            let quotient = rest / 100
            let pair = Int(truncatingIfNeeded: rest &- quotient &* 100)
            end -= 2
            writePair(pair, to: out + end)
            rest = quotient
        }
        if end == 1 { out.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest) }
    }

    /// Writes the two digits of `value` (below 100) at `out`.
    @inline(__always) static func writePair(_ value: Int, to out: UnsafeMutablePointer<UInt8>) {
        let digits = UnsafeRawPointer(pairs + 2 &* value).loadUnaligned(as: UInt16.self)
        UnsafeMutableRawPointer(out).storeBytes(of: digits, as: UInt16.self)
    }

    /// The eight decimal digits of `value` (below 10^8) as byte values 0–9 in one word, the most
    /// significant digit in the lowest byte, so that storing the word (plus ``asciiZeros``) on a
    /// little-endian machine writes them in reading order.
    ///
    /// Branch-free and without a table (P. Khuong's and D. Lemire's "SWAR" conversion): split
    /// into two 4-digit halves, each half into two 2-digit lanes, each lane into two digits, the
    /// divisions done by multiplying with scaled reciprocals that are exact in these ranges.
    @inline(__always) static func eightDigitValues(_ value: UInt32) -> UInt64 {
        let halves = UInt64(value / 10_000) | UInt64(value % 10_000) << 32
        let hundreds = ((halves &* 10_486) >> 20) & 0x0000_007F_0000_007F
        let pairs = (halves &- hundreds &* 100) << 16 &+ hundreds
        let tens = ((pairs &* 103) >> 10) & 0x000F_000F_000F_000F
        return tens &+ (pairs &- tens &* 10) << 8
    }

    /// `"00000000"` as a word: added to ``eightDigitValues(_:)`` it gives ASCII digits.
    @inline(__always) static var asciiZeros: UInt64 { 0x3030_3030_3030_3030 }

    /// Writes the eight digits of `value` (below 10^8), zero-padded, at `out`.
    @inline(__always) static func writeEight(_ value: UInt32, to out: UnsafeMutablePointer<UInt8>) {
        store(eightDigitValues(value), to: out)
    }

    /// Writes the eight digits of a word of ``eightDigitValues(_:)`` at `out`.
    @inline(__always) static func store(_ digitValues: UInt64, to out: UnsafeMutablePointer<UInt8>) {
        let ascii = UInt64(littleEndian: digitValues | asciiZeros)
        UnsafeMutableRawPointer(out).storeBytes(of: ascii, as: UInt64.self)
    }

    /// Writes `value` (below 10^8) with as many digits as it needs and returns how many (1 to 8).
    ///
    /// Always stores eight bytes: the caller's room must hold eight, and bytes past the digits are junk.
    @inline(__always) static func writeShort(_ value: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let digits = eightDigitValues(value)
        // Leading zero digits are the low zero bytes of the word (a zero value keeps one digit).
        let leading = value == 0 ? 7 : digits.trailingZeroBitCount >> 3
        let ascii = UInt64(littleEndian: (digits | asciiZeros) &>> UInt64(leading << 3))
        UnsafeMutableRawPointer(out).storeBytes(of: ascii, as: UInt64.self)
        return 8 - leading
    }

    /// Writes `value` with as many digits as it needs and returns the number written (1 to 20).
    ///
    /// Stores up to 20 bytes: the caller's room must hold 20, and bytes past the digits are junk.
    @inline(__always) static func write(_ value: UInt64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        if value < 10_000 { return writeFour(Int(truncatingIfNeeded: value), to: out) }
        if value < 100_000_000 { return writeShort(UInt32(truncatingIfNeeded: value), to: out) }
        return writeLong(value, to: out)
    }

    /// Writes `value` (below 10^4) with as many digits as it needs and returns how many (1 to 4):
    /// two pairs from the table, the common size of a token count.
    ///
    /// Always stores four bytes: the caller's room must hold four, and bytes past the digits are junk.
    @inline(__always) static func writeFour(_ value: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let high = (value &* 5243) &>> 19  // value / 100, exact below 43,699
        let highDigits = UnsafeRawPointer(pairs + 2 &* high).loadUnaligned(as: UInt16.self)
        let lowDigits = UnsafeRawPointer(pairs + 2 &* (value &- high &* 100)).loadUnaligned(as: UInt16.self)
        // The four digits in reading order on a little-endian machine, leading zeros shifted out.
        let digits = UInt32(UInt16(littleEndian: highDigits)) | UInt32(UInt16(littleEndian: lowDigits)) << 16
        let leading = (value < 10 ? 1 : 0) &+ (value < 100 ? 1 : 0) &+ (value < 1000 ? 1 : 0)
        UnsafeMutableRawPointer(out).storeBytes(
            of: UInt32(littleEndian: digits &>> UInt32(leading &* 8)), as: UInt32.self)
        return 4 &- leading
    }

    /// ``write(_:to:)-(UInt64,_)`` for values of nine digits or more, kept out of line so that
    /// callers inline only the short case.
    @inline(never) static func writeLong(_ value: UInt64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        if value < 10_000_000_000_000_000 {
            let high = value / 100_000_000
            let written = writeShort(UInt32(truncatingIfNeeded: high), to: out)
            writeEight(UInt32(truncatingIfNeeded: value &- high &* 100_000_000), to: out + written)
            return written + 8
        }
        let high = value / 10_000_000_000_000_000
        let rest = value &- high &* 10_000_000_000_000_000
        let middle = rest / 100_000_000
        let written = writeShort(UInt32(truncatingIfNeeded: high), to: out)
        writeEight(UInt32(truncatingIfNeeded: middle), to: out + written)
        writeEight(UInt32(truncatingIfNeeded: rest &- middle &* 100_000_000), to: out + written + 8)
        return written + 16
    }

    /// Writes a 128-bit `value` with as many digits as it needs and returns the number written (1 to 39).
    ///
    /// Stores up to 39 bytes, as ``write(_:to:)-(UInt64,_)`` may store junk past the digits.
    static func write(_ value: UInt128, to out: UnsafeMutablePointer<UInt8>) -> Int {
        if let small = UInt64(exactly: value) { return write(small, to: out) }
        // Above 2^64: at most 39 digits, split as 10^19 · high + low with low taking 19 digits.
        let (high, low) = value.quotientAndRemainder(dividingBy: 10_000_000_000_000_000_000)
        let written = write(high, to: out)
        write(UInt64(truncatingIfNeeded: low), width: 19, to: out + written)
        return written + 19
    }
}
