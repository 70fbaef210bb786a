/// Turns the lines of one source into usage events, detecting the format of each record.
///
/// A source is JSON Lines (each line a record, detected per line, or a JSON array of records),
/// one JSON document spread over many lines (a pretty-printed response or OTLP export), or CSV
/// with a header (detected once, from the header). Records that cannot be used come back as
/// ``IngestIssue``s naming the source, line and field; reading always continues with the next.
///
/// Feed lines in order with ``read(line:number:into:)`` and call ``finish(into:)`` at the end.
public struct UsageReader {
    /// The source name used in ids and issues.
    public var source: String { context.source }
    /// The import options.
    public var options: ImportOptions { context.options }

    /// The context handed to importers: made once per stream (with its ``StringInterner``), the
    /// line and raw bytes set for each record.
    private var context: RecordContext
    private var importers: [any JSONUsageImporter]
    private var lastMatch = 0
    private let document = JSONDocument()
    private var mode = Mode.undecided
    private var pending: [UInt8] = []
    private var pendingFirstLine = 0
    private var csvImporter: (any CSVUsageImporter)?
    private var csvHeaderIssue: IngestIssue?

    private enum Mode { case undecided, jsonLines, wholeDocument, csv }

    /// Creates a reader for one source.
    ///
    /// - Parameters:
    ///   - source: the name to report (file path, `-`, or an endpoint).
    ///   - options: model, tags and other import choices.
    ///   - importers: the JSON formats to recognise, in order of precedence (default: all).
    public init(source: String, options: ImportOptions = ImportOptions(), importers: [any JSONUsageImporter]? = nil) {
        self.context = RecordContext(source: source, line: 0, raw: Self.noBytes, options: options)
        self.importers = importers ?? ImporterRegistry.jsonImporters(options: options)
    }

