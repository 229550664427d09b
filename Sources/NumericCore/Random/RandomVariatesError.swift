/// A distribution parameter outside its valid range, found before any random number is drawn.
public struct RandomVariatesError: ReliefError, Sendable, Equatable {
    /// The sampler that was called, e.g. `"gamma"`.
    public let distribution: String
    /// The offending parameter, e.g. `"shape"`.
    public let parameter: String
    /// The value that was given (NaN when the problem is not a single value).
    public let value: Double
    /// What the parameter must satisfy, e.g. `"a finite number > 0"`.
    public let requirement: String

    /// Creates an error.
    /// - Parameters:
    ///   - distribution: The sampler name.
    ///   - parameter: The parameter name.
    ///   - value: The value given.
    ///   - requirement: What a valid value looks like.
    public init(distribution: String, parameter: String, value: Double, requirement: String) {
        self.distribution = distribution
        self.parameter = parameter
        self.value = value
        self.requirement = requirement
    }

    /// One line: `gamma: shape = -1.0 is invalid; it must be a finite number > 0`.
    public var description: String {
        let shown = value.isNaN ? "" : " = \(value)"
        return "\(distribution): \(parameter)\(shown) is invalid; it must be \(requirement)"
    }
}

extension RandomVariatesError {
    /// Relief's own checks should prevent this reaching a user: a bug (internal).
    public var failureKind: FailureKind { .internalError }
}
