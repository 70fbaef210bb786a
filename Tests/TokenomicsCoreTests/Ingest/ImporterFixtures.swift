import Foundation
import Testing

@testable import TokenomicsCore

/// Loading the provider fixtures and running one importer on one record, for the importer suites.
enum ImporterFixtures {
    /// The text of `Fixtures/json/<provider>/<name>`.
    static func text(_ provider: String, _ name: String) throws -> String {
        let url = try #require(
            Bundle.module.url(
                forResource: name, withExtension: nil, subdirectory: "Fixtures/json/\(provider)"),
            "missing fixture \(provider)/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The events `importer` reads from one JSON record, after checking that it matches it.
    static func events(
        _ importer: some JSONUsageImporter, json: String, options: ImportOptions = ImportOptions()
    ) throws -> [UsageEvent] {
        let bytes = Array(json.utf8)
        let document = JSONDocument()
        let root = try document.parse(bytes: bytes)
        #expect(importer.matches(root), "the importer does not recognise the record")
        var importer = importer
        var events = UsageEvents()
        try bytes.withUnsafeBufferPointer { raw throws(IngestIssue) in
            let context = RecordContext(source: "test", line: 1, raw: raw, options: options)
            try importer.read(root, context: context, into: &events)
        }
        return Array(events)
    }

    /// The single event `importer` reads from a fixture.
    static func event(
        _ importer: some JSONUsageImporter, _ provider: String, _ name: String, options: ImportOptions = ImportOptions()
    ) throws -> UsageEvent {
        let events = try events(importer, json: text(provider, name), options: options)
        #expect(events.count == 1)
        return try #require(events.first)
    }

    /// The issue `importer` raises for one record, or `nil` when it reads it.
    static func issue(
        _ importer: some JSONUsageImporter, json: String, options: ImportOptions = ImportOptions()
    ) throws -> IngestIssue? {
        do {
            _ = try events(importer, json: json, options: options)
            return nil
        } catch let issue as IngestIssue {
            return issue
        }
    }

    /// Runs every line of a text through a ``UsageReader`` (see ``IngestTestSupport/read(_:options:source:)``).
    static func readAll(
        _ text: String, source: String = "test", options: ImportOptions = ImportOptions()
    ) -> (events: [UsageEvent], issues: [IngestIssue]) {
        IngestTestSupport.read(text, options: options, source: source)
    }
}
