import Foundation
import Testing

@testable import TokenomicsCore

@Suite("HTMLText")
struct HTMLTextTests {
    @Test("escapes the five characters that matter in content and attributes")
    func escape() {
        #expect(HTMLText.escape("<a href='x'>&\"é") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;é")
        #expect(HTMLText.escape("plain") == "plain")
    }

    @Test(
        "writes amounts to the cent, and sub-cent amounts so they never read as zero",
        arguments: [
            ("1234.565", "$1,234.57"), ("-0.5", "-$0.50"), ("0", "$0.00"), ("1000000", "$1,000,000.00"),
            ("0.0042", "$0.0042"), ("0.00000001", "<$0.0001"), ("-0.004", "-$0.0040"), ("999.995", "$1,000.00"),
        ])
    func dollars(text: String, expected: String) throws {
        let money = try #require(Money(decimal: text))
        #expect(HTMLText.dollars(money) == expected)
    }

    @Test("writes exact amounts with every decimal place")
    func exactDollars() throws {
        #expect(
            HTMLText.exactDollars(try #require(Money(decimal: "-1.500000000000000001"))) == "-$1.500000000000000001")
        #expect(HTMLText.exactDollars(.zero) == "$0")
    }

    @Test("writes counts, compact counts, shares and fixed decimals without a locale")
    func numbers() {
        #expect(HTMLText.count(1_234_567) == "1,234,567")
        #expect(HTMLText.count(-1_000) == "-1,000")
        #expect(HTMLText.count(1, "event") == "1 event")
        #expect(HTMLText.count(2, "event") == "2 events")
        #expect(HTMLText.compactCount(950) == "950")
        #expect(HTMLText.compactCount(12_345) == "12.3k")
        #expect(HTMLText.compactCount(123_456) == "123k")
        #expect(HTMLText.compactCount(4_500_000) == "4.5M")
        #expect(HTMLText.compactCount(.nan) == "0")
        #expect(HTMLText.percent(nil) == "—")
        #expect(HTMLText.percent(.nan) == "—")
        #expect(HTMLText.percent(0) == "0.0%")
        #expect(HTMLText.percent(0.0004) == "<0.1%")
        #expect(HTMLText.percent(0.1234) == "12.3%")
        #expect(HTMLText.fixed(1_234.5, places: 1) == "1,234.5")
        #expect(HTMLText.fixed(2.5, places: 0) == "3")
        #expect(HTMLText.fixed(-0.04, places: 1) == "0.0")
        #expect(HTMLText.fixed(0.05, places: 2) == "0.05")
    }

    @Test("writes dates in UTC, before 1970 too")
    func dates() {
        let march = Date(timeIntervalSince1970: 1_740_787_200)
        #expect(HTMLText.dateTime(march) == "2025-03-01 00:00 UTC")
        #expect(HTMLText.day(march) == "2025-03-01")
        #expect(HTMLText.day(march.addingTimeInterval(14 * 3_600 + 5 * 60)) == "2025-03-01 14:05")
        #expect(HTMLText.day(Date(timeIntervalSince1970: -60)) == "1969-12-31 23:59")
        #expect(HTMLText.bucketLabel(march, bucket: .day) == "Mar 1")
        #expect(HTMLText.bucketLabel(march, bucket: .month) == "Mar 2025")
        #expect(HTMLText.bucketLabel(march.addingTimeInterval(14 * 3_600), bucket: .hour) == "Mar 1 14:00")
    }

    @Test("writes SVG coordinates with one decimal and never NaN")
    func coordinates() {
        #expect(SVGCanvas.number(12.25) == "12.3")
        #expect(SVGCanvas.number(-3.2) == "-3.2")
        #expect(SVGCanvas.number(-0.04) == "0")
        #expect(SVGCanvas.number(40) == "40")
        #expect(SVGCanvas.number(.nan) == "0")
        #expect(SVGCanvas.number(-.infinity) == "0")
    }
}
