import NIOCore

/// Rows in the text format of PostgreSQL's `COPY … FROM STDIN`: fields separated by tabs, rows
/// ended by a newline, `\N` for NULL, and a backslash, tab, newline or carriage return in a
/// text escaped with a backslash. A `COPY` has the server store rows many at a time (one
/// `INSERT` stores them one by one), which is what makes it the fastest way to load rows.
struct CopyText {
    /// The hex digits, made once rather than for every record written.
    private static let hexDigits = Array("0123456789abcdef".utf8)

    private(set) var buffer: ByteBuffer
    private var atRowStart = true

    init(capacity: Int) {
        buffer = ByteBuffer()
        buffer.reserveCapacity(capacity)
    }

    private mutating func separate() {
        if !atRowStart { buffer.writeInteger(UInt8(ascii: "\t")) }
        atRowStart = false
    }

    /// Appends a text field, escaped.
    mutating func field(_ text: String) {
        separate()
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeBytes([UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "\t"): buffer.writeBytes([UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case UInt8(ascii: "\n"): buffer.writeBytes([UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): buffer.writeBytes([UInt8(ascii: "\\"), UInt8(ascii: "r")])
                default: buffer.writeInteger(byte)
                }
            }
        }
    }

    /// Appends an integer field, or NULL.
    mutating func field(_ value: Int64?) {
        separate()
        if let value {
            buffer.writeString(String(value))
        } else {
            buffer.writeBytes([UInt8(ascii: "\\"), UInt8(ascii: "N")])
        }
    }

    /// Appends a `bytea` field in hex form (`\x…`, its backslash escaped).
    mutating func field(bytes: UnsafeRawBufferPointer) {
        separate()
        buffer.writeBytes([UInt8(ascii: "\\"), UInt8(ascii: "\\"), UInt8(ascii: "x")])
        let digits = Self.hexDigits
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: bytes.count * 2) { output in
            for (offset, byte) in bytes.enumerated() {
                output[2 * offset] = digits[Int(byte >> 4)]
                output[2 * offset + 1] = digits[Int(byte & 0x0f)]
            }
            return bytes.count * 2
        }
    }

    /// Ends a row.
    mutating func endRow() {
        buffer.writeInteger(UInt8(ascii: "\n"))
        atRowStart = true
    }
}
