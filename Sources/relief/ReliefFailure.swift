import ArgumentParser
import DataIO
import Survival

/// Maps an error to one line on stderr and a sysexits exit code: 64 usage, 65 bad data, 66 missing
/// input, 73 cannot write output, 70 internal error. Never a stack trace.
enum ReliefFailure {
    /// EX_DATAERR: the input's content cannot be analysed.
    static let badData: Int32 = 65
    /// EX_SOFTWARE: a bug in Relief.
    static let internalError: Int32 = 70

    /// The exit codes, for the commands' `--help`.
    static let exitCodeHelp = "Exit codes: 0 ok, 64 usage, 65 bad data, 66 missing input, 70 internal error, 73 cannot write output."

    /// Runs `body`; a thrown error is reported on stderr and becomes an `ExitCode`.
    /// `ExitCode`, `ValidationError` and `CleanExit` pass through to ArgumentParser.
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as DataError {
            StandardError.error(error.description)
            throw ExitCode(error.kind.exitCode)
        } catch let error as StatModelError {
            StandardError.error(message(for: error))
            throw ExitCode(exitCode(for: error))
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch let error as CleanExit {
            throw error
        } catch {
            StandardError.error("internal error: \(error). Please report this with the command line and input.")
            throw ExitCode(internalError)
        }
    }

    /// The exit code of a modelling error: empty or unusable data is bad data (65); anything else
    /// (lengths, codes) is a bug in the pipeline (70).
    static func exitCode(for error: StatModelError) -> Int32 {
        switch error {
        case .emptyInput, .nonFiniteValue, .tooFewGroups, .undefinedStatistic, .invalidArgument:
            return badData
        case .lengthMismatch, .invalidCode:
            return internalError
        }
    }

    /// The one-line message of a modelling error.
    static func message(for error: StatModelError) -> String {
        switch error {
        case .emptyInput:
            return "no rows left to analyse after exclusions. Check the exclusions with --skip-invalid --format json"
        default:
            return error.description
        }
    }
}
