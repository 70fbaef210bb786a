import Foundation

/// Fast, locale-free reading and writing of the timestamps usage sources carry.
public enum Timestamp {
    /// Parses an ISO 8601 / RFC 3339 date-time such as `2025-03-01T12:00:00Z`,
    /// `2025-03-01T12:00:00.123+02:00`, `2025-03-01 12:00:00.6805900` (no zone means UTC) or a
    /// bare date `2025-03-01` (midnight UTC).
    ///
    /// - Returns: `nil` when the text is not such a date.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// Parses the UTF-8 bytes of a date-time (see ``parse(_:)``).
    public static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var cursor = 0
        func number(_ digits: Int) -> Int? {
            guard cursor + digits <= bytes.count else { return nil }
            var value = 0
            for _ in 0..<digits {
                let byte = bytes[cursor]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                cursor += 1
            }
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard cursor < bytes.count, bytes[cursor] == byte else { return false }
            cursor += 1
            return true
        }
        guard let year = number(4), expect(UInt8(ascii: "-")), let month = number(2), expect(UInt8(ascii: "-")),
            let day = number(2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = Double(daysFromCivil(year: year, month: month, day: day) * 86_400)
        if cursor == bytes.count { return Date(timeIntervalSince1970: seconds) }
        guard cursor < bytes.count,
            bytes[cursor] == UInt8(ascii: "T") || bytes[cursor] == UInt8(ascii: " ")
                || bytes[cursor] == UInt8(ascii: "t")
        else { return nil }
        cursor += 1
        guard let hour = number(2), expect(UInt8(ascii: ":")), let minute = number(2), hour < 24, minute < 60
        else { return nil }
        var second = 0
        if expect(UInt8(ascii: ":")) {
            guard let value = number(2), value <= 60 else { return nil }
            second = value
        }
        seconds += Double(hour * 3600 + minute * 60 + second)
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") || bytes[cursor] == UInt8(ascii: ",") {
            cursor += 1
            var fraction = 0.0
            var weight = 0.1
            var sawDigit = false
            while cursor < bytes.count, bytes[cursor] >= 0x30 && bytes[cursor] <= 0x39 {
                fraction += Double(bytes[cursor] - 0x30) * weight
                weight /= 10
                cursor += 1
                sawDigit = true
            }
            guard sawDigit else { return nil }
            seconds += fraction
        }
        if cursor == bytes.count { return Date(timeIntervalSince1970: seconds) }
        switch bytes[cursor] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            cursor += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[cursor] == UInt8(ascii: "-") ? -1.0 : 1.0
            cursor += 1
            guard let zoneHour = number(2) else { return nil }
            _ = expect(UInt8(ascii: ":"))
            let zoneMinute = number(2) ?? 0
            seconds -= sign * Double(zoneHour * 3600 + zoneMinute * 60)
        default:
            return nil
        }
        return cursor == bytes.count ? Date(timeIntervalSince1970: seconds) : nil
    }

    /// Reads a Unix time given as a number whose unit is guessed from its size: seconds below
    /// 10¹¹, milliseconds below 10¹⁴, microseconds below 10¹⁷, else nanoseconds.
    public static func fromEpoch(_ value: Double) -> Date {
        let magnitude = abs(value)
        let seconds: Double =
            magnitude < 1e11 ? value : magnitude < 1e14 ? value / 1e3 : magnitude < 1e17 ? value / 1e6 : value / 1e9
        return Date(timeIntervalSince1970: seconds)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar date of a day count from 1970-01-01 (inverse of ``daysFromCivil(year:month:day:)``).
    ///
    /// C. Neri and L. Schneider's algorithm ("Euclidean affine functions and their application to
    /// calendar algorithms", 2022): the count is shifted by a whole number of 400-year eras so
    /// that it is never negative, after which every division is by a constant (a multiplication)
    /// or by a power of two. It holds for counts from about −2.5 × 10^18 to 2 × 10^18 days
    /// (±5 × 10^15 years) and traps beyond.
    public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let eras = 1 << 44
        let shifted = UInt64(days + (719_468 + 146_097 * eras))
        let quarterDays = 4 * shifted + 3
        let century = quarterDays / 146_097
        let dayOfCentury = quarterDays % 146_097 / 4
        let yearAndDay = 2_939_745 * (4 * dayOfCentury + 3)
        let yearOfCentury = yearAndDay >> 32
        // The day of a year that starts on March 1, so that February's length does not matter.
        let dayOfYear = (yearAndDay & 0xFFFF_FFFF) / 2_939_745 / 4
        let monthAndDay = 2_141 * dayOfYear + 197_913
        let january = dayOfYear >= 306 ? 1 : 0
        let year = Int(100 * century + yearOfCentury) - 400 * eras + january
        return (year, Int(monthAndDay >> 16) - 12 * january, Int((monthAndDay & 0xFFFF) / 2_141) + 1)
    }

    /// Formats a date as RFC 3339 in UTC with milliseconds: `2025-03-01T12:00:00.000Z`.
    public static func rfc3339(_ date: Date) -> String {
        String(unsafeUninitializedCapacity: maxRFC3339Bytes) {
            guard let base = $0.baseAddress else { return 0 }
            return writeRFC3339(date, to: base)
        }
    }

    /// Appends the RFC 3339 form of a date to a byte buffer.
    public static func appendRFC3339(_ date: Date, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxRFC3339Bytes) { scratch in
            guard let base = scratch.baseAddress else { return }
            let count = writeRFC3339(date, to: base)
            out.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
        }
    }

    /// The most bytes ``writeRFC3339(_:to:)`` writes: 24 for years 0000 to 9999, more for the
    /// signed or longer years of dates outside them.
    static var maxRFC3339Bytes: Int { 32 }

    /// Writes the RFC 3339 form of a date (UTC, milliseconds rounded to nearest) at `out` and
    /// returns the number of bytes written.
    ///
    /// Years outside 0000–9999, which RFC 3339 cannot express, are written with all their digits
    /// and a leading `-` when negative (the ISO 8601 expanded form without its `+`).
    ///
    /// - Precondition: `out` has room for ``maxRFC3339Bytes`` bytes.
    @inline(__always)
    static func writeRFC3339(_ date: Date, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var minute = RFC3339Minute()
        return writeRFC3339(date, to: out, minute: &minute)
    }

    /// The text `YYYY-MM-DDTHH:MM:` of the last minute written, kept so that the instants of that
    /// minute are written without calendar arithmetic: the timestamps of a stream mostly share
    /// their minute with the one before.
    struct RFC3339Minute {
        /// Minutes from 1970-01-01T00:00Z (`Int.min` before the first).
        var number = Int.min
        /// The seventeen bytes of the text: the first eight, the next eight and the last.
        var text: (UInt64, UInt64, UInt8) = (0, 0, 0)
    }

    /// ``writeRFC3339(_:to:)``, taking the text up to the seconds from `minute` when the date falls
    /// in it, else keeping the new minute's text there.
    @inline(__always)
    static func writeRFC3339(_ date: Date, to out: UnsafeMutablePointer<UInt8>, minute: inout RFC3339Minute) -> Int {
        let totalMilliseconds = roundedToInt(date.timeIntervalSince1970 * 1000)
        var minutes = totalMilliseconds / 60_000
        var rest = totalMilliseconds % 60_000
        if rest < 0 {
            rest += 60_000
            minutes -= 1
        }
        let raw = UnsafeMutableRawPointer(out)
        var at = out + 17
        if minutes == minute.number {
            raw.storeBytes(of: minute.text.0, as: UInt64.self)
            raw.storeBytes(of: minute.text.1, toByteOffset: 8, as: UInt64.self)
            out[16] = minute.text.2
        } else {
            at = out + writeMinute(minutes, to: out)
            if at == out + 17 {
                minute.number = minutes
                minute.text = (
                    raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self), out[16]
                )
            }
        }
        let seconds = rest / 1000
        DecimalDigits.writePair(seconds, to: at)
        at[2] = UInt8(ascii: ".")
        DecimalDigits.write(UInt64(truncatingIfNeeded: rest &- seconds &* 1000), width: 3, to: at + 3)
        at[6] = UInt8(ascii: "Z")
        return out.distance(to: at) + 7
    }

    /// Writes `YYYY-MM-DDTHH:MM:` for a minute count from 1970-01-01T00:00Z and returns the number
    /// of bytes written: 17 for years 0000 to 9999.
    private static func writeMinute(_ minutes: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var days = minutes / 1440
        var minuteOfDay = minutes % 1440
        if minuteOfDay < 0 {
            minuteOfDay += 1440
            days -= 1
        }
        let at = out + writeDay(days, to: out)
        DecimalDigits.writePair(minuteOfDay / 60, to: at)
        at[2] = UInt8(ascii: ":")
        DecimalDigits.writePair(minuteOfDay % 60, to: at + 3)
        at[5] = UInt8(ascii: ":")
        return out.distance(to: at) + 6
    }

    /// Writes `YYYY-MM-DDT` for a day count from 1970-01-01 and returns the number of bytes
    /// written: 11 for years 0000 to 9999.
    private static func writeDay(_ days: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let (year, month, day) = civil(fromDays: days)
        var at = out
        if year >= 0 && year <= 9999 {
            DecimalDigits.writePair(year / 100, to: at)
            DecimalDigits.writePair(year % 100, to: at + 2)
            at += 4
        } else {
            at += writeExpandedYear(year, to: at)
        }
        at[0] = UInt8(ascii: "-")
        DecimalDigits.writePair(month, to: at + 1)
        at[3] = UInt8(ascii: "-")
        DecimalDigits.writePair(day, to: at + 4)
        at[6] = UInt8(ascii: "T")
        return out.distance(to: at) + 7
    }

    /// `value` rounded half away from zero, as `Int(value.rounded())` (trapping likewise outside
    /// `Int`'s range) but without a call into the C library: the part after the point is exact.
    @inline(__always)
    static func roundedToInt(_ value: Double) -> Int {
        let whole = Int(value)
        let rest = value - Double(whole)
        if rest >= 0.5 { return whole + 1 }
        if rest <= -0.5 { return whole - 1 }
        return whole
    }

    /// Writes a year outside 0000–9999: a `-` when negative, then at least four digits.
    @inline(never) static func writeExpandedYear(_ year: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var at = out
        if year < 0 {
            at.pointee = UInt8(ascii: "-")
            at += 1
        }
        let magnitude = UInt64(year.magnitude)
        let width = max(4, DecimalDigits.count(magnitude))
        DecimalDigits.write(magnitude, width: width, to: at)
        return out.distance(to: at) + width
    }
}
