import Foundation

extension FocusExport {
    /// The charge period and billing period of an hour, as FOCUS Date/Time text (ISO 8601 in UTC
    /// with a `Z`, whole seconds: "Date/Time Format").
    struct Periods: Hashable {
        /// The start of the hour.
        var chargeStart: String
        /// The start of the next hour.
        var chargeEnd: String
        /// The first instant of the hour's calendar month (UTC).
        var billingStart: String
        /// The first instant of the next month.
        var billingEnd: String

        /// The periods of the hour that contains `date`.
        init(hour date: Date) {
            let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
            let hour = seconds - Self.modulo(seconds, 3600)
            let days = (hour - Self.modulo(hour, 86_400)) / 86_400
            let (year, month, _) = Self.civil(days: days)
            let next = month == 12 ? (year + 1, 1) : (year, month + 1)
            chargeStart = Self.text(seconds: hour)
            chargeEnd = Self.text(seconds: hour + 3600)
            billingStart = Self.text(year: year, month: month, day: 1, secondOfDay: 0)
            billingEnd = Self.text(year: next.0, month: next.1, day: 1, secondOfDay: 0)
        }

        /// `value` modulo `divisor`, never negative.
        private static func modulo(_ value: Int64, _ divisor: Int64) -> Int64 {
            let rest = value % divisor
            return rest < 0 ? rest + divisor : rest
        }

        /// `YYYY-MM-DDTHH:MM:SSZ` for seconds since 1970.
        static func text(seconds: Int64) -> String {
            let second = modulo(seconds, 86_400)
            let (year, month, day) = civil(days: (seconds - second) / 86_400)
            return text(year: year, month: month, day: day, secondOfDay: second)
        }

        private static func text(year: Int64, month: Int64, day: Int64, secondOfDay: Int64) -> String {
            func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
            let yearText = year >= 0 && year < 10_000 ? String(String(year + 10_000).dropFirst()) : String(year)
            let clock = "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
            return "\(yearText)-\(two(month))-\(two(day))T\(clock)Z"
        }

        /// The proleptic Gregorian date of a day number (days since 1970-01-01), after Howard
        /// Hinnant's `civil_from_days`.
        static func civil(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
            let z = days + 719_468
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let dayOfEra = z - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let shifted = (5 * dayOfYear + 2) / 153
            let day = dayOfYear - (153 * shifted + 2) / 5 + 1
            let month = shifted < 10 ? shifted + 3 : shifted - 9
            let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
            return (year, month, day)
        }
    }
}
