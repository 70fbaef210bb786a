import Foundation
import Testing

@testable import TokenomicsCore

@Suite("JSONValue numbers")
struct JSONValueNumberTests {
    /// `int64` of `text` as a root value, in an array, and as a member value followed by more text.
    static func readings(_ text: String) throws -> [Int64?] {
        let document = JSONDocument()
        var readings = [try document.parse(text).int64]
        readings.append(try document.parse("[\(text),7]").elements.first?.int64)
        readings.append(try document.parse(#"{"k":\#(text)}"#)["k"]?.int64)
        readings.append(try document.parse(#"{"k": \#(text) , "a":"0123456789"}"#)["k"]?.int64)
        return readings
    }

    @Test("whole numbers of every length read as Int64 parses them, in any context, overflow included")
    func everyLength() throws {
        var generator = SeededGenerator(seed: 42)
        for length in 1...20 {
            for _ in 0..<40 {
                var digits = String(Int.random(in: 1...9, using: &generator))
                for _ in 1..<length { digits += String(Int.random(in: 0...9, using: &generator)) }
                for text in [digits, "-" + digits] {
                    let expected = Int64(text)
                    #expect(try Self.readings(text) == [expected, expected, expected, expected], "\(text)")
                }
            }
        }
    }

    @Test("the edges of the eight-digit groups and of Int64")
    func edges() throws {
        let texts = [
            "0", "-0", "7", "9", "10", "99999999", "100000000", "12345678", "123456789", "9999999999999999",
            "10000000000000000", "99999999999999999", "999999999999999999", "1000000000000000000",
            "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
            "10000000000000000000", "99999999999999999999", "1000000000000", "1000000000001",
        ]
        for text in texts {
            let expected = Int64(text)
            #expect(try Self.readings(text) == [expected, expected, expected, expected], "\(text)")
        }
    }

    @Test("numbers with a fraction or exponent are whole or not; other kinds are not integers")
    func notPlainIntegers() throws {
        let document = JSONDocument()
        #expect(try document.parse("12.0").int64 == 12)
        #expect(try document.parse("1e3").int64 == 1_000)
        #expect(try document.parse("-2.50e1").int64 == -25)
        #expect(try document.parse("12.5").int64 == nil)
        #expect(try document.parse("1e-1").int64 == nil)
        #expect(try document.parse("9.3e18").int64 == nil)
        #expect(try document.parse(#""12""#).int64 == nil)
        #expect(try document.parse("true").int64 == nil)
        #expect(try document.parse("null").int64 == nil)
    }
}
