import NumericCore

/// A trial-simulation setting that cannot be simulated, found before any random number is drawn.
public struct SimulationError: ReliefError, Sendable, Equatable {
    /// The setting concerned, spelled as in ``TrialSimulation`` (e.g. `"size.patients"`).
    public let parameter: String
    /// What is wrong with it.
    public let message: String
    /// What to do instead.
    public let hint: String?

    /// Creates an error.
    /// - Parameters:
    ///   - parameter: The setting concerned.
    ///   - message: What is wrong.
    ///   - hint: What to do instead.
    public init(parameter: String, message: String, hint: String? = nil) {
        self.parameter = parameter
        self.message = message
        self.hint = hint
    }

    /// One line: `simulation setting 'size.patients': must be at least 1, got 0. give --patients 1 or more`.
    public var description: String {
        var text = "simulation setting '\(parameter)': \(message)"
        if let hint { text += ". \(hint)" }
        return text
    }
}

extension SimulationError {
    /// A simulation that cannot be set up is a usage error (its settings are wrong).
    public var failureKind: FailureKind { .usage }
}
