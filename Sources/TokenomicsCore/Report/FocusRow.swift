/// One row of a FOCUS export: the value of each ``FocusColumn``, `nil` for null.
public struct FocusRow: Sendable, Hashable {
    /// The values in ``FocusColumn/allCases`` order.
    public var values: [String?]

    /// Creates a row of nulls.
    public init() { values = Array(repeating: nil, count: FocusColumn.allCases.count) }

    /// The value of a column, `nil` for null.
    public subscript(column: FocusColumn) -> String? {
        get { values[column.index] }
        set { values[column.index] = newValue }
    }
}

extension FocusColumn {
    /// The columns' positions, computed once.
    private static let indices: [FocusColumn: Int] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

    /// The column's position in ``allCases``.
    var index: Int { Self.indices[self] ?? 0 }
}
