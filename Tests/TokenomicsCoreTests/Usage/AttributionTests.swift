import Foundation
import Testing

@testable import TokenomicsCore

@Suite("Attribution keys")
struct AttributionKeyTests {
    @Test("report names map to keys; app is application; anything else is a tag")
    func names() {
        #expect(Attribution.Key("team") == .team)
        #expect(Attribution.Key("app") == .application)
        #expect(Attribution.Key("parent_span_id") == .parentSpanId)
        #expect(Attribution.Key("teams") == nil)
        #expect(Attribution.Key("") == nil)
        var attribution = Attribution()
        attribution["workflow"] = "triage"
        attribution["cost_center"] = "cc-7"
        #expect(attribution.workflow == "triage")
        #expect(attribution.tags == ["cost_center": "cc-7"])
        #expect(attribution["cost_center"] == "cc-7")
        for key in Attribution.Key.allCases {
            attribution[key] = "v"
            #expect(attribution[key] == "v")
        }
    }

    @Test("the first key set on an empty attribution is the only one set, whichever it is")
    func firstKey() {
        for key in Attribution.Key.allCases {
            var attribution = Attribution()
            attribution[key] = "v"
            for other in Attribution.Key.allCases { #expect(attribution[other] == (other == key ? "v" : nil)) }
            attribution[key] = nil
            #expect(attribution.isEmpty)
        }
        var untouched = Attribution()
        untouched.team = nil
        #expect(untouched.isEmpty && untouched == Attribution())
    }

    @Test("attributions built by initializer or by setting keys are equal, hash alike and round-trip through Codable")
    func equality() throws {
        var set = Attribution()
        #expect(set.isEmpty)
        set.team = "finance"
        set.traceId = "abc"
        set.tags["cc"] = "7"
        let built = Attribution(team: "finance", traceId: "abc", tags: ["cc": "7"])
        #expect(set == built)
        #expect(set.hashValue == built.hashValue)
        #expect(!set.isEmpty)
        set.team = nil
        #expect(set != built)
        let data = try JSONEncoder().encode(built)
        #expect(try JSONDecoder().decode(Attribution.self, from: data) == built)
        #expect(String(decoding: data, as: UTF8.self).contains(#""traceId":"abc""#))
    }

    @Test("copies share the named keys until one changes: the other keeps its values")
    func copyOnWrite() {
        var original = Attribution(team: "finance", user: "u-1", tags: ["cc": "7"])
        var copy = original
        copy.team = "support"
        copy.step = "plan"
        #expect(original.team == "finance" && original.step == nil)
        #expect(copy.team == "support" && copy.user == "u-1" && copy.step == "plan")
        let before = original
        original.removeAll()
        #expect(original.isEmpty && original == Attribution() && original.hashValue == Attribution().hashValue)
        #expect(before == Attribution(team: "finance", user: "u-1", tags: ["cc": "7"]))
        #expect(copy.user == "u-1" && copy.tags == ["cc": "7"])
    }

    @Test("an attribution emptied in place reads, compares, hashes and encodes as a new one, and can be refilled")
    func removeAll() throws {
        var attribution = Attribution(org: "o", parentSpanId: "p", tags: ["a": "1"])
        attribution.removeAll()
        for key in Attribution.Key.allCases { #expect(attribution[key] == nil) }
        #expect(attribution == Attribution() && attribution.hashValue == Attribution().hashValue)
        #expect(try JSONEncoder().encode(attribution) == JSONEncoder().encode(Attribution()))
        attribution.workflow = "w"
        attribution.tags["b"] = "2"
        #expect(attribution == Attribution(workflow: "w", tags: ["b": "2"]))
        var untouched = Attribution()
        untouched.removeAll()
        #expect(untouched == Attribution())
    }
}
