import Foundation
import Testing
import TokenomicsData

@testable import TokenomicsCore

/// ``PriceCatalog/loadTrusted(_:)``: the catalog it reads lazily is the one ``PriceCatalog/load(_:)``
/// reads in full, record by record, name by name.
@Suite("Lazily read catalog")
struct LazyCatalogTests {
    let now = PricingFixtures.now

    /// The same compiled prices, field by field.
    static func same(_ lhs: CompiledPrice, _ rhs: CompiledPrice) -> Bool {
        lhs.id == rhs.id && lhs.from == rhs.from && lhs.until == rhs.until && lhs.thresholds == rhs.thresholds
            && lhs.perToken == rhs.perToken && lhs.known == rhs.known && lhs.imageFee == rhs.imageFee
            && lhs.requestFee == rhs.requestFee && lhs.webSearchFee == rhs.webSearchFee
    }

    /// Every record, compiled record and name lookup of `lazy` is that of `eager`.
    static func expectSame(_ lazy: PriceCatalog, _ eager: PriceCatalog) {
        #expect(lazy.version == eager.version)
        #expect(lazy.source == eager.source)
        #expect(lazy.records.count == eager.records.count)
        let positions = (0..<Int32(eager.records.count)).map { $0 }
        let lazyCompiled = lazy.records.compiled(at: positions)
        let eagerCompiled = eager.records.compiled(at: positions)
        var names: Set<String> = []
        for position in 0..<eager.records.count {
            let model = eager.records.model(at: position)
            #expect(lazy.records.model(at: position) == model)
            #expect(same(lazyCompiled[position], eagerCompiled[position]), "compiled \(model.id)")
            names.insert(model.id)
            names.insert(model.id.uppercased())
            if let alias = model.implicitAlias { names.insert(alias) }
            names.formUnion(model.aliases)
        }
        for name in names {
            #expect(lazy.candidates(for: name, provider: nil) == eager.candidates(for: name, provider: nil), "\(name)")
        }
        #expect(lazy.models == eager.models)
        #expect(lazy == eager)
    }

