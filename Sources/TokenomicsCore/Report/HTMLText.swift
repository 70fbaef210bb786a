import Foundation

/// Text for the HTML report: escaping, and locale-free formatting of money, counts, shares and
/// dates (the same output on every machine, whatever its locale).
enum HTMLText {
    /// Escapes text for HTML content and quoted attribute values: `&`, `<`, `>`, `"` and `'`.
    static func escape(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// An amount for reading: `$1,234.57`, `-$0.50`; amounts under a cent but not zero keep four
    /// places (`$0.0042`) or say `<$0.0001`, so that a small cost never reads as $0.
    static func dollars(_ money: Money) -> String {
        let sign = money < .zero ? "-" : ""
        let magnitude = Money(attodollars: money.attodollars == .min ? .max : abs(money.attodollars))
        let cents = magnitude.rounded(toPlaces: 2)
        if cents == .zero && magnitude != .zero {
            let fine = magnitude.rounded(toPlaces: 4)
            return fine == .zero ? sign + "<$0.0001" : sign + "$" + fine.decimalString(minimumFractionDigits: 4)
        }
        return sign + "$" + grouped(cents.decimalString(minimumFractionDigits: 2))
    }

    /// The exact amount with every decimal place it has: `$1234.567891`.
    static func exactDollars(_ money: Money) -> String {
        let text = money.decimalString()
        return text.hasPrefix("-") ? "-$" + text.dropFirst() : "$" + text
    }

    /// An amount for reading, inside a `<span>` whose tooltip is the exact amount.
    static func dollarsSpan(_ money: Money) -> String {
        "<span title=\"" + escape(exactDollars(money)) + "\">" + dollars(money) + "</span>"
    }

    /// A whole number with thousands separators: `12,345,678`.
    static func count(_ value: Int64) -> String {
        value < 0 ? "-" + grouped(String(value.magnitude)) : grouped(String(value))
    }

    /// A count and its noun, in the singular for one: `1 request`, `2,048 requests`.
    static func count(_ value: Int64, _ noun: String) -> String {
        count(value) + " " + noun + (value == 1 ? "" : "s")
    }

    /// A whole number in a few characters: `950`, `12.3k`, `4.5M`, `1.2B`.
    static func compactCount(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let magnitude = abs(value)
        let sign = value < 0 ? "-" : ""
        for (unit, suffix) in [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")] where magnitude >= unit {
            let scaled = magnitude / unit
            return sign + fixed(scaled, places: scaled < 100 ? 1 : 0) + suffix
        }
        return sign + fixed(magnitude, places: 0)
    }

    /// A share as a percentage with one decimal: `12.3%`; a non-zero share under 0.05% reads `<0.1%`,
    /// and `nil` (no denominator) reads `—`.
    static func percent(_ share: Double?) -> String {
        guard let share, share.isFinite else { return "—" }
        if share > 0 && share < 0.0005 { return "<0.1%" }
        return fixed(share * 100, places: 1) + "%"
    }

    /// A number with a fixed count of decimals, rounded half away from zero, without a locale.
    static func fixed(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<max(0, places) { scale *= 10 }
        let units = (abs(value) * scale).rounded()
        guard units < 9e15 else { return String(Int64(value.rounded())) }
        let whole = Int64(units / scale)
        let fraction = Int64(units) - whole * Int64(scale)
        let sign = value < 0 && units > 0 ? "-" : ""
        guard places > 0 else { return sign + grouped(String(whole)) }
        let digits = String(fraction)
        return sign + grouped(String(whole)) + "." + String(repeating: "0", count: places - digits.count) + digits
    }

    /// A date and time in UTC to the minute: `2025-03-01 14:05 UTC`.
    static func dateTime(_ date: Date) -> String {
        let (civil, hour, minute) = parts(date)
        return isoDate(civil) + " " + pad(hour) + ":" + pad(minute) + " UTC"
    }

    /// A date in UTC: `2025-03-01`, with the time when it is not midnight.
    static func day(_ date: Date) -> String {
        let (civil, hour, minute) = parts(date)
        return hour == 0 && minute == 0 ? isoDate(civil) : isoDate(civil) + " " + pad(hour) + ":" + pad(minute)
    }

    /// A short label for the bucket starting at `date`: `Mar 1` (day, week), `Mar 2025` (month),
    /// `Mar 1 14:00` (hour), `14:05` (five minutes).
    static func bucketLabel(_ date: Date, bucket: TimeBucket) -> String {
        let (civil, hour, minute) = parts(date)
        let month = months[(civil.month - 1 + 12) % 12]
        switch bucket {
        case .fiveMinutes: return pad(hour) + ":" + pad(minute)
        case .hour: return month + " " + String(civil.day) + " " + pad(hour) + ":00"
        case .day, .week: return month + " " + String(civil.day)
        case .month: return month + " " + String(civil.year)
        }
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func parts(_ date: Date) -> (civil: (year: Int, month: Int, day: Int), hour: Int, minute: Int) {
        let seconds = date.timeIntervalSince1970.isFinite ? Int64(date.timeIntervalSince1970.rounded(.down)) : 0
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let inDay = seconds - days * 86_400
        return (Timestamp.civil(fromDays: Int(days)), Int(inDay / 3_600), Int(inDay % 3_600 / 60))
    }

    private static func isoDate(_ civil: (year: Int, month: Int, day: Int)) -> String {
        String(civil.year) + "-" + pad(civil.month) + "-" + pad(civil.day)
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }

    /// Inserts a comma every three digits of the whole part of a plain decimal string (text reports
    /// use it too).
    static func grouped(_ decimal: String) -> String {
        let whole = decimal.prefix { $0 != "." }
        guard whole.count > 3 else { return decimal }
        var out = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out + decimal.dropFirst(whole.count)
    }
}
