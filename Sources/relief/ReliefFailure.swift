import ArgumentParser
import NumericCore

/// Maps an error to its message on stderr and a sysexits exit code: the one place where a
/// ``FailureKind`` becomes an exit code. Never a stack trace.
enum ReliefFailure {
    /// The exit codes, for the commands' `--help`.
    static let exitCodeHelp = "Exit codes: 0 ok, 64 usage, 65 bad data, 66 missing input, 70 internal error, 73 cannot write output."

    /// The sysexits code of a kind of failure.
    static func exitCode(_ kind: FailureKind) -> Int32 {
        switch kind {
        case .usage: return 64  // EX_USAGE
        case .badData: return 65  // EX_DATAERR
        case .missingInput: return 66  // EX_NOINPUT
        case .unavailable: return 69  // EX_UNAVAILABLE
        case .internalError: return 70  // EX_SOFTWARE
        case .cannotWrite: return 73  // EX_CANTCREAT
        }
    }

    /// Runs `body`; a thrown error is reported on stderr and becomes an `ExitCode`.
    /// `ExitCode`, `ValidationError`, `CleanExit` and a help request (`relief help split`) pass through to ArgumentParser.
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as any ReliefError {
            let lines = MessageBounds.bounded(error.messageLines)
            StandardError.error(lines.first ?? error.description)
            for line in lines.dropFirst() { StandardError.write(line) }
            throw ExitCode(exitCode(error.failureKind))
        } catch let error where error is ExitCode || error is ValidationError || error is CleanExit || Relief.exitCode(for: error) == .success {
            throw error
        } catch {
            StandardError.error("internal error: \(error). Please report this with the command line and input.")
            throw ExitCode(exitCode(.internalError))
        }
    }
}
