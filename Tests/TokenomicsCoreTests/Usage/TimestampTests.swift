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
