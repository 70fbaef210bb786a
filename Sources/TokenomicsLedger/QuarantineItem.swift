import Foundation

/// A line that could not be used (unreadable, or its event could not be priced), kept with what
/// a user needs to fix and retry it.
public struct QuarantineItem: Sendable, Hashable, Codable {
    /// The store's id for the item; `nil` until it is stored.
    public var id: Int64?
    /// The file (or stream) the line came from.
    public var source: String
    /// The one-based line number, or `nil` for a whole document.
    public var line: Int?
    /// Why it could not be used (an ``TokenomicsCore/IngestIssue`` description).
    public var reason: String
    /// The raw text of the line.
    public var raw: String

    /// Creates an item.
    ///
    /// - Parameters:
    ///   - id: the store's id (`nil` for a new item).
    ///   - source: the file name.
    ///   - line: the line number.
    ///   - reason: why it was quarantined.
    ///   - raw: the line's text.
    public init(id: Int64? = nil, source: String, line: Int?, reason: String, raw: String) {
        self.id = id
        self.source = source
        self.line = line
        self.reason = reason
        self.raw = raw
    }

    /// `source:line: reason`, the form `tokenomics quarantine list` prints.
    public var location: String {
        guard let line else { return source }
        return "\(source):\(line)"
    }
}
