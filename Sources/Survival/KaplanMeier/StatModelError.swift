import NumericCore

/// An error raised by a StatModels estimator: the input cannot give a defined result.
///
/// Every case names the operation (`context`, e.g. `"KaplanMeier.fit"`) and `description` says what was
/// found and what to do about it. Estimators never trap on user data; they throw one of these instead.
public enum StatModelError: ReliefError, Sendable, Equatable {
    /// No observations were given (or none are left after filtering).
    case emptyInput(context: String)
    /// Two parallel arrays have different lengths.
    case lengthMismatch(context: String, argument: String, expected: Int, found: Int)
    /// A value is NaN or infinite where a finite number is required; `index` is 0-based.
    case nonFiniteValue(context: String, argument: String, index: Int)
    /// A group or stratum code lies outside `0..<count`; `index` is the 0-based row.
    case invalidCode(context: String, argument: String, index: Int, value: Int, count: Int)
    /// A test that compares groups found fewer than two non-empty groups.
    case tooFewGroups(context: String, found: Int)
    /// An argument is out of its valid range (confidence level, probability, scores, ...).
    case invalidArgument(context: String, message: String)
    /// The computation is undefined for this data (e.g. a zero variance).
    case undefinedStatistic(context: String, message: String)

    /// A one-line message: where, what was found, and what to do.
    public var description: String {
        switch self {
        case .emptyInput(let context):
            return "\(context): no observations were given. Pass at least one row (check filters and exclusions)."
        case .lengthMismatch(let context, let argument, let expected, let found):
            return "\(context): '\(argument)' has \(found) values but \(expected) were expected. "
                + "Pass arrays of equal length, one entry per row."
        case .nonFiniteValue(let context, let argument, let index):
            return "\(context): '\(argument)' has a NaN or infinite value at row \(index) (0-based). "
                + "Remove or fix that row."
        case .invalidCode(let context, let argument, let index, let value, let count):
            return "\(context): '\(argument)' has code \(value) at row \(index) (0-based), outside 0..<\(count). "
                + "Codes must index the level list."
        case .tooFewGroups(let context, let found):
            return "\(context): \(found) non-empty group(s) found; at least 2 are needed to compare groups. "
                + "Check the grouping column."
        case .invalidArgument(let context, let message):
            return "\(context): \(message)"
        case .undefinedStatistic(let context, let message):
            return "\(context): \(message)"
        }
    }
}

extension StatModelError {
    /// Unusable data is bad data; wrong lengths or codes are a bug in the caller (internal).
    public var failureKind: FailureKind {
        switch self {
        case .emptyInput, .nonFiniteValue, .tooFewGroups, .undefinedStatistic, .invalidArgument: return .badData
        case .lengthMismatch, .invalidCode: return .internalError
        }
    }

    /// The description; for no rows left, what to check instead.
    public var messageLines: [String] {
        if case .emptyInput = self {
            return ["no rows left to analyse after exclusions. Check the exclusions with --skip-invalid --format json"]
        }
        return [description]
    }
}
