import Testing

@testable import TokenomicsCore

@Suite("JSON scanner edges")
struct JSONScannerTests {
    @Test("strings and numbers that end exactly at the end of the text")
    func endOfText() throws {
        let document = JSONDocument()
        #expect(try document.parse(#""abcdefghijklmnop""#).string == "abcdefghijklmnop")
        #expect(try document.parse("12345").int64 == 12_345)
        #expect(try document.parse("-0").int64 == 0)
        #expect(try document.parse("true").bool == true)
        #expect(try document.parse(#"["x\u00e9"]"#).elements.first?.string == "xé")
    }

    @Test(
        "text cut short is reported as such, never read past",
        arguments: [#"{"a": "abc"#, #"{"a": "abc\"#, #"{"a": "\u00"#, #"{"a": tr"#, #"{"a": 1"#, #"{"a""#, "[", "-"])
    func cutShort(text: String) {
        let document = JSONDocument()
        #expect {
            try document.parse(text)
        } throws: { error in
            guard let syntax = error as? JSONSyntaxError else { return false }
            return syntax.message == "unexpected end of text" || syntax.message == "unterminated string"
        }
    }

    @Test("a control character inside a string is named at its offset")
    func controlCharacter() {
        let document = JSONDocument()
        #expect(throws: JSONSyntaxError(offset: 4, message: "control character in a string")) {
            try document.parse("[\"ab\u{07}c\"]")
        }
    }

    @Test("the tape grows for documents with many values, and shrinks back for small ones")
    func tapeGrowth() throws {
        let document = JSONDocument()
        let many = "[" + (0..<5_000).map { "{\"k\": \($0)}" }.joined(separator: ",") + "]"
        let root = try document.parse(many)
        let elements = root.elements
        #expect(elements.count == 5_000)
        #expect(elements.last?["k"]?.int64 == 4_999)
        #expect(try document.parse(#"{"k": 1}"#)["k"]?.int64 == 1)
    }

    @Test("texts longer than the first buffer are copied whole")
    func longText() throws {
        let document = JSONDocument()
        let long = String(repeating: "z", count: 10_000)
        #expect(try document.parse("{\"s\": \"\(long)\"}")["s"]?.string == long)
        #expect(try document.parse(#"{"s": "short"}"#)["s"]?.string == "short")
    }

    @Test("keys match by bytes, escaped keys by their decoded text")
    func keys() throws {
        let document = JSONDocument()
        let root = try document.parse(#"{"\u0069d": "x", "model": "m", "": 3}"#)
        #expect(root["id"]?.string == "x")
        #expect(root[""]?.int64 == 3)
        var seen: [String] = []
        root.forEachMemberKey { key, _ in
            if key.isKey("id") { seen.append("id") }
            if key.isKey("model") { seen.append("model") }
            if key.isKey("mode") { seen.append("mode") }
        }
        #expect(seen == ["id", "model"])
    }

    @Test("integers at the edges of Int64 are exact or rejected, never wrapped")
    func integerEdges() throws {
        let document = JSONDocument()
        #expect(try document.parse("9223372036854775807").int64 == Int64.max)
        #expect(try document.parse("-9223372036854775808").int64 == Int64.min)
        #expect(try document.parse("9223372036854775808").int64 == nil)
        #expect(try document.parse("123456789012345678").int64 == 123_456_789_012_345_678)
    }
}
