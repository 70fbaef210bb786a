import Foundation
import Testing

@testable import TokenomicsCore

@Suite("TimeBucket")
struct TimeBucketTests {
    /// 2025-03-05T14:37:21Z, a Wednesday.
    static let wednesday = Date(timeIntervalSince1970: 1_741_185_441)

    @Test(
        "each bucket starts at its UTC boundary (weeks on Monday)",
        arguments: [
            (TimeBucket.fiveMinutes, "2025-03-05T14:35:00Z"), (.hour, "2025-03-05T14:00:00Z"),
            (.day, "2025-03-05T00:00:00Z"), (.week, "2025-03-03T00:00:00Z"), (.month, "2025-03-01T00:00:00Z"),
        ])
    func start(bucket: TimeBucket, expected: String) {
        #expect(TimeBucket.start(bucket)(of: Self.wednesday) == Timestamp.parse(expected))
        // A bucket's start is its own start.
        let start = bucket.start(of: Self.wednesday)
        #expect(bucket.start(of: start) == start)
    }

    @Test("instants before 1970 round down, not toward zero")
    func beforeEpoch() {
        let instant = Date(timeIntervalSince1970: -1)  // 1969-12-31T23:59:59Z
        #expect(TimeBucket.hour.start(of: instant) == Timestamp.parse("1969-12-31T23:00:00Z"))
        #expect(TimeBucket.day.start(of: instant) == Timestamp.parse("1969-12-31T00:00:00Z"))
        #expect(TimeBucket.fiveMinutes.start(of: instant) == Timestamp.parse("1969-12-31T23:55:00Z"))
    }

    @Test("the five-minute bucket is named for prose and parsed from 5min")
    func names() {
        #expect(TimeBucket(rawValue: "5min") == .fiveMinutes)
        #expect(TimeBucket.fiveMinutes.name == "5 minutes")
        #expect(TimeBucket.day.name == "day")
    }
}
