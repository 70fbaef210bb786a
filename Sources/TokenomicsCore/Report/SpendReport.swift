import Foundation

/// Where token spend goes: totals, groups by one or more dimensions (largest cost first), and a
/// time series, with hidden-token share, cache economics and outcome figures on every sum.
///
/// Built from ``SpendRow``s (a ledger's hourly rollups); rendering it is a separate step
/// (table, CSV, JSON, HTML).
public struct SpendReport: Sendable, Hashable {
    /// One group: its value of each dimension and its sums.
    public struct Group: Sendable, Hashable {
        /// The group's value of each of ``SpendReport/dimensions`` (`nil`: events without one).
        public var key: [String?]
        /// The group's sums.
        public var sums: SpendSums

        /// Creates a group.
        public init(key: [String?], sums: SpendSums) {
            self.key = key
            self.sums = sums
        }
    }

    /// One bucket of the time series: its start and the sums of each group in it.
    public struct Bucket: Sendable, Hashable {
        /// The bucket's first instant.
        public var start: Date
        /// The sums of every event in the bucket.
        public var total: SpendSums
        /// The sums of each of the report's top groups in the bucket, in ``SpendReport/groups``
        /// order (empty sums where a group spent nothing), then the rest as one sum when there are
        /// more groups than the top.
        public var groups: [SpendSums]

        /// Creates a bucket.
        public init(start: Date, total: SpendSums, groups: [SpendSums]) {
            self.start = start
            self.total = total
            self.groups = groups
        }
    }

    /// The names of the dimensions the groups are keyed by (e.g. `["team"]`, `["tag:env"]`).
    public var dimensions: [String]
    /// The first instant included, or `nil`.
    public var since: Date?
    /// The first instant excluded, or `nil`.
    public var until: Date?
    /// The time-series bucket width, or `nil` for no series.
    public var bucket: TimeBucket?
    /// The sums of every event in the range.
    public var total: SpendSums
    /// The groups, largest cost first (ties by key), at most the requested top.
    public var groups: [Group]
    /// The sums of the groups beyond the top, or `nil` when every group is listed.
    public var rest: SpendSums?
    /// The number of groups beyond the top.
    public var restCount: Int
    /// The time series, oldest bucket first (events without a timestamp are left out).
    public var series: [Bucket]

    /// Builds a report from rows.
    ///
    /// - Parameters:
    ///   - rows: the sums per group (and hour); several rows of one group are merged.
    ///   - dimensions: the names of the dimensions the rows' keys hold.
    ///   - since: the range's first instant, for the record.
    ///   - until: the range's end, for the record.
    ///   - bucket: the series bucket width, or `nil` for no series.
    ///   - top: the most groups to list, or `nil` for all.
    /// - Complexity: O(*n* + *g* log *g* + *b*·*t*) for *n* rows, *g* groups, *b* buckets and *t* top groups.
    public init(
        rows: [SpendRow], dimensions: [String], since: Date? = nil, until: Date? = nil, bucket: TimeBucket? = nil,
        top: Int? = nil
    ) {
        self.dimensions = dimensions
        self.since = since
        self.until = until
        self.bucket = bucket
        var total = SpendSums()
        var byKey: [[String?]: SpendSums] = [:]
        for row in rows {
            total += row.sums
            byKey[row.key, default: SpendSums()] += row.sums
        }
        self.total = total
        let ordered = byKey.map { Group(key: $0.key, sums: $0.value) }.sorted(by: Self.isLarger)
        let limit = top.map { max(0, $0) } ?? ordered.count
        groups = Array(ordered.prefix(limit))
        restCount = max(0, ordered.count - limit)
        if restCount > 0 {
            var rest = SpendSums()
            for group in ordered.dropFirst(limit) { rest += group.sums }
            self.rest = rest
        } else {
            rest = nil
        }
        let topKeys = groups.map(\.key)
        let hasRest = restCount > 0
        series = bucket.map { Self.series(rows, bucket: $0, top: topKeys, hasRest: hasRest) } ?? []
    }

    /// Whether `lhs` is listed before `rhs`: larger cost, then more tokens, then by key.
    private static func isLarger(_ lhs: Group, _ rhs: Group) -> Bool {
        if lhs.sums.cost != rhs.sums.cost { return lhs.sums.cost > rhs.sums.cost }
        if lhs.sums.tokens.total != rhs.sums.tokens.total { return lhs.sums.tokens.total > rhs.sums.tokens.total }
        return lhs.key.map { $0 ?? "" }.lexicographicallyPrecedes(rhs.key.map { $0 ?? "" })
    }

    private static func series(_ rows: [SpendRow], bucket: TimeBucket, top: [[String?]], hasRest: Bool) -> [Bucket] {
        let position = Dictionary(uniqueKeysWithValues: top.enumerated().map { ($0.element, $0.offset) })
        let width = top.count + (hasRest ? 1 : 0)
        var buckets: [Date: Bucket] = [:]
        for row in rows {
            guard let hour = row.hour else { continue }
            let start = bucket.start(of: hour)
            var entry =
                buckets[start]
                ?? Bucket(start: start, total: SpendSums(), groups: Array(repeating: SpendSums(), count: width))
            entry.total += row.sums
            if let index = position[row.key] {
                entry.groups[index] += row.sums
            } else if hasRest {
                entry.groups[width - 1] += row.sums
            }
            buckets[start] = entry
        }
        return buckets.values.sorted { $0.start < $1.start }
    }
}
