import Foundation
import TokenomicsCore
import TokenomicsLedger

extension SpendDashboard {
    /// The HTML report's data read from a ledger: spend by model over time, by team, and the top
    /// groups of `dimensions` (by application when none: in the rollups, so fast on any ledger).
    ///
    /// - Parameters:
    ///   - store: the ledger.
    ///   - dimensions: what the top-spenders table groups by.
    ///   - since: the range's first instant, or `nil`.
    ///   - until: the range's end, or `nil`.
    ///   - bucket: the series bucket, or `nil` to choose one from the data's span.
    ///   - top: how many top spenders to list (default 15).
    ///   - title: the page title.
    /// - Throws: ``TokenomicsLedger/LedgerError``.
    static func load(
        from store: any LedgerStore, dimensions: [LedgerGroupKey], since: Date?, until: Date?, bucket: TimeBucket?,
        top: Int?, title: String = "Token spend"
    ) async throws -> SpendDashboard {
        var byModel = try await store.rollups(by: [.model], since: since, until: until, per: .day)
        let days = byModel.compactMap(\.hour)
        var width = bucket ?? Self.bucket(spanning: days.min(), days.max().map { $0.addingTimeInterval(86_400) })
        if width == .hour {
            byModel = try await store.rollups(by: [.model], since: since, until: until, per: .hour)
            // Events within three hours (a short trace): five-minute bars, summed from the events.
            let hours = byModel.compactMap(\.hour)
            if bucket == nil, let first = hours.min(), let last = hours.max(), last.timeIntervalSince(first) < 3 * 3_600
            {
                width = .fiveMinutes
            }
        }
        if width == .fiveMinutes {
            byModel = try await store.rollups(by: [.model], since: since, until: until, per: .fiveMinutes)
        }
        let byTeam = try await store.rollups(by: [.attribution(.team)], since: since, until: until, per: .total)
        let spenders = dimensions.isEmpty ? [.attribution(.application)] : dimensions
        let spenderRows = try await store.rollups(by: spenders, since: since, until: until, per: .total)
        return SpendDashboard(
            title: title, ledger: store.location, generatedAt: Date(),
            byModel: SpendReport(
                rows: byModel, dimensions: ["model"], since: since, until: until, bucket: width, top: 8),
            byTeam: SpendReport(rows: byTeam, dimensions: ["team"], since: since, until: until, top: 12),
            topSpenders: SpendReport(
                rows: spenderRows, dimensions: spenders.map(\.name), since: since, until: until, top: top ?? 15))
    }

    /// A bucket width giving a readable number of bars for the span from `first` to `last`.
    static func bucket(spanning first: Date?, _ last: Date?) -> TimeBucket {
        guard let first, let last else { return .day }
        let hours = last.timeIntervalSince(first) / 3_600
        if hours <= 72 { return .hour }
        if hours <= 24 * 92 { return .day }
        if hours <= 24 * 400 { return .week }
        return .month
    }
}
