import Foundation
import Testing

@testable import TokenomicsCore

@Suite("StringInterner")
struct StringInternerTests {
    /// Interns `text`'s UTF-8 bytes.
    private func intern(_ text: String, in strings: StringInterner) -> String {
        intern(Array(text.utf8), in: strings)
    }

    private func intern(_ bytes: [UInt8], in strings: StringInterner) -> String {
        bytes.withUnsafeBufferPointer { strings.string($0) }
    }

    /// The address of a string's UTF-8 storage: equal for two strings that share one buffer.
    private func storage(_ text: String) -> UnsafeRawPointer? {
        text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    /// The slot `text` falls in.
    private func slot(of text: String) -> Int {
        Array(text.utf8).withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            return StringInterner.slot(of: StringInterner.Words(base, count: bytes.count))
        }
    }

    /// Two different texts (long enough to be stored out of line) that fall in the same slot.
    private func collidingPair() -> (String, String) {
        let first = "collision-candidate-0"
        var number = 1
        while slot(of: "collision-candidate-\(number)") != slot(of: first) { number += 1 }
        return (first, "collision-candidate-\(number)")
    }

    @Test("a hit returns the string made for the same bytes before, sharing its storage")
    func hit() {
        let strings = StringInterner()
        let first = intern("gpt-4o-2024-08-06-long-name", in: strings)
        let second = intern("gpt-4o-2024-08-06-long-name", in: strings)
        #expect(first == "gpt-4o-2024-08-06-long-name")
        #expect(second == first)
        #expect(storage(first) != nil && storage(first) == storage(second))
    }

