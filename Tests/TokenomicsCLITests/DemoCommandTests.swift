import Foundation
import Testing

@Suite("tokenomics demo and the HTML report")
struct DemoCommandTests {
    @Test("demo stores the whole shipped trace, writes the HTML report, and adds nothing when run again")
    func demo() throws {
        let ledger = IngestCommandTests.temporaryPath(".sqlite")
        let html = IngestCommandTests.temporaryPath(".html")
        let first = try CLIHarness.run(["demo", "--ledger", ledger, "--out", html])
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("demo: 19366 events stored, 0 already there; 19366 requests cost $"))
        #expect(first.stdout.contains("spend is not value"))
        #expect(first.stdout.contains("research-agent"))
        #expect(first.stdout.hasSuffix("ledger: \(ledger)\nreport: \(html)\n"))
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<svg"))
        #expect(page.contains("claude-sonnet-4-5"))
        // The trace spans one hour: five-minute bars.
        #expect(page.contains("Cost per 5 minutes"))
        // Self-contained: no script, style sheet or image fetched from anywhere.
        #expect(!page.contains("<script src") && !page.contains("<link ") && !page.contains("<img "))

        let again = try CLIHarness.run(["demo", "--ledger", ledger, "--out", html])
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("demo: 0 events stored, 19366 already there;"))

        let report = try CLIHarness.run(["report", "--ledger", ledger, "--by", "application", "--format", "json"])
        let document = try ReportCommandTests.object(report.stdout)
        let total = try #require(document["total"] as? [String: Any])
        #expect(total["requests"] as? Int == 19_366)
        let outcomes = try #require(total["outcomes"] as? [String: Any])
        #expect((outcomes["count"] as? Int ?? 0) > 0)
    }

    @Test("report --format html writes a self-contained page with the ledger's teams and models")
    func htmlReport() throws {
        let (ledger, _) = try ReportCommandTests.ledger()
        let html = IngestCommandTests.temporaryPath(".html")
        let result = try CLIHarness.run(["report", "--ledger", ledger, "--format", "html", "--out", html])
        #expect(result.status == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.components(separatedBy: "<svg").count > 4)
        #expect(page.contains("support"))
        #expect(page.contains("gpt-4o"))
        #expect(!page.contains("<script src") && !page.contains("<link ") && !page.contains("<img "))
    }
}
