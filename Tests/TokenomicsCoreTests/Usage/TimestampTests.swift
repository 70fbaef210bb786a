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
