/// Exact parsing of decimal text (`"2.5e-06"`, `"-0.087"`, `"12"`) into scaled integers.
///
/// JSON price maps write rates in scientific notation; reading them through `Double` would
/// introduce binary rounding into every invoice. This reads the digits themselves.
enum DecimalText {
    /// Parses `bytes` as a decimal number and returns it multiplied by 10^`scale` as an integer.
    ///
    /// - Parameters:
    ///   - bytes: ASCII text of the number (optional sign, digits, optional fraction and exponent).
    ///   - scale: decimal places to keep.
    ///   - rounding: when the number has more places than `scale`, round half away from zero
    ///     instead of failing.
    /// - Returns: the scaled integer, or `nil` when the text is not a number, overflows, or needs
    ///   rounding that was not allowed.
    /// - Complexity: O(n) in the length of the text.
    static func parse(_ bytes: some Collection<UInt8>, scale: Int, rounding: Bool = false) -> Int128? {
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var negative = false
        var pointPosition: Int?
        var exponent = 0
        var iterator = bytes.makeIterator()
        var current = iterator.next()
        if current == UInt8(ascii: "-") || current == UInt8(ascii: "+") {
            negative = current == UInt8(ascii: "-")
            current = iterator.next()
        }
        var sawDigit = false
        while let byte = current {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits.append(byte - UInt8(ascii: "0"))
                sawDigit = true
            } else if byte == UInt8(ascii: "."), pointPosition == nil {
                pointPosition = digits.count
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                break
            } else {
                return nil
            }
            current = iterator.next()
        }
        guard sawDigit else { return nil }
        if let byte = current, byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            var expNegative = false
            var next = iterator.next()
            if next == UInt8(ascii: "-") || next == UInt8(ascii: "+") {
                expNegative = next == UInt8(ascii: "-")
                next = iterator.next()
            }
            var sawExpDigit = false
            while let byte = next {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
                guard exponent < 10_000 else { return nil }
                sawExpDigit = true
                next = iterator.next()
            }
            guard sawExpDigit else { return nil }
            if expNegative { exponent = -exponent }
        }
        // value = digits × 10^(exponent − fractionLength); we want value × 10^scale.
        let fractionLength = digits.count - (pointPosition ?? digits.count)
        let shift = exponent - fractionLength + scale
        var result: Int128 = 0
        if shift >= 0 {
            for digit in digits {
                let (m, o1) = result.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int128(digit))
                guard !o1, !o2 else { return nil }
                result = a
            }
            for _ in 0..<shift {
                let (m, o) = result.multipliedReportingOverflow(by: 10)
                guard !o else { return nil }
                result = m
            }
        } else {
            let kept = digits.count + shift
            let keptDigits = kept > 0 ? Array(digits[0..<kept]) : []
            let dropped = kept > 0 ? Array(digits[kept...]) : Array(repeating: 0, count: -kept) + digits
            let exact = dropped.allSatisfy { $0 == 0 }
            guard exact || rounding else { return nil }
            for digit in keptDigits {
                let (m, o1) = result.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int128(digit))
                guard !o1, !o2 else { return nil }
                result = a
            }
            if !exact, let first = dropped.first, first >= 5 { result += 1 }
        }
        return negative ? -result : result
    }
}
