import Foundation
import Testing

@testable import tokenomics

@Suite("ingest progress bar")
struct ProgressBarTests {
    @Test("half done after 2 s: half the bar filled, percent, megabytes, events/s and 2 s left")
    func halfway() {
        let line = ProgressBar.render(
            done: 5_242_880, total: 10_485_760, events: 100_000, elapsed: 2, width: 80)
        #expect(
            line == "[" + String(repeating: "#", count: 18) + String(repeating: "-", count: 19)
                + "]  50%  5.0/10.0 MB  50,000 ev/s  ETA 0:02")
        #expect(line.count == 80)
    }

    @Test("the bar never passes the width, and leaves itself out on a narrow terminal")
    func width() {
        for width in [20, 40, 60, 80, 132] {
            let line = ProgressBar.render(done: 1, total: 3, events: 7, elapsed: 0.5, width: width)
            #expect(line.count <= width)
            #expect(line.hasPrefix("[") == (width >= 60))
        }
    }

    @Test("start, end, and long waits: no ETA before anything is read, 0:00 at the end, hours")
    func edges() {
        #expect(ProgressBar.render(done: 0, total: 100, events: 0, elapsed: 0, width: 0) == "")
        #expect(
            ProgressBar.render(done: 0, total: 100, events: 0, elapsed: 0, width: 200).hasSuffix("0 ev/s  ETA --:--"))
        #expect(
            ProgressBar.render(done: 100, total: 100, events: 5, elapsed: 1, width: 200).hasSuffix(
                "100%  0.0/0.0 MB  5 ev/s  ETA 0:00"))
        #expect(ProgressBar.duration(3_725) == "1:02:05")
        #expect(ProgressBar.duration(59.2) == "1:00")
        #expect(ProgressBar.grouped(1_234_567) == "1,234,567")
        #expect(ProgressBar.megabytes(1_572_864) == "1.5")
    }
}

@Suite("ingest progress on standard error")
struct IngestProgressTests {
    @Test("when standard error is not a terminal, ingest of a large file writes nothing there")
    func silentWithoutTerminal() throws {
        let input = try IngestCommandTests.simulatedOpenAIFile(count: 20000)
        let ledger = IngestCommandTests.temporaryPath(".sqlite")
        let result = try CLIHarness.run(["ingest", input, "--ledger", ledger])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == "ingest: read 20000 lines: 20000 stored, 0 duplicates, 0 quarantined → \(ledger)\n")
    }

    @Test(
        "on a terminal (script(1) gives one), the bar is drawn with \\r and erased before the summary",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func drawnOnTerminal() throws {
        let input = try IngestCommandTests.simulatedOpenAIFile(count: 40000)
        let ledger = IngestCommandTests.temporaryPath(".sqlite")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "\(CLIHarness.executable.path) ingest \(input) --ledger \(ledger)", "/dev/null"]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(text.contains(" ev/s  ETA "))
        #expect(text.contains("\r["))
        // The last thing before the summary is the erase: no bar text is left on the summary's line.
        #expect(text.contains("\r\u{1B}[Kingest: read 40000 lines: 40000 stored"))
    }
}
