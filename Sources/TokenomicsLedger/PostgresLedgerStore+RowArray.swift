import NIOCore
import PostgresNIO

extension PostgresLedgerStore {
    /// Rows of a table sent as one parameter: an array of the table's row type (`$1::rollups[]`),
    /// spread back into rows by `UNNEST`. One parameter per statement, whatever the batch size,
    /// and the server keeps each row as one tuple (an array per column costs it a tuple per
    /// value, about as much again as the insert itself).
    ///
    /// Rows are written straight into the binary wire form of a record: the column count, then
    /// each column's type, length (-1 for NULL) and bytes, in the table's column order. The
    /// array's element type, the row type's OID, is only known on the server: it is given when
    /// the rows are sent (``parameter(rowType:)``).
    struct RowArray: Sendable {
        /// The SQL type of a column.
        enum Element: Sendable {
            case text, bigint, double

            /// The type's OID.
            var oid: UInt32 {
                switch self {
                case .text: 25
                case .bigint: 20
                case .double: 701
                }
            }
        }

        /// The columns' types, in the table's column order.
        let columns: [Element]
        /// Rows ended so far.
        private(set) var count = 0
        /// The records: each a 32-bit length and the record.
        private var records: ByteBuffer
        /// The next column of the current row.
        private var next = 0
        /// Where the current record's length is.
        private var rowStart = 0

        /// An empty array of rows of `columns`, with room for about `rows` rows (a field is 8
        /// bytes of type and length, then its value: room for 16 bytes of value on average, so
        /// that the buffer is not copied as it grows).
        init(columns: [Element], rows: Int) {
            self.columns = columns
            records = ByteBuffer()
            records.reserveCapacity(rows * (8 + columns.count * 24))
        }

        /// Starts the next column's field: the record's header first at a row's first column.
        private mutating func beginField(_ element: Element) {
            precondition(next < columns.count && columns[next] == element, "column \(next) bound with the wrong type")
            if next == 0 {
                rowStart = records.writerIndex
                records.writeInteger(Int32(0))
                records.writeInteger(Int32(columns.count))
            }
            records.writeInteger(element.oid)
            next += 1
        }

        /// Appends the next column's text value (NULL for `nil`).
        mutating func append(_ value: String?) {
            beginField(.text)
            guard let value else { return appendNull() }
            let lengthIndex = records.writerIndex
            records.writeInteger(Int32(0))
            let length = records.writeString(value)
            records.setInteger(Int32(length), at: lengthIndex)
        }

        /// Appends the next column's integer value (NULL for `nil`).
        mutating func append(_ value: Int64?) {
            beginField(.bigint)
            guard let value else { return appendNull() }
            records.writeInteger(Int32(8))
            records.writeInteger(value)
        }

        /// Appends the next column's floating-point value (NULL for `nil`).
        mutating func append(_ value: Double?) {
            beginField(.double)
            guard let value else { return appendNull() }
            records.writeInteger(Int32(8))
            records.writeInteger(value.bitPattern)
        }

        private mutating func appendNull() {
            records.writeInteger(Int32(-1))
        }

        /// Ends a row: sets its record's length; the next value starts a new row.
        mutating func endRow() {
            precondition(next == columns.count, "a row bound \(next) of \(columns.count) columns")
            records.setInteger(Int32(records.writerIndex - rowStart - 4), at: rowStart)
            next = 0
            count += 1
        }

        /// The rows as a parameter, given the OID of the table's row type.
        func parameter(rowType: UInt32) -> Parameter {
            Parameter(rowType: rowType, count: count, records: records)
        }

        /// An array of records, ready to bind.
        struct Parameter: PostgresDynamicTypeEncodable {
            var rowType: UInt32
            var count: Int
            var records: ByteBuffer

            /// Unspecified: the server takes the type from the statement's cast (`$1::rollups[]`).
            var psqlType: PostgresDataType { PostgresDataType(0) }
            var psqlFormat: PostgresFormat { .binary }

            /// Writes the array: dimensions (0 when empty, else 1), a flags word (0: the server
            /// finds NULLs itself), the element type, the length and lower bound (1) of the one
            /// dimension, then the records.
            func encode<JSONEncoder: PostgresJSONEncoder>(
                into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
            ) {
                buffer.writeInteger(Int32(count == 0 ? 0 : 1))
                buffer.writeInteger(Int32(0))
                buffer.writeInteger(rowType)
                guard count > 0 else { return }
                buffer.writeInteger(Int32(count))
                buffer.writeInteger(Int32(1))
                var records = records
                buffer.writeBuffer(&records)
            }
        }
    }

    /// The OID of a table's row type (found through the search path, like the tables): the
    /// element type of the array its rows are sent as.
    static func rowType(_ name: String, on connection: PostgresConnection) async throws -> UInt32 {
        let rows = try await connection.query("SELECT \(name)::regtype::oid::bigint", logger: logger)
            .decode(Int64.self)
        for try await oid in rows { return UInt32(truncatingIfNeeded: oid) }
        throw LedgerError(.storage, location: name, "the \(name) row type was not found")
    }
}

extension PostgresLedgerStore.RowArray: RollupRowWriter {
    mutating func write(_ value: Int64) { append(value) }
    mutating func write(_ value: Double) { append(value) }
}
