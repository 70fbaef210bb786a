import NIOCore
import PostgresNIO

extension PostgresLedgerStore {
    /// One column of a batch of rows, sent as one PostgreSQL array parameter (`$n::TEXT[]`,
    /// `$n::BIGINT[]`, `$n::DOUBLE PRECISION[]`) and spread back into rows by `UNNEST`: a
    /// statement has one parameter per column instead of one per value, so the server parses and
    /// plans it in the same time whatever the batch size.
    ///
    /// Elements are written straight into the binary wire form of a one-dimensional array (NULL
    /// elements allowed, which PostgresNIO's `Array` encoding does not offer), without an
    /// intermediate Swift array.
    struct ArrayColumn: PostgresDynamicTypeEncodable {
        /// The SQL type of the elements.
        enum Element: Sendable {
            case text, bigint, double

            /// The element type's name in a cast (`$1::TEXT[]`).
            var sqlName: String {
                switch self {
                case .text: "TEXT"
                case .bigint: "BIGINT"
                case .double: "DOUBLE PRECISION"
                }
            }

            /// The element type.
            var dataType: PostgresDataType {
                switch self {
                case .text: .text
                case .bigint: .int8
                case .double: .float8
                }
            }
        }

        /// The SQL type of the elements.
        let element: Element
        /// Elements appended so far.
        private(set) var count = 0
        /// The elements in wire form: each a 32-bit length (-1 for NULL) and its bytes.
        private var elements: ByteBuffer

        /// An empty column with room for `capacity` elements of about `bytesPerElement` bytes.
        init(_ element: Element, capacity: Int, bytesPerElement: Int = 16) {
            self.element = element
            elements = ByteBuffer()
            elements.reserveCapacity(capacity * (4 + bytesPerElement))
        }

        /// Appends a text element (NULL for `nil`).
        mutating func append(_ value: String?) {
            precondition(element == .text, "a text value in a \(element.sqlName) column")
            count += 1
            guard let value else { return appendNull() }
            let lengthIndex = elements.writerIndex
            elements.writeInteger(Int32(0))
            let length = elements.writeString(value)
            elements.setInteger(Int32(length), at: lengthIndex)
        }

        /// Appends a 64-bit integer element (NULL for `nil`).
        mutating func append(_ value: Int64?) {
            precondition(element == .bigint, "an integer value in a \(element.sqlName) column")
            count += 1
            guard let value else { return appendNull() }
            elements.writeInteger(Int32(8))
            elements.writeInteger(value)
        }

        /// Appends a floating-point element (NULL for `nil`).
        mutating func append(_ value: Double?) {
            precondition(element == .double, "a floating-point value in a \(element.sqlName) column")
            count += 1
            guard let value else { return appendNull() }
            elements.writeInteger(Int32(8))
            elements.writeInteger(value.bitPattern)
        }

        private mutating func appendNull() {
            elements.writeInteger(Int32(-1))
        }

        var psqlType: PostgresDataType {
            switch element {
            case .text: .textArray
            case .bigint: .int8Array
            case .double: .float8Array
            }
        }

        var psqlFormat: PostgresFormat { .binary }

        /// Writes the array: dimensions (0 when empty, else 1), a flags word (0: the server
        /// finds NULL elements itself), the element type, then the length and lower bound (1)
        /// of the one dimension, and the elements.
        func encode<JSONEncoder: PostgresJSONEncoder>(
            into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
        ) {
            buffer.writeInteger(Int32(count == 0 ? 0 : 1))
            buffer.writeInteger(Int32(0))
            buffer.writeInteger(element.dataType.rawValue)
            guard count > 0 else { return }
            buffer.writeInteger(Int32(count))
            buffer.writeInteger(Int32(1))
            var elements = elements
            buffer.writeBuffer(&elements)
        }
    }
}
