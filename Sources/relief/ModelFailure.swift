import Analysis
import ArgumentParser
import Regression

/// Error reporting of the model commands: formula errors (with the formula and a caret under the
/// offending characters), design errors and `AnalysisError`; everything else as ``ReliefFailure``.
enum ModelFailure {
    /// Runs `body`, reporting a thrown error on stderr and turning it into an exit code.
    static func run(_ body: () throws -> Void) throws {
        try ReliefFailure.run {
            do {
                try body()
            } catch let error as FormulaError {
                report(error)
                throw ExitCode.validationFailure
            } catch let error as DesignMatrixError {
                StandardError.error(error.description)
                throw ExitCode(error.kind == .usage ? ExitCode.validationFailure.rawValue : ReliefFailure.badData)
            } catch let error as AnalysisError {
                StandardError.error(error.message)
                throw ExitCode(error.kind == .usage ? ExitCode.validationFailure.rawValue : ReliefFailure.badData)
            }
        }
    }

    /// The one error of a formula, as the formula module renders it: the message, then the formula
    /// and a caret line under the offending characters, then the hint (the only multi-line error).
    static func report(_ error: FormulaError) {
        StandardError.error(error.summary + " (in --formula)")
        StandardError.write("  " + error.formula)
        StandardError.write("  " + error.caretLine)
        if let hint = error.hint, !hint.isEmpty { StandardError.write("  hint: " + hint) }
    }
}
