import ArgumentParser
import Foundation
import TokenomicsCore

/// `--since` and `--until`: a half-open time range, in RFC 3339 or as a date (UTC midnight).
struct TimeRangeOptions: ParsableArguments {
    @Option(help: "The first instant included: 2026-11-01 or 2026-11-01T09:00:00Z (default: the beginning).")
    var since: String?

    @Option(help: "The first instant excluded, in the same form (default: no end).")
    var until: String?

    /// The parsed bounds.
    ///
    /// - Throws: a usage error naming the option whose text is not a date, or an empty range.
    func range() throws -> (since: Date?, until: Date?) {
        let start = try since.map { try Self.date($0, option: "--since") }
        let end = try until.map { try Self.date($0, option: "--until") }
        if let start, let end, end <= start {
            throw ValidationError("--until (\(until ?? "")) must be after --since (\(since ?? ""))")
        }
        return (start, end)
    }

    private static func date(_ text: String, option: String) throws -> Date {
        guard let date = Timestamp.parse(text) else {
            throw ValidationError("\(option) '\(text)' is not a date: use 2026-11-01 or 2026-11-01T09:00:00Z")
        }
        return date
    }
}
