import Foundation
import Testing

@Suite("tokenomics cost")
struct CostCommandTests {
    static let chat =
        #"{"id":"chatcmpl-1","object":"chat.completion","created":1740830400,"model":"gpt-4o","#
        + #""usage":{"prompt_tokens":1000,"completion_tokens":500,"prompt_tokens_details":{"cached_tokens":800},"#
        + #""completion_tokens_details":{"reasoning_tokens":0}}}"#

    @Test("writes one JSON object per event with id, provider, model, tokens, exact cost, breakdown and priced")
    func jsonl() throws {
        let result = try CLIHarness.run(["cost"], stdin: Self.chat + "\n")
        #expect(result.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "chatcmpl-1")
        #expect(object["provider"] as? String == "openai")
        #expect(object["model"] as? String == "gpt-4o")
        #expect(object["priced"] as? Bool == true)
        let tokens = try #require(object["tokens"] as? [String: Any])
        #expect(tokens["input"] as? Int == 200)
        #expect(tokens["cache_read"] as? Int == 800)
        // gpt-4o: $2.50 / 1M input, $1.25 / 1M cached, $10 / 1M output.
        #expect(object["cost_usd"] as? String == "0.0065")
        let breakdown = try #require(object["breakdown"] as? [String: Any])
        #expect(breakdown["input"] as? String == "0.0005")
        #expect(breakdown["cache_read"] as? String == "0.001")
        #expect(breakdown["output"] as? String == "0.005")
        #expect(result.stderr.contains("1 priced"))
    }