    @Test("different bytes give their own strings; short and empty texts too")
    func miss() {
        let strings = StringInterner()
        let texts = ["o3", "o4-mini", "finance", "support", "", "u-121", "u-122", "gpt-4.1", "gpt-4.1-mini"]
        for _ in 0..<3 {
            for text in texts { #expect(intern(text, in: strings) == text) }
        }
    }

    @Test("a text that falls in a taken slot replaces it; both still read back exactly")
    func collision() {
        let strings = StringInterner()
        let (first, second) = collidingPair()
        let a1 = intern(first, in: strings)
        let b1 = intern(second, in: strings)
        let a2 = intern(first, in: strings)
        let a3 = intern(first, in: strings)
        #expect(a1 == first && a2 == first && a3 == first && b1 == second)
        // The second text evicted the first: the first was made again, then shared.
        #expect(storage(a1) != storage(a2))
        #expect(storage(a2) == storage(a3))
        #expect(intern(second, in: strings) == second)
    }

    @Test("texts of every length up to the maximum are kept exactly: a change in any one byte is a different text")
    func everyLength() {
        let strings = StringInterner()
        var generator = SystemRandomNumberGenerator()
        for length in 0...StringInterner.maximumLength {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0x21...0x7E, using: &generator) }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(intern(bytes, in: strings) == text)
            #expect(intern(bytes, in: strings) == text)
            for position in 0..<length {
                var changed = bytes
                changed[position] = changed[position] == 0x41 ? 0x42 : 0x41
                #expect(intern(changed, in: strings) == String(decoding: changed, as: UTF8.self))
                #expect(intern(bytes, in: strings) == text, "length \(length), byte \(position)")
            }
        }
    }

    @Test("the word view of a text sees every byte and reads none outside it")
    func words() {
        /// Whether `a` and `b`, of one length, are equal through their word views.
        func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
            a.withUnsafeBytes { a in
                b.withUnsafeBytes { b in
                    guard let first = a.baseAddress, let second = b.baseAddress else { return a.count == b.count }
                    return StringInterner.Words(first, count: a.count)
                        .equal(StringInterner.Words(second, count: b.count))
                }
            }
        }
        for length in 1...StringInterner.maximumLength {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(equal(bytes, bytes.map { $0 }))
            for position in 0..<length {
                var changed = bytes
                changed[position] ^= 0x80
                #expect(!equal(bytes, changed), "length \(length), byte \(position)")
            }
        }
    }

    @Test("texts longer than the maximum are made each time, exactly")
    func long() {
        let strings = StringInterner()
        let text = String(repeating: "x", count: StringInterner.maximumLength + 1)
        let first = intern(text, in: strings)
        let second = intern(text, in: strings)
        #expect(first == text && second == text)
        #expect(storage(first) != storage(second))
        let longest = String(repeating: "y", count: StringInterner.maximumLength)
        #expect(storage(intern(longest, in: strings)) == storage(intern(longest, in: strings)))
    }

    @Test(
        "non-ASCII texts, and invalid UTF-8 repaired as String(decoding:as:) does",
        arguments: [
            Array("café".utf8), Array("日本語のチーム".utf8), Array("team 🚀 rocket".utf8), [0x61, 0xFF, 0x62],
            [0xE6, 0x97], [0xC3, 0xA9, 0x80],
        ])
    func unicode(bytes: [UInt8]) {
        let strings = StringInterner()
        let expected = String(decoding: bytes, as: UTF8.self)
        #expect(intern(bytes, in: strings) == expected)
        #expect(intern(bytes, in: strings) == expected)
        #expect(Array(intern(bytes, in: strings).utf8) == Array(expected.utf8))
    }

    @Test("JSON strings with escapes are decoded, not looked up by their escaped bytes")
    func escaped() throws {
        let strings = StringInterner()
        let document = JSONDocument()
        let root = try document.parse(#"{"a":"line\none","b":"caf\u00e9","c":"plain","d":12.50,"e":true,"f":null}"#)
        for _ in 0..<2 {
            #expect(root["a"]?.string(interning: strings) == "line\none")
            #expect(root["b"]?.string(interning: strings) == "café")
            #expect(root["c"]?.string(interning: strings) == "plain")
            #expect(root["d"]?.string(interning: strings) == nil)
            #expect(root["d"]?.scalarText(interning: strings) == "12.50")
            #expect(root["e"]?.scalarText(interning: strings) == "true")
            #expect(root["f"]?.scalarText(interning: strings) == nil)
        }
        // The escaped text's raw bytes are not in the table: the same bytes unescaped read back as written.
        #expect(intern(#"line\none"#, in: strings) == #"line\none"#)
    }

    @Test("strings read from many lines equal freshly decoded ones")
    func acrossLines() throws {
        let models = ["o3", "gpt-4o-2024-08-06", "gpt-4o-mini-2024-07-18", "gpt-5", "caf\\u00e9-model", "モデル"]
        let teams = ["finance", "support", "search-and-discovery-platform", "t\\\"q", "équipe"]
        var lines: [String] = []
        for index in 0..<300 {
            let model = models[index % models.count]
            let team = teams[(index / 2) % teams.count]
            lines.append(
                #"{"id":"c\#(index)","object":"chat.completion","created":1759276801,"model":"\#(model)","#
                    + #""usage":{"prompt_tokens":10,"completion_tokens":2},"provider":"\#(team)-provider","#
                    + #""metadata":{"team":"\#(team)","user":"u-\#(index % 7)","cost_center":"cc-\#(index % 3)"}}"#)
        }
        let (events, issues) = IngestTestSupport.read(lines.joined(separator: "\n"))
        #expect(issues.isEmpty)
        #expect(events.count == lines.count)
        let document = JSONDocument()
        for (line, event) in zip(lines, events) {
            let root = try document.parse(line)
            #expect(event.model == root["model"]?.string)
            #expect(event.provider == root["provider"]?.string)
            #expect(event.attribution.team == root["metadata", "team"]?.string)
            #expect(event.attribution.user == root["metadata", "user"]?.string)
            #expect(event.attribution.tags == ["cost_center": root["metadata", "cost_center"]?.string ?? ""])
        }
    }
}
