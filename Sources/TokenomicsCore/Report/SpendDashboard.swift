import Foundation

/// What the HTML report shows: spend over time by model, spend by team, the top spenders, and the
/// totals' token mix, hidden share and cache savings.
public struct SpendDashboard: Sendable, Hashable {
    /// The report's title.
    public var title: String
    /// Where the ledger is (a path, or a PostgreSQL URL without password).
    public var ledger: String
    /// When the report was made.
    public var generatedAt: Date
    /// Spend grouped by model, with a time series (its ``SpendReport/total`` is the whole range).
    public var byModel: SpendReport
    /// Spend grouped by team.
    public var byTeam: SpendReport
    /// The groups the user asked for (`--by`, default user), top first.
    public var topSpenders: SpendReport

    /// Creates a dashboard.
    public init(
        title: String, ledger: String, generatedAt: Date, byModel: SpendReport, byTeam: SpendReport,
        topSpenders: SpendReport
    ) {
        self.title = title
        self.ledger = ledger
        self.generatedAt = generatedAt
        self.byModel = byModel
        self.byTeam = byTeam
        self.topSpenders = topSpenders
    }
}