    @Test("a bad line gets one message naming file, line and field; the next line is still priced; exit 1")
    func badInputContinues() throws {
        let input = [
            #"{"model":"gpt-4o","usage":{"prompt_tokens":-5,"completion_tokens":1}}"#,
            "this is not json",
            Self.chat,
            #"{"model":"gpt-4o","usage":{"prompt_tokens":2.5,"completion_tokens":1}}"#,
            #"{"model":"gpt-4o","usage":{"prompt_tokens":5000000000000,"completion_tokens":1}}"#,
        ].joined(separator: "\n")
        let result = try CLIHarness.run(["cost"], stdin: input)
        #expect(result.status == 1)
        #expect(result.stderr.contains("-:1: field 'usage.prompt_tokens': negative token count -5"))
        #expect(result.stderr.contains("-:2: not valid JSON"))
        #expect(result.stderr.contains("-:4: field 'usage.prompt_tokens'"))
        #expect(result.stderr.contains("not a whole number"))
        #expect(result.stderr.contains("-:5: field 'usage.prompt_tokens'"))
        #expect(result.stderr.contains("above 10^12"))
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("read 5 lines, 1 events: 1 priced"))
        #expect(result.stderr.contains("4 rejected"))
    }

    @Test("an unknown model is unpriced with the reason, never $0")
    func unknownModel() throws {
        let line = #"{"id":"x-1","model":"no-such-model","usage":{"prompt_tokens":10,"completion_tokens":2}}"#
        let result = try CLIHarness.run(["cost"], stdin: line + "\n")
        #expect(result.status == 1)
        #expect(result.stdout.contains(#""cost_usd":null"#))
        #expect(result.stdout.contains(#""priced":false"#))
        #expect(result.stderr.contains("-:1: field 'model': model 'no-such-model' is not in the price catalog"))
        #expect(result.stderr.contains("1 unpriced"))
    }

    @Test("--strict stops at the first problem")
    func strict() throws {
        let input = ["garbage", Self.chat].joined(separator: "\n")
        let result = try CLIHarness.run(["cost", "--strict"], stdin: input)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("read 1 lines"))
    }

    @Test("usage errors exit 64")
    func usageError() throws {
        let result = try CLIHarness.run(["cost", "--format", "xml"])
        #expect(result.status == 64)
        let missing = try CLIHarness.run(["cost", "/no/such/file.jsonl"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("/no/such/file.jsonl: cannot open"))
    }

    @Test("table and CSV formats carry the same totals")
    func tableAndCSV() throws {
        let table = try CLIHarness.run(["cost", "--format", "table"], stdin: Self.chat + "\n")
        #expect(table.status == 0)
        #expect(table.stdout.contains("1 priced events, total $0.006500"))
        let csv = try CLIHarness.run(["cost", "--format", "csv"], stdin: Self.chat + "\n")
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("id,timestamp,provider,model") == true)
        #expect(rows.count == 2)
        #expect(rows.last?.contains(",0.0065,true,") == true)
    }

    @Test("traces need --model, and price with it")
    func traceNeedsModel() throws {
        let csv = "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46.6805900,374,44\n"
        let without = try CLIHarness.run(["cost"], stdin: csv)
        #expect(without.status == 1)
        #expect(without.stderr.contains("--model"))
        let with = try CLIHarness.run(["cost", "--model", "gpt-4o-mini"], stdin: csv)
        #expect(with.status == 0)
        #expect(with.stdout.contains(#""model":"gpt-4o-mini""#))
    }

    @Test("simulate is reproducible and every simulated response prices")
    func simulate() throws {
        let first = try CLIHarness.run(["simulate", "usage", "--count", "200", "--seed", "9", "--format", "mixed"])
        let second = try CLIHarness.run(["simulate", "usage", "--count", "200", "--seed", "9", "--format", "mixed"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.split(separator: "\n").count == 200)
        let priced = try CLIHarness.run(["cost"], stdin: first.stdout)
        #expect(priced.status == 0)
        #expect(priced.stderr.contains("200 events: 200 priced"))
    }

    @Test("catalog show prints a model's rates")
    func catalogShow() throws {
        let result = try CLIHarness.run(["catalog", "show", "gpt-4o"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("gpt-4o"))
        #expect(result.stdout.contains("2.5"))
        let unknown = try CLIHarness.run(["catalog", "show", "no-such-model"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("error: no price for 'no-such-model'"))
    }

    @Test("a missing catalog file is one line and status 66, for cost and catalog show alike")
    func missingCatalog() throws {
        for arguments in [
            ["cost", "--catalog", "/no/such.json"], ["catalog", "show", "gpt-4o", "--catalog", "/no/such.json"],
        ] {
            let result = try CLIHarness.run(arguments, stdin: "")
            #expect(result.status == 66)
            #expect(result.stderr == "error: /no/such.json: cannot read the price catalog\n")
        }
    }

    /// A chat response with its own id and `padding` bytes of content.
    static func chat(id: String, padding: Int) -> String {
        #"{"id":"\#(id)","object":"chat.completion","created":1740830400,"model":"gpt-4o","#
            + #""choices":[{"message":{"content":"\#(String(repeating: "x", count: padding))"}}],"#
            + #""usage":{"prompt_tokens":1000,"completion_tokens":500}}"#
    }

    /// Runs `body` with a fresh temporary directory.
    static func withDirectory(_ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tokenomics-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory)
    }

    @Test("lines are read whole across read blocks, longer than a block, after CRLF and without a final newline")
    func linesAcrossBlocks() throws {
        try Self.withDirectory { directory in
            var lines = (0..<6_000).map { Self.chat(id: "c-\($0)", padding: 100 + $0 % 200) }
            lines.insert(Self.chat(id: "long", padding: 3 << 20), at: 3_000)
            let text = lines.joined(separator: "\n") + "\r\n" + Self.chat(id: "last", padding: 0)
            let file = directory.appendingPathComponent("usage.jsonl")
            try Data(text.utf8).write(to: file)
            let result = try CLIHarness.run(["cost", file.path])
            #expect(result.status == 0)
            #expect(result.stderr.contains("read 6002 lines, 6002 events: 6002 priced"))
            let ids = result.stdout.split(separator: "\n").map { line in
                line.split(separator: "\"")[3]
            }
            var expected = (0..<6_000).map { "c-\($0)" }
            expected.insert("long", at: 3_000)
            #expect(ids == (expected + ["last"])[...].map { Substring($0) })
        }
    }

    @Test("--strict stops at the file with the first problem, after its finished lines")
    func strictAcrossFiles() throws {
        try Self.withDirectory { directory in
            let first = directory.appendingPathComponent("a.jsonl")
            let second = directory.appendingPathComponent("b.jsonl")
            try Data([Self.chat, "garbage", Self.chat].joined(separator: "\n").utf8).write(to: first)
            try Data(Self.chat.utf8).write(to: second)
            let result = try CLIHarness.run(["cost", "--strict", first.path, second.path])
            #expect(result.status == 1)
            #expect(result.stdout.split(separator: "\n").count == 1)
            #expect(result.stderr.contains("a.jsonl:2: not valid JSON"))
            #expect(result.stderr.contains("read 2 lines, 1 events: 1 priced"))
            let lenient = try CLIHarness.run(["cost", first.path, second.path])
            #expect(lenient.status == 1)
            #expect(lenient.stderr.contains("read 4 lines, 3 events: 3 priced"))
        }
    }
}
