import Foundation
import Testing

@testable import TokenomicsCore

@Suite("JSONWriter")
struct JSONWriterTests {
    /// The JSON string literal of `text`, escaped one byte at a time: the reference the writer must match.
    static func reference(_ text: String) -> String {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += Array(#"\""#.utf8)
            case UInt8(ascii: "\\"): out += Array(#"\\"#.utf8)
            case 0x0A: out += Array(#"\n"#.utf8)
            case 0x0D: out += Array(#"\r"#.utf8)
            case 0x09: out += Array(#"\t"#.utf8)
            case 0..<0x20: out += Array(String(format: "\\u%04x", byte).utf8)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    static func written(_ build: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        build(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test("strings keep plain text, non-ASCII and DEL, and escape quotes, backslashes and control characters")
    func escaping() {
        let cases = [
            "", "a", "plain ascii text", "é😀 naïve", "\u{7F}", "\"", "\\", "\n\r\t", "\u{0}\u{1}\u{1F}",
            "tab\there", "quote \"inside\" text", "C:\\path\\file", "mixed é\"\u{1}\\😀",
        ]
        for text in cases {
            #expect(Self.written { $0.string(text) } == Self.reference(text))
        }
    }

    @Test("a character needing escape is found at every position of a long string")
    func escapingAtEveryPosition() {
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}"] {
            for position in 0..<40 {
                for tail in [0, 1, 7, 8, 9] {
                    let text =
                        String(repeating: "a", count: position) + special + String(repeating: "b", count: tail)
                    #expect(Self.written { $0.string(text) } == Self.reference(text))
                }
            }
        }
        for length in 0..<40 {
            let text = String(repeating: "é", count: length / 2) + String(repeating: "z", count: length % 2)
            #expect(Self.written { $0.string(text) } == Self.reference(text))
        }
    }

    @Test(
        "long strings are checked 16 bytes at a time: a special byte is found in every block and in the overlapping tail"
    )
    func escapingLongStrings() {
        for length in 16...80 {
            #expect(
                Self.written { $0.string(String(repeating: "x", count: length)) }
                    == Self.reference(String(repeating: "x", count: length)))
            for position in 0..<length {
                for special in ["\"", "\\", "\u{1F}"] {
                    var characters = Array(repeating: "y", count: length)
                    characters[position] = special
                    let text = characters.joined()
                    #expect(Self.written { $0.string(text) } == Self.reference(text))
                }
            }
        }
    }

    @Test("integers of every width, zero and negatives")
    func integers() {
        var values: [Int64] = Array(0...10_100) + [-1, -9, -10, -9_999, -10_000, Int64.min, Int64.max]
        var power: Int64 = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -power]
        }
        for value in values {
            #expect(Self.written { $0.int(value) } == String(value))
        }
    }

    @Test("keys, nesting and commas")
    func structure() {
        let text = Self.written { writer in
            writer.beginObject()
            writer.key("k\"ey")
            writer.beginArray()
            writer.int(1)
            writer.bool(true)
            writer.bool(false)
            writer.null()
            writer.string(nil)
            writer.double(1.5)
            writer.double(2)
            writer.double(.nan)
            writer.beginObject()
            writer.endObject()
            writer.endArray()
            writer.field("m")
            writer.money(Money(attodollars: -1))
            writer.field("d")
            writer.date(Date(timeIntervalSince1970: 0))
            writer.endObject()
        }
        #expect(
            text
                == #"{"k\"ey":[1,true,false,null,null,1.5,2,null,{}],"m":"-0.000000000000000001","#
                + #""d":"1970-01-01T00:00:00.000Z"}"#)
    }

    @Test("grows past its initial capacity")
    func grows() {
        var writer = JSONWriter(capacity: 4)
        writer.beginArray()
        for index in 0..<1000 { writer.string("value \(index)") }
        writer.endArray()
        let expected = "[" + (0..<1000).map { "\"value \($0)\"" }.joined(separator: ",") + "]"
        #expect(String(decoding: writer.bytes, as: UTF8.self) == expected)
    }
}
