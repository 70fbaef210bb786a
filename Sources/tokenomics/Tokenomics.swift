import ArgumentParser

@main
struct Tokenomics: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenomics",
        abstract: "The economics of AI tokens: what they cost, what they are worth, how to price them.",
        subcommands: [CostCommand.self, CatalogCommand.self, SimulateCommand.self])
}
