import Foundation

/// A reusable, allocation-free JSON parser that records a *tape* of the values in a text.
///
/// Parsing validates the whole text and writes one ``JSONTapeEntry`` per value (and per object
/// key) into a buffer that is reused from one parse to the next, so reading a stream of JSON
/// Lines allocates nothing per line once the buffers have grown. Values are then read lazily
/// through ``JSONValue``: a number or string is only decoded when an importer asks for it.
///
/// A document is not thread-safe: use one per stream.
public final class JSONDocument {
    /// The bytes of the last parsed text.
    // Access is confined to one thread (the document is not Sendable), so the dynamic
    // exclusivity checks on these hot buffers are pure overhead.
    @exclusivity(unchecked) public private(set) var bytes: [UInt8] = []
    @exclusivity(unchecked) var tape: [JSONTapeEntry] = []

    /// The deepest nesting accepted.
    public static let maximumDepth = 256

    public init() {
        bytes.reserveCapacity(4096)
        tape.reserveCapacity(256)
    }

    /// Parses `text` and returns its root value, valid until the next call to `parse`.
    ///
    /// - Throws: ``JSONSyntaxError`` with the byte offset of the first problem.
    /// - Complexity: O(n) in the length of the text.
    @discardableResult
    public func parse(_ text: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONValue {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: text)
        return try parseStoredBytes()
    }

    /// Parses a byte array slice (see ``parse(_:)-(UnsafeRawBufferPointer)``).
    @discardableResult
    public func parse(bytes text: ArraySlice<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        try text.withUnsafeBytes { raw in Result { () throws(JSONSyntaxError) in try parse(raw) } }.get()
    }

    /// Parses the bytes of a `Data` value (see ``parse(_:)-(UnsafeRawBufferPointer)``).
    @discardableResult
    public func parse(bytes text: Data) throws(JSONSyntaxError) -> JSONValue {
        try text.withUnsafeBytes { raw in Result { () throws(JSONSyntaxError) in try parse(raw) } }.get()
    }

    /// Parses a byte array (see ``parse(_:)-(UnsafeRawBufferPointer)``).
    @discardableResult
    public func parse(bytes text: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try text.withUnsafeBytes { raw in Result { () throws(JSONSyntaxError) in try parse(raw) } }.get()
    }

    /// Parses a string (see ``parse(_:)-(UnsafeRawBufferPointer)``).
    @discardableResult
    public func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(bytes: Array(text.utf8))
    }

    private func parseStoredBytes() throws(JSONSyntaxError) -> JSONValue {
        var scanned = tape
        tape = []
        scanned.removeAll(keepingCapacity: true)
        let failure = bytes.withUnsafeBufferPointer { buffer in JSONScanner.scan(buffer, into: &scanned) }
        tape = scanned
        if let failure { throw failure }
        return JSONValue(document: self, index: 0)
    }

    /// The root value of the last successful parse.
    public var root: JSONValue { JSONValue(document: self, index: 0) }
}

/// One value (or object key) on a ``JSONDocument``'s tape.
struct JSONTapeEntry {
    /// The value's kind.
    var kind: JSONKind
    /// Whether a string holds escape sequences; whether a number has a fraction or exponent.
    var flag: Bool
    /// First byte of the content (after the opening quote for strings).
    var start: Int32
    /// One past the last byte of the content (before the closing quote for strings).
    var end: Int32
    /// Tape index just past this value and everything inside it.
    var next: Int32
}

/// The kind of a JSON value.
public enum JSONKind: UInt8, Sendable {
    case object, array, string, number, bool, null
}

/// A JSON text that failed to parse, with the byte offset of the problem.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Zero-based byte offset of the first problem.
    public var offset: Int
    /// What is wrong.
    public var message: String

    public var description: String { "\(message) at byte \(offset + 1)" }
}
