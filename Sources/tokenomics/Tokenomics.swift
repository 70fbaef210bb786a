import ArgumentParser
import Foundation

@main
struct Tokenomics: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenomics",
        abstract: "The economics of AI tokens: what they cost, what they are worth, how to price them.",
        subcommands: [
            DemoCommand.self, CostCommand.self, IngestCommand.self, ReportCommand.self, RepriceCommand.self,
            ExportCommand.self,
            QuarantineCommand.self,
            CatalogCommand.self,
            SimulateCommand.self,
        ])

    /// Runs a command; a ``CLIError`` becomes one line on standard error and its own exit status,
    /// every other error goes to ArgumentParser (usage errors exit 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            printError("error: \(error.description)")
            Foundation.exit(error.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}
