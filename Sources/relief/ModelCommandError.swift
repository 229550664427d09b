import ArgumentParser

/// A problem found by `relief fit` / `relief predict` outside the engines (an option that does not fit
/// the model or the data): one line on stderr and exit 64 (usage) or 65 (bad data).
struct ModelCommandError: Error {
    /// Whether the options (64) or the data (65) are at fault.
    enum Kind {
        case usage
        case badData
    }

    var kind: Kind
    /// What was found, then what to do.
    var message: String

    /// The sysexits code.
    var exitCode: Int32 {
        switch kind {
        case .usage: return ExitCode.validationFailure.rawValue
        case .badData: return ReliefFailure.badData
        }
    }
}
