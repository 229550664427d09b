import Foundation
import Testing
@testable import DataIO

@Suite struct MissingAndInvalidTests {
    @Test func missingValuesExcludeRowsAndAreCounted() throws {
        let data = try TestSupport.read(try TestSupport.fixture("missing_values.csv"), roles: ColumnRoles(by: ["dose_group"]))
        #expect(data.time == [10, 8, 9])
        #expect(data.event == [true, false, true])
        #expect(data.exclusions == [
            Exclusion(line: 3, column: "relief_days", reason: "missing relief_days", isMissing: true),
            Exclusion(line: 4, column: "relief_days", reason: "missing relief_days", isMissing: true),
            Exclusion(line: 5, column: "relief_ended", reason: "missing relief_ended", isMissing: true),
            Exclusion(line: 6, column: "dose_group", reason: "missing dose_group", isMissing: true),
        ])
        #expect(data.rowsExcluded == 4)
        #expect(data.source.rowsRead == 7)
        // A missing patient id does not exclude the row.
        #expect(data.patients == 2)
        #expect(data.patientCodes == [0, 1, -1])
        #expect(data.groupings.first?.levels == ["high", "low"])
        #expect(data.groupings.first?.codes == [1, 0, 1])
    }

    @Test func unusedColumnsMayHoldAnything() throws {
        let path = try TestSupport.temporaryFile("relief_days,relief_ended,junk\n1,1,NA\n2,0,\"x,\"\"y\"\n")
        let data = try TestSupport.read(path)
        #expect(data.time == [1, 2])
        #expect(data.exclusions.isEmpty)
    }

    @Test func nonNumericTimeNamesFileLineAndColumn() throws {
        let path = try TestSupport.fixture("invalid_values.csv")
        let error = try #require(TestSupport.error(path))
        #expect(error.kind == .badData)
        #expect(error.file == path)
        #expect(error.line == 3)
        #expect(error.column == "relief_days")
        #expect(error.columnNumber == 3)
        #expect(error.message.contains("'abc' is not a number"))
        #expect(error.hint?.contains("--skip-invalid") == true)
        #expect(error.description.contains(":3: column 'relief_days' (column 3)"))
    }

    @Test(arguments: [
        ("relief_days,relief_ended\n1,1\n-2,0\n", 3, "relief_days", 1, "is negative"),
        ("relief_days,relief_ended\n1,1\n2,0\nInf,1\n", 4, "relief_days", 1, "not a finite number"),
        ("relief_days,relief_ended\n1,1\nnan,1\n", 3, "relief_days", 1, "not a finite number"),
        ("relief_days,relief_ended\n1,1\n2\n", 3, "relief_ended", 2, "has 1 fields but the header has 2"),
        ("relief_days,relief_ended\n1,1\n2,0,9\n", 3, nil, 3, "has 3 fields but the header has 2"),
        ("relief_days,relief_ended\n1,1\n2,7\n", 3, "relief_ended", 2, "'7'"),
    ] as [(String, Int, String?, Int, String)])
    func invalidValuesAreErrors(text: String, line: Int, column: String?, columnNumber: Int, fragment: String) throws {
        let error = try #require(TestSupport.error(try TestSupport.temporaryFile(text)))
        #expect(error.kind == .badData)
        #expect(error.line == line)
        #expect(error.column == column)
        #expect(error.columnNumber == columnNumber)
        #expect(error.message.contains(fragment), "\(error.message)")
        #expect(error.hint?.contains("--skip-invalid") == true)
    }

    @Test func skipInvalidListsEveryExcludedRow() throws {
        let data = try TestSupport.read(
            try TestSupport.fixture("invalid_values.csv"), roles: ColumnRoles(by: ["dose_group"], skipInvalid: true))
        #expect(data.time == [10, 8])
        #expect(data.event == [true, false])
        #expect(data.groupings.first?.codes == [1, 0])
        #expect(data.exclusions.map(\.line) == [3, 4, 5, 6, 7])
        #expect(data.exclusions.map(\.column) == ["relief_days", "relief_days", nil, "relief_ended", "relief_days"])
        #expect(data.exclusions.allSatisfy { !$0.isMissing })
        #expect(data.exclusions[0].reason == "time 'abc' is not a number")
        #expect(data.exclusions[1].reason == "time '-2' is negative")
        #expect(data.exclusions[2].reason.contains("5 fields"))
        #expect(data.exclusions[3].reason.contains("3 fields"))
        #expect(data.exclusions[4].reason == "time 'inf' is not a finite number")
        #expect(data.source.rowsRead == 7)
        #expect(data.patients == 2)
    }

    @Test func invalidWinsOverMissingInTheSameRow() throws {
        let path = try TestSupport.temporaryFile("relief_days,relief_ended\nNA,maybe\n1,1\n")
        let data = try TestSupport.read(path, roles: ColumnRoles(skipInvalid: true))
        #expect(data.exclusions == [Exclusion(line: 2, column: "relief_ended", reason: "unknown event code 'maybe'", isMissing: false)])
    }

    @Test func unclosedQuoteIsReported() throws {
        let path = try TestSupport.temporaryFile("relief_days,relief_ended,g\n1,1,a\n2,0,\"oops\n3,1,b\n")
        let error = try #require(TestSupport.error(path, roles: ColumnRoles(by: ["g"])))
        #expect(error.kind == .badData)
        #expect(error.line == 3)
        #expect(error.message.contains("never closed"))
    }
}
