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
    /// The last parsed text, followed by ``JSONScanner/padding`` zero bytes.
    private var text: UnsafeMutablePointer<UInt8>
    private var textCapacity: Int
    /// How many bytes the last parsed text has.
    public var length: Int { textLength }
    // Private, so that writing it needs no dynamic exclusivity check.
    private var textLength = 0
    /// The tape of the last parse.
    private var tape: UnsafeMutablePointer<JSONTapeEntry>
    private var tapeCapacity: Int

    /// The deepest nesting accepted.
    public static let maximumDepth = 256

    public init() {
        textCapacity = 4096
        text = .allocate(capacity: textCapacity + JSONScanner.padding)
        text.initialize(repeating: 0, count: textCapacity + JSONScanner.padding)
        tapeCapacity = 256
        tape = .allocate(capacity: tapeCapacity)
    }

    deinit {
        text.deallocate()
        tape.deallocate()
    }

    /// Parses `text` and returns its root value, valid until the next call to `parse` and only
    /// while this document is alive.
    ///
    /// - Throws: ``JSONSyntaxError`` with the byte offset of the first problem.
    /// - Complexity: O(n) in the length of the text.
    @discardableResult
    public func parse(_ source: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONValue {
        load(source)
        return try scan()
    }

    /// Parses a byte array slice (see ``parse(_:)-(UnsafeRawBufferPointer)``).
    @discardableResult
    public func parse(bytes text: ArraySlice<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        text.withUnsafeBytes { load($0) }
        return try scan()
    }

    /// Parses the bytes of a `Data` value (see ``parse(_:)-(UnsafeRawBufferPointer)``).
    @discardableResult
    public func parse(bytes text: Data) throws(JSONSyntaxError) -> JSONValue {
        text.withUnsafeBytes { load($0) }
        return try scan()
    }

    /// Parses a byte array (see ``parse(_:)-(UnsafeRawBufferPointer)``).
    @discardableResult
    public func parse(bytes text: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        text.withUnsafeBytes { load($0) }
        return try scan()
    }

    /// Copies `source` into the text buffer, followed by the scanner's zero padding. (The
    /// copies of the overloads above happen in closures that cannot throw a typed error; the
    /// scan follows outside them.)
    @inline(__always)
    private func load(_ source: UnsafeRawBufferPointer) {
        let count = source.count
        if count > textCapacity {
            text.deallocate()
            textCapacity = max(count, textCapacity * 2)
            text = .allocate(capacity: textCapacity + JSONScanner.padding)
        }
        if let bytes = source.baseAddress {
            UnsafeMutableRawPointer(text).copyMemory(from: bytes, byteCount: count)
        }
        (text + count).initialize(repeating: 0, count: JSONScanner.padding)
        textLength = count
    }

    /// Scans the loaded text and returns its root value.
    @inline(__always)
    private func scan() throws(JSONSyntaxError) -> JSONValue {
        var scanner = JSONScanner(base: text, length: textLength, tape: tape, capacity: tapeCapacity)
        // The scanner grows the tape when it fills: take it back, also when the scan fails.
        defer {
            tape = scanner.tape
            tapeCapacity = scanner.capacity
        }
        _ = try scanner.scanDocument()
        return JSONValue(tape: scanner.tape, text: text, index: 0)
    }

    /// Parses a string (see ``parse(_:)-(UnsafeRawBufferPointer)``).
    @discardableResult
    public func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var text = text
        text.withUTF8 { load(UnsafeRawBufferPointer($0)) }
        return try scan()
    }

    /// Parses `data` and calls `body` with its root value, keeping this document alive for the
    /// call: the way to read a text with a document made just for it.
    ///
    /// - Throws: ``JSONSyntaxError`` for invalid JSON, or what `body` throws.
    public func withRoot<Result>(of data: Data, _ body: (JSONValue) throws -> Result) throws -> Result {
        let root = try parse(bytes: data)
        return try withExtendedLifetime(self) { try body(root) }
    }

    /// The root value of the last successful parse.
    public var root: JSONValue { JSONValue(tape: tape, text: text, index: 0) }
}

/// One value (or object key) on a ``JSONDocument``'s tape.
struct JSONTapeEntry {
    /// First byte of the content (after the opening quote for strings).
    var start: Int32
    /// One past the last byte of the content (before the closing quote for strings).
    var end: Int32
    /// How many entries the value takes on the tape: 1 for a scalar, one more than its contents
    /// for an object or array. The value after it is `span` entries further on.
    var span: Int32
    /// The value's kind.
    var kind: JSONKind
    /// Whether a string holds escape sequences; whether a number has a fraction or exponent.
    var flag: Bool
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