    @Test("the built-in catalog: every record, compiled price and name as the full reader has them")
    func builtin() throws {
        let data = try BuiltinData.resource(named: "catalog.json")
        let lazy = try PriceCatalog.loadTrusted(data)
        #expect(lazy.records.readCount == 0)
        Self.expectSame(lazy, try PriceCatalog.load(data))
        // Every model and provider pair resolves alike, provider preference included.
        let eager = try PriceCatalog.load(data)
        for model in eager.models.prefix(400) {
            for provider in [model.provider, "openai", "bedrock"] {
                #expect(
                    lazy.candidates(for: model.id, provider: provider)
                        == eager.candidates(for: model.id, provider: provider))
            }
        }
    }

    @Test("pricing reads only the records it needs, and prices as the full catalog does")
    func readsOnDemand() throws {
        let data = try BuiltinData.resource(named: "catalog.json")
        let lazy = try PriceCatalog.loadTrusted(data)
        let eager = try PriceCatalog.load(data)
        let tokens = TokenCounts(input: 10_000, cacheRead: 90_000, output: 2_000)
        for (model, provider) in [("gpt-4o", "openai"), ("claude-sonnet-4-5-20250929", "anthropic"), ("nope", "x")] {
            let event = UsageEvent(id: "x", provider: provider, model: model, tokens: tokens)
            let fromLazy = CostEngine(catalog: lazy).price(event, now: now)
            let fromEager = CostEngine(catalog: eager).price(event, now: now)
            #expect(fromLazy == fromEager)
        }
        #expect(lazy.records.readCount > 0)
        #expect(lazy.records.readCount < 100)
        #expect(
            lazy.price(for: "gpt-4o-mini", provider: nil, at: now)
                == eager.price(for: "gpt-4o-mini", provider: nil, at: now))
    }

    /// A catalog in the Tokenomics format, with `records` as its model lines.
    static func text(_ records: [String]) -> Data {
        Data(
            ("{\"format\":\"tokenomics-price-catalog\",\"format_version\":1,\"version\":\"v\",\"source\":\"s\",\"models\":[\n"
                + records.joined(separator: ",\n") + "\n]}\n").utf8)
    }

    @Test(
        "text that cannot be read lazily is read in full, to the same catalog",
        arguments: [
            // Out of order.
            [#"{"id":"b","provider":"p","rates":{"input":"1"}}"#, #"{"id":"a","provider":"p","rates":{"input":"2"}}"#],
            // The same id twice (effective-dated records).
            [
                #"{"id":"a","provider":"p","effective_until":"2025-06-01T00:00:00.000Z","rates":{"input":"1"}}"#,
                #"{"id":"a","provider":"p","effective_from":"2025-06-01T00:00:00.000Z","rates":{"input":"2"}}"#,
            ],
            // Aliases.
            [#"{"id":"a","provider":"p","aliases":["Alpha","b/alpha"],"rates":{"input":"1"}}"#],
            // An id with an escape, and one that is not ASCII.
            [#"{"id":"a\/b","provider":"p","rates":{"input":"1"}}"#],
            [#"{"id":"modèle","provider":"p","rates":{"input":"1"}}"#],
        ])
    func fallsBack(records: [String]) throws {
        let data = Self.text(records)
        let lazy = try PriceCatalog.loadTrusted(data)
        #expect(lazy.records.readCount == lazy.records.count)
        Self.expectSame(lazy, try PriceCatalog.load(data))
    }

    @Test("a catalog it can read lazily: ids in order, with prefixes, upper case, dates and every kind of rate")
    func lazyFixture() throws {
        let data = Self.text([
            #"{"id":"A/Model-X","provider":"a","rates":{"input":"1","output":"2"}}"#,
            #"{"id":"b/model-x","provider":"b","mode":"embedding","effective_from":"2025-01-01T00:00:00.000Z","rates":{"input":"3"},"tiers":{"batch":{"input":"1.5"}}}"#,
            #"{"id":"model-x","provider":"c","falls_back_to_standard":true,"rates":{"input":"5"},"long_context":[{"above":1000,"rates":{"input":"10"}}],"fees":{"request":"0.01"}}"#,
            #"{"id":"z/","provider":"z","rates":{}}"#,
        ])
        let lazy = try PriceCatalog.loadTrusted(data)
        #expect(lazy.records.readCount == 0)
        Self.expectSame(lazy, try PriceCatalog.load(data))
        #expect(lazy.price(for: "MODEL-X", provider: "b", at: now)?.id == "b/model-x")
        #expect(lazy.price(for: "model-x", provider: nil, at: now)?.id == "model-x")
    }

    @Test("JSON errors and a missing version are reported as the full reader reports them")
    func errors() {
        for text in [
            "{\"format\":\"tokenomics-price-catalog\",", #"{"format":"tokenomics-price-catalog","models":[]}"#, "[1]",
        ] {
            let lazy = #expect(throws: PricingError.self) { try PriceCatalog.loadTrusted(Data(text.utf8)) }
            let eager = #expect(throws: PricingError.self) { try PriceCatalog.load(Data(text.utf8)) }
            #expect(lazy == eager)
        }
    }

    @Test("a LiteLLM map is imported as load imports it")
    func liteLLM() throws {
        let url = try #require(
            Bundle.module.url(forResource: "litellm-sample", withExtension: "json", subdirectory: "Fixtures/json"))
        let data = try Data(contentsOf: url)
        #expect(try PriceCatalog.loadTrusted(data) == PriceCatalog.load(data))
    }
}

@Suite("NameIndex")
struct NameIndexTests {
    @Test("names compare as strings do: canonically equivalent spellings are one name")
    func canonical() {
        let catalog = PriceCatalog(
            version: "v", source: "",
            models: [ModelPrice(id: "mod\u{E8}le", provider: "p", rates: RateSet(input: Money(dollars: 1)))])
        #expect(catalog.price(for: "mode\u{300}le", provider: nil, at: PricingFixtures.now)?.id == "mod\u{E8}le")
        #expect(catalog.price(for: "MOD\u{C8}LE", provider: nil, at: PricingFixtures.now)?.id == "mod\u{E8}le")
    }

    @Test("grows past its first capacity, keeping every name and the order of its entries")
    func growth() {
        var index = NameIndex()
        for number in 0..<1000 {
            index.add(Int32(number), name: NameIndex.key("name-\(number % 300)"))
        }
        for number in 0..<300 {
            #expect(
                index.values(for: "name-\(number)") == Array(stride(from: number, to: 1000, by: 300)).map(Int32.init))
        }
        #expect(index.values(for: "name-300") == nil)
        #expect(index.values(for: "") == nil)
    }
}
