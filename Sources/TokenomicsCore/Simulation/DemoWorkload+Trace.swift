import Foundation

extension DemoWorkload {
    /// One request of the Azure LLM inference trace: a line `TIMESTAMP,ContextTokens,GeneratedTokens`.
    public struct TraceRequest: Sendable, Hashable, Codable {
        /// The one-based line of the file it was read from (the header is line 1).
        public var line: Int
        /// When the request arrived (the trace's time, UTC).
        public var timestamp: Date
        /// The prompt length, `ContextTokens`.
        public var contextTokens: Int64
        /// The generated length, `GeneratedTokens`.
        public var generatedTokens: Int64

        /// Creates a request.
        ///
        /// - Parameters:
        ///   - line: the one-based line number in the trace file.
        ///   - timestamp: the arrival time.
        ///   - contextTokens: the prompt length.
        ///   - generatedTokens: the generated length.
        public init(line: Int, timestamp: Date, contextTokens: Int64, generatedTokens: Int64) {
            self.line = line
            self.timestamp = timestamp
            self.contextTokens = contextTokens
            self.generatedTokens = generatedTokens
        }
    }

    /// The header the trace must start with.
    public static let traceHeader = "TIMESTAMP,ContextTokens,GeneratedTokens"

    /// Reads the requests of an Azure LLM inference trace (the conversation or code trace).
    ///
    /// The text is UTF-8 with LF or CRLF line ends: the header ``traceHeader``, then one request a
    /// line, `2023-11-16 18:15:46.6805900,374,44` (a time without a zone is UTC). A final line end
    /// is optional. Every other line must be a request: an empty line, a missing or extra field,
    /// a time that is not a date-time or a count that is not a whole number from 0 to 10¹² is an
    /// error, never skipped.
    ///
    /// - Parameters:
    ///   - csv: the file's bytes.
    ///   - source: the file name, for errors.
    /// - Returns: the requests in file order.
    /// - Throws: ``IngestIssue`` naming the source, the one-based line and the column at fault.
    /// - Complexity: O(n) in the size of the file.
    public static func requests(fromTrace csv: Data, source: String? = nil) throws(IngestIssue) -> [TraceRequest] {
        var lines = csv.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        // A final line end leaves an empty remainder that is not a line.
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first, !csv.isEmpty else {
            throw IngestIssue(.missingField, "the trace is empty: expected the header \(traceHeader)", source: source)
        }
        let headerText = text(of: header).trimmingCharacters(in: .whitespaces)
        guard headerText == traceHeader || headerText == "\u{FEFF}" + traceHeader else {
            throw IngestIssue(
                .malformed, "expected the header \(traceHeader), found '\(headerText)'", source: source, line: 1)
        }
        var requests: [TraceRequest] = []
        requests.reserveCapacity(lines.count - 1)
        for (offset, bytes) in lines.enumerated().dropFirst() {
            let line = offset + 1
            do throws(IngestIssue) {
                requests.append(try request(text(of: bytes), line: line))
            } catch {
                throw error.located(source: source, line: line)
            }
        }
        return requests
    }

    /// The text of a line without its carriage return.
    private static func text(of bytes: Data) -> String {
        var bytes = bytes
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads one request line.
    private static func request(_ text: String, line: Int) throws(IngestIssue) -> TraceRequest {
        let fields = text.split(separator: ",", omittingEmptySubsequences: false)
        guard fields.count == 3 else {
            throw IngestIssue(
                .malformed,
                text.isEmpty
                    ? "empty line: expected TIMESTAMP,ContextTokens,GeneratedTokens"
                    : "expected 3 fields (TIMESTAMP,ContextTokens,GeneratedTokens), found \(fields.count): '\(text)'")
        }
        let time = fields[0].trimmingCharacters(in: .whitespaces)
        if time.isEmpty { throw IngestIssue(.missingField, field: "TIMESTAMP", "the request time is empty") }
        guard let timestamp = Timestamp.parse(time) else {
            throw IngestIssue(
                .invalidValue, field: "TIMESTAMP",
                "expected a date-time such as 2023-11-16 18:15:46.68, found '\(time)'")
        }
        guard let context = try CSVField.count(fields[1], column: "ContextTokens") else {
            throw IngestIssue(.missingField, field: "ContextTokens", "the prompt length is empty")
        }
        guard let generated = try CSVField.count(fields[2], column: "GeneratedTokens") else {
            throw IngestIssue(.missingField, field: "GeneratedTokens", "the output length is empty")
        }
        return TraceRequest(line: line, timestamp: timestamp, contextTokens: context, generatedTokens: generated)
    }
}
