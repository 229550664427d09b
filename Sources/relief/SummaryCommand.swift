import ArgumentParser

/// `relief summary` (being built; see the README's status table).
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "summary", abstract: "Not finished yet.")

    func run() throws {
        throw ValidationError("relief summary is not finished yet")
    }
}
