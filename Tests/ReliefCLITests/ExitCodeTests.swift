import DataIO
import NumericCore
import Testing
@testable import relief

/// The one mapping from a kind of failure to a sysexits code, and that every error type has a kind.
@Suite("Exit codes")
struct ExitCodeTests {
    @Test("each kind of failure has its sysexits code")
    func codes() {
        let expected: [FailureKind: Int32] = [
            .usage: 64, .badData: 65, .missingInput: 66, .unavailable: 69, .internalError: 70, .cannotWrite: 73,
        ]
        for kind in FailureKind.allCases { #expect(ReliefFailure.exitCode(kind) == expected[kind]) }
    }

    @Test("a data error keeps its kind")
    func dataErrorKind() {
        #expect(DataError(.missingInput, message: "m").failureKind == .missingInput)
        #expect(DataError(.cannotWrite, message: "m").failureKind == .cannotWrite)
    }
}
