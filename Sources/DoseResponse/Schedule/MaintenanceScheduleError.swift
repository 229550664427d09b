import NumericCore
import Regression
import Survival

/// A typed error of the maintenance-schedule computation: what is wrong and what to do.
public enum MaintenanceScheduleError: ReliefError, Sendable, Equatable {
    /// How the CLI should treat the error.
    public enum Kind: Sendable, Equatable {
        /// The options do not fit the model (exit 64).
        case usage
        /// The data or the fit cannot give the schedule (exit 65).
        case badData
    }

    /// The model formula does not use the dose or interval column.
    case columnNotInFormula(role: String, column: String, option: String, formulaColumns: [String])
    /// A covariate other than dose and interval has no fixed value.
    case missingFixedValue(columns: [String])
    /// A fixed value is given for the dose or the interval column (they come from the grid).
    case fixedGridColumn(column: String, option: String)
    /// A fixed covariate has several values.
    case severalFixedValues(column: String, values: [String])
    /// A grid (doses, intervals) or the target is not usable.
    case invalidArgument(message: String)
    /// Building the design row of a profile failed.
    case design(DesignMatrixError)
    /// The model's prediction failed.
    case model(StatModelError)

    /// Usage (64) or bad data (65).
    public var kind: Kind {
        switch self {
        case .design(let error): return error.kind == .usage ? .usage : .badData
        case .model: return .badData
        default: return .usage
        }
    }

    /// One line: what was found, then what to do.
    public var description: String {
        switch self {
        case .columnNotInFormula(let role, let column, let option, let formulaColumns):
            let used = formulaColumns.isEmpty ? "none" : formulaColumns.map { "'\($0)'" }.joined(separator: ", ")
            return "the formula does not use the \(role) column '\(column)' (its columns: \(used)). "
                + "Add \(column) to --formula, or name the \(role) column with \(option)."
        case .missingFixedValue(let columns):
            let list = columns.map { "'\($0)'" }.joined(separator: ", ")
            let example = columns.first.map { "--at \($0)=VALUE" } ?? "--at column=VALUE"
            return "the model uses \(list) besides dose and interval, and a schedule holds them fixed: give one value each, e.g. \(example) (there is no default \"mean patient\")."
        case .fixedGridColumn(let column, let option):
            return "--at \(column) is not allowed: the \(column) values come from \(option)."
        case .severalFixedValues(let column, let values):
            return "--at \(column)=\(values.joined(separator: ",")) gives \(values.count) values; a schedule holds each other covariate at one value. Run once per value."
        case .invalidArgument(let message):
            return message
        case .design(let error):
            return error.description
        case .model(let error):
            return error.description
        }
    }
}

extension MaintenanceScheduleError {
    /// Usage or bad data, as ``kind``.
    public var failureKind: FailureKind { kind == .usage ? .usage : .badData }
}
