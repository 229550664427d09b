import ArgumentParser

/// `relief simulate` (being built; see the README's status table).
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "simulate", abstract: "Not finished yet.")

    func run() throws {
        throw ValidationError("relief simulate is not finished yet")
    }
}
