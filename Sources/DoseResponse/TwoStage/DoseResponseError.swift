import NumericCore
import Survival

/// An error from the two-stage dose-response fit (``DoseResponseFit``) or its stage-1 summaries
/// (``DoseLevelSummarizer``). Each case says where, what was found and what to do.
public enum DoseResponseError: ReliefError, Sendable, Equatable {
    /// No rows or no models were given.
    case emptyInput(context: String, what: String)
    /// Parallel inputs differ in length.
    case lengthMismatch(context: String, argument: String, expected: Int, found: Int)
    /// A NaN/infinite (or, for doses, negative) value; `index` is 0-based.
    case invalidValue(context: String, argument: String, index: Int, value: Double)
    /// The model has more parameters than there are distinct dose levels (or residual df).
    case tooFewDoseLevels(model: DoseModel, levels: Int, required: Int)
    /// The stage-1 covariance is not symmetric positive definite.
    case covarianceNotPositiveDefinite(context: String, message: String)
    /// A bad option (confidence level, bounds, tau, ...).
    case invalidArgument(context: String, message: String)
    /// The model could not be fitted (degenerate design, failed optimisation).
    case fitFailed(model: DoseModel, message: String)
    /// A stage-1 survival estimate is undefined at a dose level.
    case undefinedSummary(level: Double, message: String)
    /// A survival engine (Kaplan-Meier, Cox) rejected the data.
    case survival(StatModelError)

    /// A one-line message: where, what was found, and what to do.
    public var description: String {
        switch self {
        case .emptyInput(let context, let what):
            return "\(context): no \(what) given. Pass at least one."
        case .lengthMismatch(let context, let argument, let expected, let found):
            return "\(context): '\(argument)' has \(found) values but \(expected) were expected. Pass one value per row."
        case .invalidValue(let context, let argument, let index, let value):
            return "\(context): '\(argument)' has the invalid value \(value) at row \(index) (0-based). "
                + "Doses must be finite and >= 0, responses finite."
        case .tooFewDoseLevels(let model, let levels, let required):
            return "model \(model.rawValue) has \(required) parameters but the data have only \(levels) dose level(s) "
                + "(or residual degrees of freedom). Drop the model or add dose levels."
        case .covarianceNotPositiveDefinite(let context, let message):
            return "\(context): the covariance S is not positive definite (\(message)). "
                + "Check for dose levels without information or duplicated levels."
        case .invalidArgument(let context, let message):
            return "\(context): \(message)"
        case .fitFailed(let model, let message):
            return "model \(model.rawValue) could not be fitted: \(message). Drop the model or check the dose levels."
        case .undefinedSummary(let level, let message):
            return "dose level \(level): \(message)"
        case .survival(let error):
            return error.description
        }
    }
}

extension DoseResponseError {
    /// A stage-1 failure keeps its own kind; a bad argument is usage; anything else bad data.
    public var failureKind: FailureKind {
        switch self {
        case .survival(let inner): return inner.failureKind
        case .invalidArgument: return .usage
        default: return .badData
        }
    }
}
