import Foundation
import TokenomicsCore

/// Counts what a run read, priced and rejected, and reports problems on standard error as one
/// line each, folding repeats of the same problem so that a bad file does not flood the terminal.
struct CostTally {
    var lines = 0
    var events = 0
    var priced = 0
    var unpriced = 0
    var rejected = 0
    var total = Money.zero
    private var shown: [String: Int] = [:]

    /// Lines rejected plus events left unpriced.
    var problems: Int { rejected + unpriced }

    /// How many times one kind of problem is printed before the rest are only counted.
    static let repeatLimit = 5

    mutating func count(_ event: borrowing PricedEvent, source: String, line: Int) {
        events += 1
        if let cost = event.cost {
            priced += 1
            total += cost
        } else {
            unpriced += 1
            if let issue = event.issue {
                report(issue.located(source: source, line: line), key: "unpriced:\(issue.message)")
            }
        }
    }

    mutating func reject(_ issue: IngestIssue) {
        rejected += 1
        report(issue, key: "\(issue.source ?? ""):\(issue.kind):\(issue.field ?? ""):\(issue.message)")
    }

    private mutating func report(_ issue: IngestIssue, key: String) {
        let seen = shown[key, default: 0]
        shown[key] = seen + 1
        if seen < Self.repeatLimit { printError("error: \(issue)") }
    }

    /// Prints the one-line summary (and how many repeated problems were folded).
    func printSummary(command: String) {
        let folded = shown.values.reduce(0) { $0 + max(0, $1 - Self.repeatLimit) }
        if folded > 0 { printError("(\(folded) more problems like those above not shown)") }
        printError(
            "\(command): read \(lines) lines, \(events) events: \(priced) priced ($\(total.decimalString(minimumFractionDigits: 2))), "
                + "\(unpriced) unpriced, \(rejected) rejected")
    }
}
