/// How finely ``LedgerStore/rollups(by:since:until:per:)`` splits each group in time.
public enum RollupGrain: Sendable, Hashable {
    /// One row per group: no time split.
    case total
    /// One row per group and hour.
    case hour
    /// One row per group and UTC day (the row's hour is the day's first).
    case day
    /// One row per group and five minutes, summed from the events (rollups are hourly): for
    /// short spans.
    case fiveMinutes
}
