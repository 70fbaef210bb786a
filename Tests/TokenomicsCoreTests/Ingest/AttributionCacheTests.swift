import Foundation
import Testing

@testable import TokenomicsCore

@Suite("AttributionCache")
struct AttributionCacheTests {
    /// The attribution `cache` gives for the metadata object `json`.
    static func attribution(_ json: String, in cache: AttributionCache, strings: StringInterner) throws -> Attribution {
        let document = JSONDocument()
        let metadata = try document.parse(json)
        var attribution = Attribution()
        withExtendedLifetime(document) { cache.read(metadata, strings: strings, into: &attribution) }
        return attribution
    }

    /// The attribution of `json` read member by member, without a cache.
    static func read(_ json: String) throws -> Attribution {
        let document = JSONDocument()
        let metadata = try document.parse(json)
        var attribution = Attribution()
        withExtendedLifetime(document) {
            metadata.readAttributionMembers(strings: StringInterner(), into: &attribution)
        }
        return attribution
    }

    /// The pair of slots a text falls in.
    static func pair(_ json: String) -> Int {
        Array(json.utf8).withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            return AttributionCache.firstSlot(of: StringInterner.Words(base, count: bytes.count))
        }
    }

    /// Metadata objects that all fall in the same pair of slots.
    static func colliding(_ count: Int) -> [String] {
        var found: [String] = []
        var number = 0
        var target: Int?
        while found.count < count {
            let json = #"{"team":"t-\#(number)","cost_center":"cc"}"#
            number += 1
            if target == nil { target = pair(json) }
            if pair(json) == target { found.append(json) }
        }
        return found
    }

    /// Whether two attributions share the storage of their named keys: an attribution's first word
    /// is its reference to that storage.
    static func sameStorage(_ first: Attribution, _ second: Attribution) -> Bool {
        unsafeBitCast(first, to: (UInt, UInt).self).0 == unsafeBitCast(second, to: (UInt, UInt).self).0
    }

    @Test("a hit gives the attribution read for the same bytes, sharing its storage")
    func hit() throws {
        let cache = AttributionCache()
        let strings = StringInterner()
        let json = #"{"team":"finance","application":"invoice-extractor","user":"u-1","env":"prod"}"#
        let first = try Self.attribution(json, in: cache, strings: strings)
        let second = try Self.attribution(json, in: cache, strings: strings)
        #expect(
            first == Attribution(team: "finance", user: "u-1", application: "invoice-extractor", tags: ["env": "prod"]))
        #expect(second == first && Self.sameStorage(first, second))
        let other = try Self.attribution(
            #"{"team":"finance","application":"invoice-extractor","user":"u-2","env":"prod"}"#, in: cache,
            strings: strings)
        #expect(other.user == "u-2" && !Self.sameStorage(first, other))
    }

    @Test("whatever the text, the cache gives what reading it member by member gives, first time and after")
    func sameAsReading() throws {
        let cache = AttributionCache()
        let strings = StringInterner()
        let long = #"{"team":"\#(String(repeating: "x", count: 300))","step":"s"}"#
        let texts = [
            "{}", #"{"team":"a"}"#, #"{"te\u0061m":"escaped key","user":"\u00e9"}"#, #"{"user":null,"step":""}"#,
            #"{"priority":3,"flag":true,"nested":{"team":"no"},"list":[1],"org":"o","org":"last"}"#,
            #"{"trace_id":"ab","span_id":"cd","parent_span_id":"ef","project":"p","workflow":"w","app":"a2"}"#, long,
        ]
        for _ in 0..<2 {
            for json in texts {
                #expect(try Self.attribution(json, in: cache, strings: strings) == Self.read(json), "\(json)")
            }
        }
        #expect(long.utf8.count > AttributionCache.maximumLength)
    }

    @Test("two texts of one pair of slots both stay; a third one pushes out the one used least recently stored")
    func twoWays() throws {
        let cache = AttributionCache()
        let strings = StringInterner()
        let texts = Self.colliding(3)
        let a = try Self.attribution(texts[0], in: cache, strings: strings)
        let b = try Self.attribution(texts[1], in: cache, strings: strings)
        #expect(Self.sameStorage(a, try Self.attribution(texts[0], in: cache, strings: strings)))
        #expect(Self.sameStorage(b, try Self.attribution(texts[1], in: cache, strings: strings)))
        let c = try Self.attribution(texts[2], in: cache, strings: strings)
        #expect(c == (try Self.read(texts[2])))
        #expect(Self.sameStorage(b, try Self.attribution(texts[1], in: cache, strings: strings)))
        #expect(Self.sameStorage(c, try Self.attribution(texts[2], in: cache, strings: strings)))
        let again = try Self.attribution(texts[0], in: cache, strings: strings)
        #expect(again == a && !Self.sameStorage(a, again))
    }

    @Test("while texts do not repeat, they are read right and mostly not kept; a text that repeats is kept again")
    func oneOffTexts() throws {
        let cache = AttributionCache()
        let strings = StringInterner()
        let kept = #"{"team":"kept","application":"a"}"#
        let first = try Self.attribution(kept, in: cache, strings: strings)
        for number in 0..<3_000 {
            let json = #"{"request_id":"r-\#(number)","team":"t-\#(number % 7)"}"#
            #expect(try Self.attribution(json, in: cache, strings: strings) == Self.read(json))
        }
        // Most one-off texts were not stored, so the text kept before them is still there (one that is
        // stored could have pushed it out; none of these did).
        #expect(Self.sameStorage(first, try Self.attribution(kept, in: cache, strings: strings)))
        let repeated = #"{"team":"repeated"}"#
        var results: [Attribution] = []
        for _ in 0..<40 { results.append(try Self.attribution(repeated, in: cache, strings: strings)) }
        #expect(results.allSatisfy { $0 == Attribution(team: "repeated") })
        #expect(Self.sameStorage(results[38], results[39]))
    }

    @Test("changing an event's attribution leaves the cached one, and the next record's, as read")
    func copyOnWrite() throws {
        let line =
            #"{"model":"gpt-4o","usage":{"prompt_tokens":1,"completion_tokens":1},"metadata":{"team":"t","env":"e"}}"#
        let (events, issues) = IngestTestSupport.read([line, line].joined(separator: "\n"))
        #expect(issues.isEmpty && events.count == 2)
        var first = events[0]
        first.attribution.team = "changed"
        first.attribution.tags["env"] = "changed"
        #expect(events[1].attribution == Attribution(team: "t", tags: ["env": "e"]))
        let tagged = IngestTestSupport.read(
            [line, line].joined(separator: "\n"), options: ImportOptions(tags: ["run": "7"])
        ).events
        #expect(
            tagged.map(\.attribution)
                == Array(repeating: Attribution(team: "t", tags: ["env": "e", "run": "7"]), count: 2))
    }

    @Test(
        "a top-level user counts where the metadata names none",
        arguments: [
            (#""user":"top","metadata":{"user":"meta"}"#, "meta"),
            (#""user":"top","metadata":{"team":"x"}"#, "top"),
            (#""user":"top","metadata":{"user":null}"#, "top"),
            (#""user":"top","metadata":{"user":""}"#, ""),
            (#""user":"top","metadata":"not an object""#, "top"),
            (#""user":"","metadata":{"team":"x"}"#, nil),
            (#""metadata":{"user":7}"#, "7"),
        ] as [(String, String?)])
    func user(members: String, expected: String?) throws {
        let json = #"{"model":"gpt-4o","usage":{"prompt_tokens":1,"completion_tokens":1},\#(members)}"#
        // Twice in one stream: read, then from the cache.
        let (events, issues) = IngestTestSupport.read([json, json].joined(separator: "\n"))
        #expect(issues.isEmpty)
        #expect(events.map(\.attribution.user) == [expected, expected])
    }
}
