import Foundation

@testable import TokenomicsCore

/// Reading text, fixtures and the shared data files through ``UsageReader`` in tests.
enum IngestTestSupport {
    /// Reads `text` line by line as one source, as the CLI does.
    static func read(_ text: String, options: ImportOptions = ImportOptions(), source: String = "test")
        -> (events: [UsageEvent], issues: [IngestIssue])
    {
        var reader = UsageReader(source: source, options: options)
        var events = UsageEvents()
        var issues: [IngestIssue] = []
        let bytes = Array(text.utf8)
        var number = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            issues += reader.read(line: line, number: number, into: &events)
        }
        issues += reader.finish(into: &events)
        return (Array(events), issues)
    }

    /// The text of a fixture file under `Fixtures/<subdirectory>`.
    static func fixture(_ name: String, _ ext: String, subdirectory: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: subdirectory) else {
            throw FixtureMissing(name: "\(subdirectory)/\(name).\(ext)")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// A file of the shared data folder (`../shared/data` beside the repository), found by walking
    /// up from this source file; `nil` when it is not there.
    static func sharedData(_ name: String, from file: String = #filePath) -> URL? {
        var directory = URL(fileURLWithPath: file).deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = directory.appendingPathComponent("shared/data/\(name)")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    /// The first `count` lines of a shared data file (all of it when `count` is `nil`).
    static func sharedLines(_ name: String, first count: Int? = nil) throws -> String {
        guard let url = sharedData(name) else { throw FixtureMissing(name: name) }
        let data = try Data(contentsOf: url)
        guard let count else { return String(decoding: data, as: UTF8.self) }
        // Split on bytes: "\r\n" is one Character, so a Character split would miss it.
        let lines = data.split(separator: 0x0A, maxSplits: count, omittingEmptySubsequences: false).prefix(count)
        return lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    struct FixtureMissing: Error { var name: String }
}