    /// Reads one line (without its line terminator).
    ///
    /// - Parameters:
    ///   - line: the line's bytes.
    ///   - number: its one-based line number.
    ///   - events: where events are appended.
    /// - Returns: the problems with the line (one per unusable record; a JSON array line can hold
    ///   several), empty when every record was read.
    public mutating func read(line: ArraySlice<UInt8>, number: Int, into events: inout UsageEvents) -> [IngestIssue] {
        // A CRLF line break leaves its CR (a new slice only then: the common line is passed on as is).
        if line.last == 0x0D { return read(line: line.dropLast(), number: number, into: &events) }
        switch mode {
        case .jsonLines:
            return readJSONRecord(line, number: number, into: &events)
        case .wholeDocument:
            pending.append(contentsOf: line)
            pending.append(0x0A)
            return []
        case .csv:
            return readCSVRow(line, number: number, into: &events).map { [$0] } ?? []
        case .undecided:
            var line = line
            guard let first = line.first(where: { $0 != 0x20 && $0 != 0x09 }) else { return [] }
            if number == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
                if (try? document.parse(bytes: line)) != nil {
                    mode = .jsonLines
                    return readJSONRecord(line, number: number, into: &events)
                }
                mode = .wholeDocument
                pendingFirstLine = number
                pending.append(contentsOf: line)
                pending.append(0x0A)
                return []
            }
            guard let issue = readCSVHeader(line, number: number) else {
                mode = .csv
                return []
            }
            if !line.contains(UInt8(ascii: ",")) {
                // One field naming no column is not a CSV header but a bad line (say, a JSON Lines
                // file whose first record is broken): report it alone and let the next line decide.
                csvHeaderIssue = nil
                return [
                    IngestIssue(
                        .malformed, "neither a JSON record nor a CSV header", source: source, line: number)
                ]
            }
            mode = .csv
            return [issue]
        }
    }

    /// Ends the source: reads a buffered multi-line document.
    ///
    /// - Returns: the problems found in it.
    public mutating func finish(into events: inout UsageEvents) -> [IngestIssue] {
        guard mode == .wholeDocument else { return [] }
        let text = pending
        pending = []
        do {
            let root = try document.parse(bytes: text)
            return text.withUnsafeBufferPointer { raw in
                readRecords(root, raw: raw, number: pendingFirstLine, into: &events)
            }
        } catch {
            let line = pendingFirstLine + text[0..<min(error.offset, text.count)].count { $0 == 0x0A }
            return [IngestIssue(.malformed, "not valid JSON: \(error)", source: source, line: line)]
        }
    }

    private mutating func readJSONRecord(
        _ line: ArraySlice<UInt8>, number: Int, into events: inout UsageEvents
    ) -> [IngestIssue] {
        let root: JSONValue
        do {
            root = try document.parse(bytes: line)
        } catch {
            // A blank line is no record (tested only here: a record is the usual line).
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return [] }
            return [IngestIssue(.malformed, "not valid JSON: \(error)", source: source, line: number)]
        }
        return line.withUnsafeBufferPointer { raw in readRecords(root, raw: raw, number: number, into: &events) }
    }

    @inline(__always)
    private mutating func readRecords(
        _ root: JSONValue, raw: UnsafeBufferPointer<UInt8>, number: Int, into events: inout UsageEvents
    ) -> [IngestIssue] {
        guard root.kind == .array else {
            return readRecord(root, raw: raw, number: number, into: &events).map { [$0] } ?? []
        }
        var issues: [IngestIssue] = []
        for element in root.elements {
            if let issue = readRecord(element, raw: element.rawBuffer, number: number, into: &events) {
                issues.append(issue)
            }
        }
        return issues
    }

    private mutating func readRecord(
        _ record: JSONValue, raw: UnsafeBufferPointer<UInt8>, number: Int, into events: inout UsageEvents
    ) -> IngestIssue? {
        guard record.kind == .object else {
            return IngestIssue(.unknownFormat, "a usage record must be a JSON object", source: source, line: number)
        }
        context.line = number
        // Valid for the importers' calls below, not after.
        context.raw = raw
        defer { context.raw = Self.noBytes }
        let count = importers.count
        var index = lastMatch
        for _ in 0..<count {
            let before = events.count
            do throws(IngestIssue) {
                if try importers[index].read(ifMatching: record, context: context, into: &events) {
                    lastMatch = index
                    applyTags(to: &events, from: before)
                    return nil
                }
            } catch {
                lastMatch = index
                events.removeAll(from: before)
                return error.located(source: source, line: number)
            }
            index += 1
            if index == count { index = 0 }
        }
        return IngestIssue(
            .unknownFormat,
            "no importer recognises this record (expected a provider response, OTLP spans, a LiteLLM spend log,"
                + " a trace record or a Tokenomics event)",
            source: source, line: number)
    }

    private mutating func readCSVHeader(_ line: ArraySlice<UInt8>, number: Int) -> IngestIssue? {
        let header = CSVRow.split(line).map { $0.trimmingCharacters(in: .whitespaces) }
        do throws(IngestIssue) {
            csvImporter = try ImporterRegistry.csvImporter(header: header, options: options)
            return nil
        } catch {
            let issue = error.located(source: source, line: number)
            csvHeaderIssue = issue
            return issue
        }
    }

    private mutating func readCSVRow(
        _ line: ArraySlice<UInt8>, number: Int, into events: inout UsageEvents
    ) -> IngestIssue? {
        if line.isEmpty { return nil }
        guard csvImporter != nil else {
            var issue = csvHeaderIssue ?? IngestIssue(.unknownFormat, "unrecognised CSV header")
            issue.line = number
            issue.message = "row not read: the CSV header was not understood (\(issue.message))"
            return issue
        }
        let fields = CSVRow.split(line)
        context.line = number
        let before = events.count
        return line.withUnsafeBufferPointer { raw in
            // Valid for the importer's call below, not after.
            context.raw = raw
            defer { context.raw = Self.noBytes }
            do throws(IngestIssue) {
                try csvImporter?.read(fields, context: context, into: &events)
                applyTags(to: &events, from: before)
                return nil
            } catch {
                events.removeAll(from: before)
                return error.located(source: source, line: number)
            }
        }
    }

    /// No bytes: ``RecordContext/raw`` between records.
    private static var noBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: nil, count: 0) }

    /// Adds the `--tag` pairs to the events appended since `start`.
    @inline(__always)
    private func applyTags(to events: inout UsageEvents, from start: Int) {
        guard !options.tags.isEmpty else { return }
        for i in start..<events.count {
            for (key, value) in options.tags { events[i].attribution[key] = value }
        }
    }
}
