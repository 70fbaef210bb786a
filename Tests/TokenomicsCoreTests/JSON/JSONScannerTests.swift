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

    @Test("every proper prefix of a document fails as cut short, with an offset inside the text")
    func everyPrefix() throws {
        let text = Array(
            #"{"id": "chatcmpl-1", "n": [-12.5e+3, 0, true, false, null, {}, []], "s": "a\"\u00e9\n", "d": {"k": [1]}}"#
                .utf8)
        let document = JSONDocument()
        try document.parse(bytes: text)
        for cut in 0..<text.count {
            #expect {
                try document.parse(bytes: text[..<cut])
            } throws: { error in
                guard let syntax = error as? JSONSyntaxError, syntax.offset <= cut else { return false }
                return ["unexpected end of text", "unterminated string", "empty input"].contains(syntax.message)
            }
        }
    }

    /// Each malformed text with the offset and message it is rejected with.
    static let rejections: [(String, Int, String)] = [
        ("", 0, "empty input"), ("   ", 0, "empty input"), ("\n\t", 0, "empty input"),
        ("x", 0, "unexpected character"), ("]", 0, "unexpected character"), ("}", 0, "unexpected character"),
        (":", 0, "unexpected character"), (",", 0, "unexpected character"),
        ("[", 1, "unexpected end of text"), ("{", 1, "unexpected end of text"), ("[1", 2, "unexpected end of text"),
        ("[1,", 3, "unexpected end of text"), (#"{"a""#, 4, "unexpected end of text"),
        (#"{"a":"#, 5, "unexpected end of text"), (#"{"a":1"#, 6, "unexpected end of text"),
        (#"{"a":1,"#, 7, "unexpected end of text"), (#""abc"#, 0, "unterminated string"),
        (#""abc\"#, 5, "unexpected end of text"), (#""\u00"#, 5, "unexpected end of text"),
        ("tru", 3, "unexpected end of text"), ("fals", 4, "unexpected end of text"),
        ("nul", 3, "unexpected end of text"), ("nulx", 3, "unexpected character"), ("trUe", 2, "unexpected character"),
        ("-", 1, "unexpected end of text"), ("-a", 1, "expected a digit"), ("[-]", 2, "expected a digit"),
        ("01", 1, "unexpected text after the JSON value"), ("-01", 2, "unexpected text after the JSON value"),
        ("00", 1, "unexpected text after the JSON value"), ("[01]", 2, "expected ',' or ']' in an array"),
        (#"{"a":01}"#, 6, "expected ',' or '}' in an object"),
        ("1.", 2, "unexpected end of text"), ("1.e5", 2, "expected a digit after '.'"),
        ("1e", 2, "unexpected end of text"), ("1e+", 3, "unexpected end of text"), ("1E-", 3, "unexpected end of text"),
        (".5", 0, "unexpected character"), ("+1", 0, "unexpected character"),
        ("1.5.2", 3, "unexpected text after the JSON value"),
        ("[1,]", 3, "unexpected character"), (#"{"a":1,}"#, 7, "expected a quoted object key"),
        ("{,}", 1, "expected a quoted object key"), ("[,]", 1, "unexpected character"),
        ("[1,,2]", 3, "unexpected character"), (#"{"a" 1}"#, 5, "expected ':' after an object key"),
        (#"{"a":1 "b":2}"#, 7, "expected ',' or '}' in an object"), ("[1 2]", 3, "expected ',' or ']' in an array"),
        ("{1:2}", 1, "expected a quoted object key"), (#"{"a":1]"#, 6, "expected ',' or '}' in an object"),
        ("[1}", 2, "expected ',' or ']' in an array"), ("1 2", 2, "unexpected text after the JSON value"),
        ("[1] ,", 4, "unexpected text after the JSON value"), (#""a" x"#, 4, "unexpected text after the JSON value"),
        (#""a\x""#, 3, "bad escape in a string"), (#""\u12G4""#, 5, "bad \\u escape in a string"),
        (#""\u12""#, 5, "bad \\u escape in a string"), ("\"a\u{01}b\"", 2, "control character in a string"),
        ("\"a\u{1F}\"", 2, "control character in a string"),
        ("[\"0123456789abcdef\u{01}\"]", 18, "control character in a string"),
        ("[\"0123456789abcde\n\"]", 17, "control character in a string"),
        ("[\"01234567\t\"]", 10, "control character in a string"),
        (#"{"a":{"b":[1,2,{"c":nul}]}}"#, 23, "unexpected character"),
        ("[true,false,null,tru]", 20, "unexpected character"),
        (#"{"k":"v"}}"#, 9, "unexpected text after the JSON value"),
        ("[]]", 2, "unexpected text after the JSON value"), ("{}{}", 2, "unexpected text after the JSON value"),
        ("\u{FEFF}{}", 0, "unexpected character"), ("[1]\u{00}", 3, "unexpected text after the JSON value"),
        ("[1,\u{00}2]", 3, "unexpected character"),
        // Inside compact objects, scanned member by member.
        (#"{"a":1,"b"}"#, 10, "expected ':' after an object key"),
        (#"{"a":"x" "b":1}"#, 9, "expected ',' or '}' in an object"),
        (#"{"a":"x","b"#, 9, "unterminated string"), (#"{"a":"x","#, 9, "unexpected end of text"),
        (#"{"a":{"b":1,}}"#, 12, "expected a quoted object key"), (#"{"a":{,}}"#, 6, "expected a quoted object key"),
        (#"{"a":{"b"}}"#, 9, "expected ':' after an object key"), (#"{"a":{"b":}}"#, 10, "unexpected character"),
        (#"{"a":1.}"#, 7, "expected a digit after '.'"), (#"{"a":2e,"b":1}"#, 7, "expected a digit in the exponent"),
        (#"{"a":"b\q"}"#, 8, "bad escape in a string"), (#"{"a\q":1}"#, 4, "bad escape in a string"),
        ("{\"a\u{01}\":1}", 3, "control character in a string"),
        (#"{"a":1}}"#, 7, "unexpected text after the JSON value"),
        (#"{"a":{"b":1}]"#, 12, "expected ',' or '}' in an object"),
        (#"{"a":[1}"#, 7, "expected ',' or ']' in an array"),
        (#"{"a":-}"#, 6, "expected a digit"), (#"{"a":tru}"#, 8, "unexpected character"),
    ]

    @Test("malformed text is rejected at the first problem, with what it is", arguments: rejections)
    func rejects(text: String, offset: Int, message: String) {
        let document = JSONDocument()
        #expect(throws: JSONSyntaxError(offset: offset, message: message)) { try document.parse(text) }
    }

    @Test("a control character inside a string is named at its offset")
    func controlCharacter() {
        let document = JSONDocument()
        #expect(throws: JSONSyntaxError(offset: 4, message: "control character in a string")) {
            try document.parse("[\"ab\u{07}c\"]")
        }
    }

    @Test("quotes, escapes, control characters and UTF-8 are found at every position of a string")
    func everyPosition() throws {
        let document = JSONDocument()
        for length in 0..<40 {
            let body = String(repeating: "x", count: length)
            #expect(try document.parse("{\"\(body)\": \"\(body)\"}")[body]?.string == body)
            for at in 0...length {
                let before = String(repeating: "x", count: at)
                let after = String(repeating: "y", count: length - at)
                let control = "[\"\(before)\u{1F}\(after)\"]"
                #expect(throws: JSONSyntaxError(offset: 2 + at, message: "control character in a string")) {
                    try document.parse(control)
                }
                let escaped = try document.parse(#"["\#(before)\"\#(after)"]"#).elements[0]
                #expect(escaped.string == before + "\"" + after)
                #expect(escaped.entry.flag)
                // Bytes of 0x80 and above hold up the quick scan, but are not escapes.
                for text in ["é", "😀", "\u{7FF}", "\u{FFFF}"] {
                    let value = try document.parse("{\"\(before)\(text)\(after)\": [\"\(before)\(text)\(after)\"]}")
                    var key: JSONValue?
                    value.forEachMemberKey { name, _ in key = name }
                    #expect(key?.entry.flag == false)
                    #expect(value.members.first?.key == before + text + after)
                    #expect(value["\(before)\(text)\(after)"]?.elements.first?.string == before + text + after)
                    #expect(value["\(before)\(text)\(after)"]?.elements.first?.entry.flag == false)
                }
            }
        }
    }

    @Test(
        "numbers: signs, fractions and exponents, and where they end",
        arguments: [
            ("0", false), ("-0", false), ("7", false), ("-1234567890123", false), ("0.5", true), ("-0.25e-3", true),
            ("1E+2", true), ("12e0", true), ("1234567890123456789012345678901234567890", false),
        ])
    func numbers(text: String, fractional: Bool) throws {
        let document = JSONDocument()
        for wrapped in [text, "[\(text)]", "{\"n\":\(text)}", "[ \(text) ,\(text)\n]"] {
            let root = try document.parse(wrapped)
            let number: JSONValue? = root.kind == .number ? root : root.kind == .array ? root.elements[0] : root["n"]
            #expect(number?.kind == .number)
            #expect(number?.jsonText == text)
            #expect(number?.entry.flag == fractional)
        }
    }

    @Test("whitespace of every kind between every token")
    func whitespace() throws {
        let document = JSONDocument()
        let root = try document.parse(" \t\r\n{ \"a\" :\t[ 1 ,\r\n true , { } , [ ] , \"s\" ] ,\n\"b\" : null } \n")
        #expect(root["a"]?.elements.count == 5)
        #expect(root["a"]?.elements[1].bool == true)
        #expect(root["b"]?.isNull == true)
        #expect(root.members.map(\.key) == ["a", "b"])
    }

    @Test("nested objects and arrays skip over each other's contents")
    func nesting() throws {
        let document = JSONDocument()
        let root = try document.parse(#"[[1,[2,3]],{"a":{"b":[]},"c":[{}]},4,{},[[]],"z"]"#)
        let elements = root.elements
        #expect(elements.count == 6)
        #expect(elements[0].elements[1].elements.map(\.int64) == [2, 3])
        #expect(elements[1]["a", "b"]?.elements.isEmpty == true)
        #expect(elements[1]["c"]?.elements.first?.kind == .object)
        #expect(elements[2].int64 == 4)
        #expect(elements[4].elements.first?.elements.isEmpty == true)
        #expect(elements[5].string == "z")
        #expect(elements[1].jsonText == #"{"a":{"b":[]},"c":[{}]}"#)
    }

    @Test(
        "compact objects, scanned member by member, read the same as the same text spaced out",
        arguments: [
            #"{"a":{"b":{"c":1},"d":[{"e":"f"}]},"g":-2,"h":true,"i":null,"j":0.5,"k":"v","l":{},"m":[],"n":12}"#,
            #"{"x":{"y":{"z":{}}},"w":"s","v":{"u":0,"t":10,"s":1e3,"r":"q"},"p":[[],{}],"o":"\"n\""}"#,
            #"[{"a":1},{"b":"c"},{"d":{"e":{"f":[1,2,{"g":null}]}}},{},"h",0]"#,
            #"{"chatcmpl":"0123456789abcdef0123456789","usage":{"prompt_tokens":2895,"details":{"cached":0}}}"#,
        ])
    func compactMatchesSpaced(text: String) throws {
        // Spaces and newlines after every `{`, `[`, `,` and `:` and before every `}` and `]`
        // (the texts hold none of them inside strings).
        var spaced = ""
        for character in text {
            if "}]".contains(character) { spaced += " \n" }
            spaced.append(character)
            if "{[,:".contains(character) { spaced += "\n\t " }
        }
        func describe(_ value: JSONValue) -> String {
            switch value.kind {
            case .object: "{" + value.members.map { "\($0.key)=\(describe($0.value))" }.joined(separator: ";") + "}"
            case .array: "[" + value.elements.map(describe).joined(separator: ";") + "]"
            default: "\(value.kind):\(value.jsonText):\(value.entry.flag)"
            }
        }
        let document = JSONDocument()
        let compact = try document.parse(text)
        let compactDescription = describe(compact)
        let compactSpan = compact.entry.span
        let spacedRoot = try document.parse(spaced)
        #expect(describe(spacedRoot) == compactDescription)
        #expect(spacedRoot.entry.span == compactSpan)
    }

    @Test("nesting up to the maximum depth is accepted, one level more is not")
    func depth() throws {
        let document = JSONDocument()
        let maximum = JSONDocument.maximumDepth
        let arrays = String(repeating: "[", count: maximum) + String(repeating: "]", count: maximum)
        #expect(try document.parse(arrays).elements.count == 1)
        let objects = String(repeating: #"{"a":"#, count: maximum) + "1" + String(repeating: "}", count: maximum)
        #expect(try document.parse(objects).kind == .object)
        let deeper = "[" + arrays + "]"
        #expect(throws: JSONSyntaxError(offset: maximum, message: "nesting too deep")) { try document.parse(deeper) }
        let mixed =
            String(repeating: #"[{"k":"#, count: maximum / 2) + "[]" + String(repeating: "}]", count: maximum / 2)
        let opening = #"[{"k":"#.utf8.count * maximum / 2
        #expect(throws: JSONSyntaxError(offset: opening, message: "nesting too deep")) { try document.parse(mixed) }
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

    @Test("texts too long for a tape with an entry per byte grow it as they go, with containers open")
    func longTextGrowth() throws {
        let count = JSONScanner.roomyLength / 8
        let items = (0..<count).map { #"{"k":[\#($0),"v"]}"# }.joined(separator: ",")
        let text = #"{"a":[{"b":["# + items + "]}]}"
        #expect(text.utf8.count > JSONScanner.roomyLength)
        let document = JSONDocument()
        let root = try document.parse(text)
        let list = try #require(root["a"]?.elements.first?["b"]?.elements)
        #expect(list.count == count)
        #expect(list.last?["k"]?.elements.first?.int64 == Int64(count - 1))
        #expect(list.last?["k"]?.elements.last?.string == "v")
        #expect(throws: JSONSyntaxError.self) { try document.parse(String(text.dropLast())) }
        #expect(try document.parse("[1]").elements.count == 1)
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
