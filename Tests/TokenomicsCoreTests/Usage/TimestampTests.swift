import Foundation
import Testing

@testable import TokenomicsCore

@Suite("Timestamp")
struct TimestampTests {
    @Test(
        "parses the date-time forms usage sources write",
        arguments: [
            ("2025-03-01T12:00:00Z", 1_740_830_400.0), ("2025-03-01T14:00:00+02:00", 1_740_830_400.0),
            ("2025-03-01 12:00:00.5", 1_740_830_400.5), ("2025-03-01", 1_740_787_200.0),
            ("2023-11-16 18:15:46.6805900", 1_700_158_546.68059),
        ])
    func parses(text: String, epoch: Double) throws {
        let date = try #require(Timestamp.parse(text))
        #expect(abs(date.timeIntervalSince1970 - epoch) < 1e-6)
    }

    @Test("rejects text that is not a date")
    func rejects() {
        #expect(Timestamp.parse("yesterday") == nil)
        #expect(Timestamp.parse("2025-13-01") == nil)
    }

    @Test("formats RFC 3339 in UTC and reads it back")
    func roundTrip() throws {
        let date = Date(timeIntervalSince1970: 1_740_830_400.123)
        let text = Timestamp.rfc3339(date)
        #expect(text == "2025-03-01T12:00:00.123Z")
        #expect(try #require(Timestamp.parse(text)).timeIntervalSince1970 == 1_740_830_400.123)
    }

    @Test("guesses epoch units by magnitude")
    func epochUnits() {
        #expect(Timestamp.fromEpoch(1_740_830_400).timeIntervalSince1970 == 1_740_830_400)
        #expect(Timestamp.fromEpoch(1_740_830_400_000).timeIntervalSince1970 == 1_740_830_400)
        #expect(Timestamp.fromEpoch(1_740_830_400_000_000_000).timeIntervalSince1970 == 1_740_830_400)
    }
}

@Suite("Timestamp formatting")
struct TimestampFormattingTests {
    static let edgeCases: [(Double, String)] = [
        (0.0, "1970-01-01T00:00:00.000Z"), (-0.001, "1969-12-31T23:59:59.999Z"),
        (-86_400, "1969-12-31T00:00:00.000Z"), (-86_400.5, "1969-12-30T23:59:59.500Z"),
        (-2_208_988_800, "1900-01-01T00:00:00.000Z"), (-2_203_977_600, "1900-02-28T00:00:00.000Z"),
        (-2_203_891_200, "1900-03-01T00:00:00.000Z"), (951_782_400, "2000-02-29T00:00:00.000Z"),
        (1_709_210_096.789, "2024-02-29T12:34:56.789Z"), (1_709_251_199.999, "2024-02-29T23:59:59.999Z"),
        (1_740_830_400.0006, "2025-03-01T12:00:00.001Z"), (1_740_830_400.0004, "2025-03-01T12:00:00.000Z"),
        (-62_167_219_200, "0000-01-01T00:00:00.000Z"), (253_402_300_799.999, "9999-12-31T23:59:59.999Z"),
        (-12_219_292_800, "1582-10-15T00:00:00.000Z"),
    ]

    @Test(
        "formats every calendar edge in UTC with milliseconds",
        arguments: Self.edgeCases)
    func formats(epoch: Double, expected: String) throws {
        let date = Date(timeIntervalSince1970: epoch)
        #expect(Timestamp.rfc3339(date) == expected)
        var bytes: [UInt8] = [UInt8(ascii: "x")]
        Timestamp.appendRFC3339(date, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "x" + expected)
        if expected.first != "0" {
            let back = try #require(Timestamp.parse(expected))
            #expect(abs(back.timeIntervalSince1970 - epoch) < 0.001)
        }
    }
}

@Suite("Calendar arithmetic")
struct CalendarTests {
    @Test("civil(fromDays:) inverts daysFromCivil for every day of ±2,700 years and far beyond")
    func civilRoundTrip() {
        var days = Array(-1_000_000...1_000_000)
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<100_000 {
            days.append(Int.random(in: -2_000_000_000_000_000_000...2_000_000_000_000_000_000, using: &generator))
        }
        let wrong = days.filter { day in
            let (year, month, dayOfMonth) = Timestamp.civil(fromDays: day)
            return !(1...12).contains(month) || !(1...31).contains(dayOfMonth)
                || Timestamp.daysFromCivil(year: year, month: month, day: dayOfMonth) != day
        }
        #expect(wrong.isEmpty)
        #expect(Timestamp.civil(fromDays: 0) == (1970, 1, 1))
        #expect(Timestamp.civil(fromDays: -1) == (1969, 12, 31))
        #expect(Timestamp.civil(fromDays: 11_016) == (2000, 2, 29))
        #expect(Timestamp.civil(fromDays: -719_468) == (0, 3, 1))
    }

    @Test(
        "milliseconds round half away from zero, exactly",
        arguments: [
            (0.0, 0), (0.5, 1), (-0.5, -1), (1.4999999999999998, 1), (0.49999999999999994, 0),
            (-0.49999999999999994, 0), (2.5, 3), (-2.5, -3), (1_740_830_400_123.5, 1_740_830_400_124),
            (4_503_599_627_370_495.5, 4_503_599_627_370_496), (9_007_199_254_740_992.0, 9_007_199_254_740_992),
            (-9_007_199_254_740_991.5, -9_007_199_254_740_992),
        ])
    func rounding(value: Double, expected: Int) {
        #expect(Timestamp.roundedToInt(value) == expected)
        #expect(Timestamp.roundedToInt(value) == Int(value.rounded()))
    }

    @Test("a remembered minute writes the same text as the calendar, across minutes, days, years and eras")
    func rememberedMinute() {
        var generator = SeededGenerator(seed: 9)
        var dates: [Double] = [
            0, -0.001, 86_399.999, 86_400, 253_402_300_799.999, 253_402_300_800, -62_167_219_200.001,
            59.999, 60, 59.9995, -60, -60.001, -59.999, 3_599.999, 3_600,
        ]
        var moment = 1_740_000_000.0
        for step in 0..<10_000 {
            // Steps of a few seconds (mostly in the same minute) and of hours, forward and back.
            let longest = step % 2 == 0 ? 40_000_000 : 90_000
            moment += Double(Int.random(in: -1_000...longest, using: &generator)) / 1000
            dates.append(moment)
            if Int.random(in: 0..<50, using: &generator) == 0 {
                dates.append(Double(Int64.random(in: -100_000_000_000...400_000_000_000, using: &generator)) / 7)
            }
        }
        var minute = Timestamp.RFC3339Minute()
        let wrong = dates.filter { seconds in
            let date = Date(timeIntervalSince1970: seconds)
            let remembered = String(unsafeUninitializedCapacity: Timestamp.maxRFC3339Bytes) { buffer in
                buffer.baseAddress.map { Timestamp.writeRFC3339(date, to: $0, minute: &minute) } ?? 0
            }
            return remembered != Timestamp.rfc3339(date)
        }
        #expect(wrong.isEmpty)
    }
}
