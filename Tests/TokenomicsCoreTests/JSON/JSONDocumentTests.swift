import Testing

@testable import TokenomicsCore

@Suite("JSONDocument")
struct JSONDocumentTests {
    @Test("reads nested members, arrays, numbers and escaped strings")
    func reads() throws {
        let document = JSONDocument()
        let root = try document.parse(
            #"{"a": {"b": [1, -2, 3.5e1], "s": "x\"y\u00e9\ud83d\ude00"}, "t": true, "n": null, "big": 12.0}"#)
        #expect(root["a", "b"]?.elements.map { $0.int64 } == [1, -2, 35])
        #expect(root["a", "s"]?.string == "x\"yé😀")
        #expect(root["t"]?.bool == true)
        #expect(root["n"]?.isNull == true)
        #expect(root["big"]?.int64 == 12)
        #expect(root["missing"] == nil)
        #expect(root["a", "s"]?.isString("x\"yé😀") == true)
        #expect(root.members.map(\.key) == ["a", "t", "n", "big"])
    }

    @Test(
        "rejects malformed text with an offset",
        arguments: [#"{"a": }"#, #"{"a" 1}"#, #"[1, 2"#, #"{"a": tru}"#, #""abc"#, "{} x", "", #"{"a": 01}"#])
    func rejects(text: String) {
        let document = JSONDocument()
        #expect(throws: JSONSyntaxError.self) { try document.parse(text) }
    }

    @Test("finds quotes, escapes and control characters deep inside long strings")
    func longStrings() throws {
        let document = JSONDocument()
        let long = String(repeating: "abcdefgh", count: 5)
        let root = try document.parse(#"{"k": "\#(long)\"\#(long)", "z": 1}"#)
        #expect(root["k"]?.string == long + "\"" + long)
        #expect(root["z"]?.int64 == 1)
        #expect(throws: JSONSyntaxError.self) { try document.parse("{\"k\": \"\(long)\u{01}x\"}") }
        #expect(throws: JSONSyntaxError.self) { try document.parse("{\"k\": \"\(long)") }
    }

    @Test("reuses buffers across parses")
    func reuse() throws {
        let document = JSONDocument()
        _ = try document.parse(#"{"x": [1,2,3,4,5,6,7,8]}"#)
        let second = try document.parse(#"{"y": 2}"#)
        #expect(second["y"]?.int64 == 2)
        #expect(second["x"] == nil)
    }

    @Test("writer writes integers of every size exactly", arguments: [0, 9, 10, -1, 1_000_000, Int64.max, Int64.min])
    func integers(value: Int64) throws {
        var writer = JSONWriter()
        writer.beginArray()
        writer.int(value)
        writer.endArray()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "[\(value)]")
    }

    @Test("writer round-trips through the parser")
    func writerRoundTrip() throws {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("s")
        writer.string("a\"b\\c\nd")
        writer.key("n")
        writer.int(-1234567)
        writer.key("m")
        writer.money(try #require(Money(decimal: "0.087")))
        writer.key("list")
        writer.beginArray()
        writer.int(1)
        writer.bool(false)
        writer.null()
        writer.endArray()
        writer.endObject()
        let document = JSONDocument()
        let root = try document.parse(bytes: writer.bytes)
        #expect(root["s"]?.string == "a\"b\\c\nd")
        #expect(root["n"]?.int64 == -1_234_567)
        #expect(root["m"]?.string == "0.087")
        #expect(root["list"]?.elements.count == 3)
    }
}
