import Testing

@Suite("tokenomics command line")
struct HelpTests {
    @Test("prints help naming the tool")
    func help() throws {
        let result = try CLIHarness.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("tokenomics"))
    }
}
