import Foundation

/// Writes JSON into a reusable byte buffer without building intermediate values.
///
/// Commas are placed automatically: call ``key(_:)`` before each member value and the value
/// methods in order. The writer does not check that calls are balanced; callers own the shape.
public struct JSONWriter {
    /// The JSON written so far.
    public var bytes: [UInt8] = []
    private var needsComma = false

    public init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    /// Empties the buffer, keeping its capacity.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        needsComma = false
    }

    @inline(__always) private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    /// Opens an object (`{`).
    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Closes an object (`}`).
    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Opens an array (`[`).
    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    /// Closes an array (`]`).
    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes an object key and the colon; the next value call writes its value.
    public mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes an object key known at compile time (no escaping needed: the caller guarantees a
    /// plain ASCII name), then the colon. Faster than ``key(_:)`` on hot paths.
    public mutating func field(_ name: StaticString) {
        let length = name.utf8CodeUnitCount
        let comma = needsComma
        appendFragment(maxLength: length + 4) { out in
            var at = 0
            if comma {
                out[0] = UInt8(ascii: ",")
                at = 1
            }
            out[at] = UInt8(ascii: "\"")
            (out + at + 1).update(from: name.utf8Start, count: length)
            out[at + length + 1] = UInt8(ascii: "\"")
            out[at + length + 2] = UInt8(ascii: ":")
            return at + length + 3
        }
        needsComma = false
    }

    /// Appends up to `maxLength` bytes produced by `fill` (which returns how many it wrote) in one
    /// array append: far cheaper than appending byte by byte.
    @inline(__always)
    mutating func appendFragment(maxLength: Int, _ fill: (UnsafeMutablePointer<UInt8>) -> Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxLength) { scratch in
            guard let base = scratch.baseAddress else { return }
            let count = fill(base)
            bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
        }
    }

    /// Writes a string value.
    public mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
        needsComma = true
    }

    /// Writes a string value, or `null`.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// Writes an integer value.
    public mutating func int(_ value: Int64) {
        separate()
        appendInteger(value)
        needsComma = true
    }

    /// Writes a floating-point value (`null` for NaN or infinity, which JSON cannot hold).
    public mutating func double(_ value: Double) {
        separate()
        if value.isFinite {
            if value == value.rounded(), abs(value) < 1e15 {
                appendInteger(Int64(value))
            } else {
                bytes.append(contentsOf: Array("\(value)".utf8))
            }
        } else {
            bytes.append(contentsOf: Array("null".utf8))
        }
        needsComma = true
    }

    /// Writes a boolean value.
    public mutating func bool(_ value: Bool) {
        separate()
        if value {
            bytes.append(UInt8(ascii: "t"))
            bytes.append(UInt8(ascii: "r"))
            bytes.append(UInt8(ascii: "u"))
            bytes.append(UInt8(ascii: "e"))
        } else {
            bytes.append(UInt8(ascii: "f"))
            bytes.append(UInt8(ascii: "a"))
            bytes.append(UInt8(ascii: "l"))
            bytes.append(UInt8(ascii: "s"))
            bytes.append(UInt8(ascii: "e"))
        }
        needsComma = true
    }

    /// Writes `null`.
    public mutating func null() {
        separate()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        needsComma = true
    }

    /// Writes money as an exact decimal string, e.g. `"0.087"`.
    public mutating func money(_ value: Money) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        value.appendDecimal(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Writes a date as an RFC 3339 string in UTC with milliseconds.
    public mutating func date(_ value: Date) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        Timestamp.appendRFC3339(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Writes already-encoded JSON text as a value.
    public mutating func raw(_ json: some Sequence<UInt8>) {
        separate()
        bytes.append(contentsOf: json)
        needsComma = true
    }

    @inline(__always)
    private mutating func appendInteger(_ value: Int64) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(ascii: "0") &+ UInt8(value))
            return
        }
        appendFragment(maxLength: 21) { out in
            var magnitude = value.magnitude
            var digits = 0
            var probe = magnitude
            while probe > 0 {
                digits += 1
                probe /= 10
            }
            let sign = value < 0 ? 1 : 0
            if sign == 1 { out[0] = UInt8(ascii: "-") }
            var at = sign + digits - 1
            while magnitude > 0 {
                out[at] = UInt8(ascii: "0") &+ UInt8(magnitude % 10)
                magnitude /= 10
                at -= 1
            }
            return sign + digits
        }
    }

    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var clean = true
            for byte in utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                clean = false
                break
            }
            if clean {
                bytes.append(contentsOf: utf8)
                bytes.append(UInt8(ascii: "\""))
                return
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [
                        0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)],
                    ])
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
