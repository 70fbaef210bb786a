import Foundation
import Testing

@testable import TokenomicsCore

@Suite("FocusExport")
struct FocusExportTests {
    // MARK: - Header

    /// Every column FOCUS 1.2 marks mandatory.
    static let mandatory = [
        "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd",
        "BillingPeriodStart", "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargePeriodEnd",
        "ChargePeriodStart", "ContractedCost", "EffectiveCost", "InvoiceIssuerName", "ListCost", "PricingQuantity",
        "PricingUnit", "ProviderName", "PublisherName", "ServiceCategory", "ServiceName",
    ]

    @Test("the header has every mandatory column and the conditional ones that apply, each once")
    func header() throws {
        let (csv, _) = FocusExport().csv(from: [Self.batchRow()])
        let header = try #require(Self.parse(csv).first)
        #expect(header == FocusTable.header)
        #expect(Set(header).count == header.count)
        for column in Self.mandatory { #expect(header.contains(column), "missing \(column)") }
        let conditional = [
            "ConsumedQuantity", "ConsumedUnit", "ContractedUnitPrice", "ListUnitPrice", "PricingCategory", "SkuId",
            "SkuPriceId", "SkuMeter", "ResourceId", "Tags", "ServiceSubcategory", "ChargeFrequency",
        ]
        for column in conditional { #expect(header.contains(column), "missing \(column)") }
        for column in header where !Self.mandatory.contains(column) && !conditional.contains(column) {
            #expect(
                column.hasPrefix("x_") || ["ResourceName", "ResourceType", "SkuPriceDetails"].contains(column),
                "unexpected column \(column)")
        }
    }

    @Test("every mandatory column but ChargeClass has a value on every row; ChargeClass is null")
    func mandatoryValues() {
        let (csv, _) = FocusExport().csv(from: Self.allRows)
        let records = Self.records(csv)
        #expect(!records.isEmpty)
        for record in records {
            for column in Self.mandatory where column != "ChargeClass" {
                #expect(record[column]?.isEmpty == false, "\(column) is null")
            }
            #expect(record["ChargeClass"] == "")
            #expect(record["ChargeCategory"] == "Usage")
            #expect(record["BillingCurrency"] == "USD")
            #expect(record["ServiceCategory"] == "AI and Machine Learning")
            #expect(record["ServiceSubcategory"] == "Generative AI")
            #expect(record["ChargeFrequency"] == "Usage-Based")
            #expect(record["ListUnitPrice"]?.isEmpty == false)
            #expect(record["SkuPriceId"]?.isEmpty == false)
        }
    }

    // MARK: - Exactness

    @Test("ListUnitPrice × PricingQuantity equals ListCost exactly on every row, and so for contracted prices")
    func unitPriceTimesQuantity() throws {
        let (csv, summary) = FocusExport().csv(from: Self.allRows + [Self.twoWayAudioRow()])
        let records = Self.records(csv)
        #expect(records.count == summary.rows)
        for record in records {
            let quantity = try #require(ExactDecimal(record["PricingQuantity"] ?? ""))
            let listPrice = try #require(ExactDecimal(record["ListUnitPrice"] ?? ""))
            let listCost = try #require(ExactDecimal(record["ListCost"] ?? ""))
            #expect(listPrice * quantity == listCost, "\(record["SkuPriceId"] ?? "")")
            let contractedPrice = try #require(ExactDecimal(record["ContractedUnitPrice"] ?? ""))
            let contractedCost = try #require(ExactDecimal(record["ContractedCost"] ?? ""))
            #expect(contractedPrice * quantity == contractedCost)
            #expect(record["BilledCost"] == record["ListCost"])
            #expect(record["EffectiveCost"] == record["BilledCost"])
        }
    }

    @Test("BilledCost adds up to the cost of the dated input rows; the undated cost is reported")
    func billedCostTotal() throws {
        let rows = Self.allRows + [Self.twoWayAudioRow()]
        let (csv, summary) = FocusExport().csv(from: rows)
        var billed = ExactDecimal.zero
        for record in Self.records(csv) { billed = billed + (try #require(ExactDecimal(record["BilledCost"] ?? ""))) }
        let input = rows.reduce(Money.zero) { $0 + $1.sums.cost }
        let dated = rows.filter { $0.hour != nil }.reduce(Money.zero) { $0 + $1.sums.cost }
        #expect(billed == ExactDecimal(dated.decimalString()))
        #expect(summary.billedCost == dated)
        #expect(summary.billedCost + summary.undatedCost == input)
        #expect(summary.undatedRows == 1)
        #expect(summary.undatedRequests == 1)
        #expect(summary.undatedCost == Self.undatedRow().sums.cost)
    }

    @Test("decimals have no exponent, no sign for positives and no trailing fraction zeros")
    func numericFormat() {
        let (csv, _) = FocusExport().csv(from: Self.allRows)
        let numeric = [
            "BilledCost", "ListCost", "ContractedCost", "EffectiveCost", "ListUnitPrice", "ContractedUnitPrice",
            "PricingQuantity", "ConsumedQuantity",
        ]
        for record in Self.records(csv) {
            for column in numeric {
                let text = record[column] ?? ""
                #expect(!text.isEmpty && text.allSatisfy { $0.isNumber || $0 == "." }, "\(column): \(text)")
                if text.contains(".") { #expect(!text.hasSuffix("0") && !text.hasSuffix("."), "\(column): \(text)") }
            }
        }
    }

    // MARK: - Charges

    @Test("a batch row gives one row per token class, the cache writes split into 5-minute and 1-hour rates")
    func batchClasses() throws {
        let (csv, summary) = FocusExport().csv(from: [Self.batchRow()])
        let records = Self.records(csv)
        let byClass = Dictionary(uniqueKeysWithValues: records.map { ($0["x_TokenClass"] ?? "", $0) })
        #expect(
            Set(byClass.keys) == ["input", "cache_read", "cache_write_5m", "cache_write_1h", "output", "reasoning"])
        #expect(summary.blendedRows == 0)
        let expected: [(String, quantity: String, price: String, consumed: String)] = [
            ("input", "0.001234", "1.5", "1234"), ("cache_read", "0.05", "0.15", "50000"),
            ("cache_write_5m", "0.000777", "1.875", "777"), ("cache_write_1h", "0.000333", "3", "333"),
            ("output", "0.000999", "7.5", "999"), ("reasoning", "0.004321", "7.5", "4321"),
        ]
        for (tokenClass, quantity, price, consumed) in expected {
            let record = try #require(byClass[tokenClass])
            #expect(record["PricingUnit"] == "1000000 Tokens")
            #expect(record["PricingQuantity"] == quantity)
            #expect(record["ListUnitPrice"] == price)
            #expect(record["ConsumedQuantity"] == consumed)
            #expect(record["ConsumedUnit"] == "Tokens")
            #expect(record["x_PricingBasis"] == "unit_rate")
            #expect(record["PricingCategory"] == "Standard")
            #expect(record["x_ServiceTier"] == "batch")
            #expect(record["x_LongContextThreshold"] == "200000")
            #expect(record["x_CatalogVersion"] == "2026-11-01")
            #expect(record["SkuId"] == "claude-sonnet-4")
            #expect(record["SkuPriceId"] == "claude-sonnet-4/\(tokenClass)/batch/above-200000@2026-11-01")
            #expect(record["ResourceId"] == "anthropic/claude-sonnet-4")
            #expect(record["ProviderName"] == "anthropic")
            #expect(record["InvoiceIssuerName"] == "anthropic")
            #expect(record["BillingAccountId"] == "tokenomics")
            #expect(record["x_Requests"] == "3")
        }
        let write1h = try #require(byClass["cache_write_1h"])
        #expect(write1h["BilledCost"] == "0.000999")
        let write5m = try #require(byClass["cache_write_5m"])
        #expect(write5m["BilledCost"] == "0.001456875")
    }

    @Test("audio, images, web searches and request fees are priced per their own unit")
    func mediaCharges() throws {
        let (csv, summary) = FocusExport().csv(from: [Self.mediaRow()])
        let byClass = Dictionary(uniqueKeysWithValues: Self.records(csv).map { ($0["x_TokenClass"] ?? "", $0) })
        #expect(Set(byClass.keys) == ["input", "output", "audio", "image", "web_search", "request_fee"])
        #expect(summary.blendedRows == 0)
        let expected: [(String, unit: String, quantity: String, price: String, cost: String)] = [
            ("audio", "1000000 Tokens", "0.0001", "40", "0.004"), ("image", "Images", "2", "0.04", "0.08"),
            ("web_search", "Queries", "3", "0.01", "0.03"), ("request_fee", "Requests", "5", "0.001", "0.005"),
        ]
        for (kind, unit, quantity, price, cost) in expected {
            let record = try #require(byClass[kind])
            #expect(record["PricingUnit"] == unit)
            #expect(record["PricingQuantity"] == quantity)
            #expect(record["ListUnitPrice"] == price)
            #expect(record["BilledCost"] == cost)
        }
    }

    @Test("a charge of several rates is written blended: unit USD, quantity the cost, price 1")
    func blendedAudio() throws {
        let row = Self.twoWayAudioRow()
        let (csv, summary) = FocusExport().csv(from: [row])
        let record = try #require(Self.records(csv).first)
        #expect(record["x_TokenClass"] == "audio")
        #expect(record["PricingUnit"] == "USD")
        #expect(record["ListUnitPrice"] == "1")
        #expect(record["PricingQuantity"] == row.sums.cost.decimalString())
        #expect(record["ConsumedQuantity"] == "3")
        #expect(record["x_PricingBasis"] == "blended")
        #expect(record["SkuPriceId"] == "voice/audio/standard/blended@2026-11-01")
        #expect(summary.blendedRows == 1)
    }

    @Test("a token cost that is not a whole number of attodollars per token gets no unit price")
    func indivisibleCost() {
        #expect(FocusPricing.tokens(3, cost: Money(attodollars: 10)) == nil)
        #expect(FocusPricing.units(3, named: "Images", cost: Money(attodollars: 10)) == nil)
        #expect(FocusPricing.tokens(0, cost: Money(attodollars: 10)) == nil)
        let exact = FocusPricing.tokens(3, cost: Money(attodollars: 30))
        #expect(exact?.quantity == "0.000003")
        #expect(exact?.unitPrice == Money(attodollars: 10_000_000))
        let blended = FocusPricing.blended(Money(attodollars: 10))
        #expect(blended.unit == "USD")
        #expect(blended.quantity == "0.00000000000000001")
        #expect(blended.unitPrice == Money(dollars: 1))
    }

    @Test("the cost beyond a group's parts is written as another charge, so no cost is lost")
    func remainder() throws {
        var row = Self.undatedRow()
        row.hour = Self.hour
        row.sums.cost += Money(attodollars: 7)
        let table = FocusExport().table(from: [row])
        #expect(table.summary.billedCost == row.sums.cost)
        let other = try #require(table.rows.first { $0[.x_TokenClass] == "other" })
        #expect(other[.billedCost] == "0.000000000000000007")
        #expect(other[.pricingUnit] == "USD")
    }

    // MARK: - Unpriced and undated

    @Test("unpriced events are in no cost row and are counted; a group with some is written blended")
    func unpriced() throws {
        let (csv, summary) = FocusExport().csv(from: Self.allRows)
        let records = Self.records(csv)
        #expect(summary.unpricedRequests == 3)
        #expect(!records.contains { $0["ResourceId"] == "anthropic/mystery" })
        let mixed = records.filter { $0["ResourceId"] == "anthropic/mixed-model" }
        // The 1-hour writes cost nothing: they belong to the unpriced event, and get no $0 row.
        #expect(mixed.map { $0["x_TokenClass"] } == ["input"])
        let input = try #require(mixed.first)
        #expect(input["PricingUnit"] == "USD")
        #expect(input["BilledCost"] == "0.000225")
        #expect(input["x_UnpricedRequests"] == "1")
        #expect(input["x_PricingBasis"] == "blended")
        #expect(input["ChargeDescription"]?.contains("1 of 4 requests unpriced") == true)
    }

    // MARK: - Periods

    @Test(
        "the charge period is the hour and the billing period its calendar month, in UTC",
        arguments: [
            (
                1_794_747_600.0, "2026-11-15T13:00:00Z", "2026-11-15T14:00:00Z", "2026-11-01T00:00:00Z",
                "2026-12-01T00:00:00Z"
            ),
            (
                1_798_759_800.0, "2026-12-31T23:00:00Z", "2027-01-01T00:00:00Z", "2026-12-01T00:00:00Z",
                "2027-01-01T00:00:00Z"
            ),
            (
                1_709_164_800.0, "2024-02-29T00:00:00Z", "2024-02-29T01:00:00Z", "2024-02-01T00:00:00Z",
                "2024-03-01T00:00:00Z"
            ),
        ])
    func periods(seconds: Double, start: String, end: String, billingStart: String, billingEnd: String) throws {
        var row = Self.batchRow()
        row.hour = Date(timeIntervalSince1970: seconds)
        let table = FocusExport().table(from: [row])
        #expect(!table.rows.isEmpty)
        for record in table.rows {
            #expect(record[.chargePeriodStart] == start)
            #expect(record[.chargePeriodEnd] == end)
            #expect(record[.billingPeriodStart] == billingStart)
            #expect(record[.billingPeriodEnd] == billingEnd)
        }
    }

    // MARK: - Tags and CSV

    @Test("tags with commas and quotes are quoted per RFC 4180 and read back intact")
    func quoting() throws {
        let (csv, _) = FocusExport().csv(from: [Self.batchRow(), Self.mediaRow()])
        #expect(csv.contains(#"""note"":""say \""hi\""""}""#))
        let records = Self.records(csv)
        let batch = try #require(records.first { $0["ResourceId"] == "anthropic/claude-sonnet-4" })
        #expect(
            batch["Tags"]
                == #"{"org":"acme","project":"p1","team":"search","user":"ann","application":"bot","workflow":"wf","step":"s1","env":"prod, eu","note":"say \"hi\""}"#
        )
        let media = try #require(records.first { $0["ResourceId"] == "openai/gpt-4o" })
        #expect(media["x_Team"] == "a,b")
        #expect(media["x_Application"] == "")
        let tags = try #require(media["Tags"])
        let document = JSONDocument()
        let object = try document.parse(tags)
        #expect(object["team"]?.string == "a,b")
        #expect(object["application"] == nil)
        #expect(Self.parse(csv).allSatisfy { $0.count == FocusTable.header.count })
    }

    @Test("an own tag does not replace an attribution field, and tags that are not an object are kept whole")
    func tagEdgeCases() throws {
        let document = JSONDocument()
        let clash = FocusExport.tags(
            of: Self.key(tags: #"{"team":"other","n":3,"ok":true,"o":{"a":1}}"#), document: document)
        let clashing = try document.parse(try #require(clash))
        #expect(clashing["team"]?.string == "search")
        #expect(clashing["n"]?.int64 == 3)
        #expect(clashing["ok"]?.bool == true)
        #expect(clashing["o"]?.string == #"{"a":1}"#)
        let odd = FocusExport.tags(of: Self.key(tags: "not json"), document: document)
        #expect(try document.parse(try #require(odd))["tags"]?.string == "not json")
        let none = FocusExport.tags(of: Array(repeating: nil, count: FocusExport.dimensions.count), document: document)
        #expect(none == nil)
    }

    @Test("options name the account, issuer, provider, publisher and service")
    func options() throws {
        let options = FocusOptions(
            billingAccountId: "acct-1", billingAccountName: "Acme AI", invoiceIssuerName: "AWS",
            providerName: "Amazon Bedrock", publisherName: "Anthropic", serviceName: "Amazon Bedrock")
        let row = try #require(FocusExport(options: options).table(from: [Self.batchRow()]).rows.first)
        #expect(row[.billingAccountId] == "acct-1")
        #expect(row[.billingAccountName] == "Acme AI")
        #expect(row[.invoiceIssuerName] == "AWS")
        #expect(row[.providerName] == "Amazon Bedrock")
        #expect(row[.publisherName] == "Anthropic")
        #expect(row[.serviceName] == "Amazon Bedrock")
    }
}
