import ArgumentParser

/// `relief curves` (being built; see the README's status table).
struct CurvesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "curves", abstract: "Not finished yet.")

    func run() throws {
        throw ValidationError("relief curves is not finished yet")
    }
}
