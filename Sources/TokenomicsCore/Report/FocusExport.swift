import Foundation

/// Writes LLM spend as a FinOps FOCUS 1.2 cost and usage dataset: one row per hour, group and
/// charge (each token class, and audio, images, request fees and web searches where charged).
///
/// FOCUS (https://focus.finops.org/focus-specification/v1-2/) is the common schema FinOps tools
/// read cloud bills in; with it, model API spend sits next to the rest of the bill. The columns
/// and the value chosen for each, with the specification's rule behind it, are listed on
/// ``FocusColumn``.
///
/// **Input.** ``SpendRow``s keyed by ``dimensions``, one per group and hour. The events of a row
/// share one price set (priced model, tier, long-context tier, catalog version), so each token
/// class has one rate in a row, except cache writes, whose 5-minute and 1-hour parts are split
/// by `sums.cache.writes1h`. Rows without an hour are left out, because FOCUS requires a charge
/// period, and are counted in the summary with their cost.
///
/// **Exactness.** `BilledCost` = `ListCost` = `ContractedCost` = `EffectiveCost` = the exact
/// cost of the charge, and over all rows `BilledCost` adds up to the input's `sums.cost` (less
/// the undated rows'). `ListUnitPrice × PricingQuantity = ListCost` holds exactly in decimal on
/// every row: tokens are priced per `1000000 Tokens` at the rate the cost engine applied,
/// counted fees per unit; a cost that no single rate explains is written *blended* (unit `USD`,
/// quantity = the cost, unit price 1, `x_PricingBasis` = `blended`) rather than at a rounded
/// price. That happens for a group's hour that mixes priced and unpriced events (its token counts
/// include tokens nobody priced), and for audio or image charges that combine several rates.
///
/// **Unpriced events.** No row invents a cost: an unpriced event's tokens are in no cost row (a
/// group whose events are all unpriced writes nothing), and ``FocusSummary/unpricedRequests``
/// counts them so that the caller can warn.
///
/// Decimals are written without exponent and without trailing zeros (FOCUS Numeric Format),
/// dates as `2026-11-01T00:00:00Z`, and the CSV with RFC 4180 quoting.
public struct FocusExport: Sendable {
    /// The dimensions the input rows must be keyed by, in this order. `long_context_threshold` is
    /// a decimal integer text and `tags` a JSON object text of the events' own tags; any may be
    /// `nil`.
    public static let dimensions = [
        "provider", "model", "priced_model", "service_tier", "long_context_threshold", "catalog_version", "org",
        "project", "team", "user", "application", "workflow", "step", "tags",
    ]

    /// The FOCUS version written.
    public static let focusVersion = "1.2"

    /// The names written on every row.
    public var options: FocusOptions

    /// Creates an exporter.
    ///
    /// - Parameter options: the account and entity names.
    public init(options: FocusOptions = FocusOptions()) { self.options = options }

    /// The FOCUS rows of the spend, with what was left out.
    ///
    /// - Parameter spend: rows keyed by ``dimensions``, one per group and hour.
    /// - Returns: the rows, in input order and then charge order, and the summary.
    /// - Complexity: O(*n*) for *n* input rows.
    public func table(from spend: [SpendRow]) -> FocusTable {
        var table = FocusTable(rows: [], summary: FocusSummary())
        table.rows.reserveCapacity(spend.count * 4)
        let document = JSONDocument()
        var periods: (seconds: Double, value: Periods)?
        for row in spend {
            guard let hour = row.hour else {
                table.summary.undatedRows += 1
                table.summary.undatedRequests += row.sums.requests
                table.summary.undatedCost += row.sums.cost
                continue
            }
            table.summary.unpricedRequests += row.sums.unpricedRequests
            // A group whose events are all unpriced has no cost to state.
            guard row.sums.unpricedRequests < row.sums.requests || row.sums.cost != .zero else { continue }
            let seconds = hour.timeIntervalSince1970
            if periods?.seconds != seconds { periods = (seconds, Periods(hour: hour)) }
            guard let period = periods?.value else { continue }
            let group = Group(key: row.key, sums: row.sums, options: options, document: document)
            for charge in FocusCharge.charges(of: row.sums) {
                table.rows.append(group.row(for: charge, periods: period))
                table.summary.billedCost += charge.cost
                if charge.pricing.isBlended { table.summary.blendedRows += 1 }
            }
        }
        table.summary.rows = table.rows.count
        return table
    }

    /// The FOCUS dataset of the spend as CSV text, with its summary.
    ///
    /// - Parameter spend: rows keyed by ``dimensions``, one per group and hour.
    /// - Returns: the CSV (header line, then one line per row) and the summary.
    public func csv(from spend: [SpendRow]) -> (text: String, summary: FocusSummary) {
        let table = table(from: spend)
        return (table.csv(), table.summary)
    }
}
