import Foundation

/// Reads the output lines of the OpenAI Batch API:
/// `{"id": "batch_req_…", "custom_id": …, "response": {"status_code": 200, "request_id": …,
/// "body": {…}}, "error": null}`.
///
/// The body is a chat completion or a Responses object and is mapped exactly as
/// ``OpenAIChatImporter`` or ``OpenAIResponsesImporter`` map them; the tier is always
/// ``ServiceTier/batch`` (the body says `"default"`), and `custom_id` becomes the tag
/// `custom_id`. A line that failed (an `error`, or a status outside 2xx) is reported as an
/// issue: batch errors are not billed, but a user should see them.
public struct OpenAIBatchImporter: JSONUsageImporter {
    /// ``SourceFormat/openAIBatch``.
    public var format: SourceFormat { .openAIBatch }

    /// Creates the importer.
    public init() {}

    /// Whether `record` is a batch output line (it has `custom_id` and `response`).
    public func matches(_ record: JSONValue) -> Bool {
        record["custom_id"] != nil && record["response"] != nil
    }

    /// Appends the event of the line's response body.
    ///
    /// - Throws: ``IngestIssue`` for a failed request, or for an invalid body (its field path
    ///   starts with `response.body.`).
    public func read(_ record: JSONValue, context: RecordContext, into events: inout UsageEvents)
        throws(IngestIssue)
    {
        if let error = record["error"], !error.isNull {
            let message = error["message"]?.string ?? error.jsonText
            let code = error["code"]?.scalarText.map { " (\($0))" } ?? ""
            throw IngestIssue(.invalidValue, field: "error", "the batch request failed\(code): \(message)")
        }
        guard let response = record["response"], response.kind == .object else {
            throw IngestIssue(.missingField, field: "response", "a batch line without a response or error")
        }
        guard let status = response["status_code"]?.int64 else {
            throw IngestIssue(.missingField, field: "response.status_code", "the batch response has no status code")
        }
        guard (200..<300).contains(status) else {
            let message = response["body", "error", "message"]?.string ?? "no message"
            throw IngestIssue(
                .invalidValue, field: "response.status_code",
                "the batch request failed with status \(status): \(message)")
        }
        guard let body = response["body"], body.kind == .object else {
            throw IngestIssue(.missingField, field: "response.body", "the batch response has no body")
        }
        do throws(IngestIssue) {
            if body["object"]?.isString("response") == true {
                events.append(try OpenAIResponsesImporter.event(from: body, context: context))
            } else {
                guard let usage = body["usage"], !usage.isNull else {
                    throw IngestIssue(.missingField, field: "usage", "the response body has no usage")
                }
                try OpenAIChatImporter.read(body, usage: usage, context: context, into: &events)
            }
        } catch {
            var issue = error
            issue.field = issue.field.map { "response.body." + $0 }
            throw issue
        }
        let last = events.endIndex - 1
        if body["id"] == nil, let lineID = record["id"]?.scalarText { events[last].id = lineID }
        events[last].serviceTier = .batch
        if let customID = record["custom_id"]?.scalarText { events[last].attribution.tags["custom_id"] = customID }
    }
}
