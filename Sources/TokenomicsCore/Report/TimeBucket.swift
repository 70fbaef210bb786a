import Foundation

/// The width of a time-series bucket; buckets start at UTC boundaries (weeks on Monday).
public enum TimeBucket: String, Sendable, Hashable, Codable, CaseIterable {
    /// Five minutes, for a short span (a report reads the events for it, not the rollups).
    case fiveMinutes = "5min"
    case hour, day, week, month

    /// The bucket's name in prose: "5 minutes", "hour", "day", …
    public var name: String { self == .fiveMinutes ? "5 minutes" : rawValue }

    /// The start of the bucket that holds `date`.
    ///
    /// - Parameter date: any instant.
    /// - Returns: the bucket's first instant (UTC).
    public func start(of date: Date) -> Date {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let hour = seconds - Self.modulo(seconds, 3_600)
        let day = seconds - Self.modulo(seconds, 86_400)
        switch self {
        case .fiveMinutes: return Date(timeIntervalSince1970: Double(seconds - Self.modulo(seconds, 300)))
        case .hour: return Date(timeIntervalSince1970: Double(hour))
        case .day: return Date(timeIntervalSince1970: Double(day))
        case .week:
            // 1970-01-01 was a Thursday: day 0 is three days after a Monday.
            let days = day / 86_400
            let monday = days - Self.modulo(days + 3, 7)
            return Date(timeIntervalSince1970: Double(monday * 86_400))
        case .month:
            let civil = Timestamp.civil(fromDays: Int(day / 86_400))
            let first = Timestamp.daysFromCivil(year: civil.year, month: civil.month, day: 1)
            return Date(timeIntervalSince1970: Double(first) * 86_400)
        }
    }

    private static func modulo(_ value: Int64, _ divisor: Int64) -> Int64 {
        let remainder = value % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }
}
