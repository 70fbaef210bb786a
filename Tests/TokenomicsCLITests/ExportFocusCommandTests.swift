import Foundation
import Testing

@Suite("tokenomics export focus")
struct ExportFocusCommandTests {
    /// FOCUS 1.2's mandatory columns (https://focus.finops.org/focus-specification/v1-2/).
    static let mandatory = [
        "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodStart",
        "BillingPeriodEnd", "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargePeriodStart",
        "ChargePeriodEnd",
        "ContractedCost", "EffectiveCost", "InvoiceIssuerName", "ListCost", "PricingQuantity", "PricingUnit",
        "ProviderName", "PublisherName", "ServiceCategory", "ServiceName",
    ]

    /// The fields of one CSV line (RFC 4180 quoting).
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var previous: Character?
        for character in line {
            if character == "\"" {
                if quoted, previous == "\"" { field.append("\"") }
                quoted.toggle()
            } else if character == ",", !quoted {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
            previous = character
        }
        fields.append(field)
        return fields
    }

    @Test("every mandatory column is there; BilledCost adds up to the report's total; ListCost = unit price × quantity")
    func exactRows() throws {
        let (ledger, total) = try ReportCommandTests.ledger()
        let out = IngestCommandTests.temporaryPath(".csv")
        let export = try CLIHarness.run(["export", "focus", "--ledger", ledger, "--out", out])
        #expect(export.status == 0)
        #expect(export.stderr.contains("rows, BilledCost $"))
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(whereSeparator: \.isNewline)
        let header = Self.fields(try #require(lines.first))
        for column in Self.mandatory { #expect(header.contains(column), "\(column)") }
        for column in ["ConsumedQuantity", "ListUnitPrice", "SkuId", "SkuPriceId", "Tags", "x_TokenClass"] {
            #expect(header.contains(column), "\(column)")
        }
        let index = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        var billed = Decimal(0)
        for line in lines.dropFirst() {
            let row = Self.fields(line)
            #expect(row.count == header.count)
            let cost = try #require(Decimal(string: row[index["BilledCost"] ?? 0]))
            billed += cost
            let unit = try #require(Decimal(string: row[index["ListUnitPrice"] ?? 0]))
            let quantity = try #require(Decimal(string: row[index["PricingQuantity"] ?? 0]))
            #expect(unit * quantity == Decimal(string: row[index["ListCost"] ?? 0]))
            #expect(row[index["ServiceCategory"] ?? 0] == "AI and Machine Learning")
            #expect(row[index["ChargeCategory"] ?? 0] == "Usage")
        }
        #expect(billed == total)
    }

    @Test("a range exports only its hours, and standard output works")
    func rangeToStdout() throws {
        let (ledger, total) = try ReportCommandTests.ledger()
        let export = try CLIHarness.run([
            "export", "focus", "--ledger", ledger, "--out", "-", "--since", "2025-10-02", "--until", "2025-10-03",
        ])
        #expect(export.status == 0)
        let lines = export.stdout.split(whereSeparator: \.isNewline)
        #expect(lines.count > 1)
        let header = Self.fields(lines[0])
        let start = try #require(header.firstIndex(of: "ChargePeriodStart"))
        let cost = try #require(header.firstIndex(of: "BilledCost"))
        var billed = Decimal(0)
        for line in lines.dropFirst() {
            let row = Self.fields(line)
            #expect(row[start].hasPrefix("2025-10-02T"))
            billed += Decimal(string: row[cost]) ?? 0
        }
        #expect(billed > 0)
        #expect(billed < total)
    }
}
