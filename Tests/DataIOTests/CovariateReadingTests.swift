import Foundation
import Testing
@testable import DataIO

@Suite struct CovariateReadingTests {
    private static let text = """
        patient_id,relief_days,relief_ended,dose,condition,code,site
        P1,10,1,0.5,neuropathic,1,S2
        P1,8,0,1.25,CRPS,2,S1
        P2,9,1,NA,CRPS,1,S1

        P3,7,1,1e-1,"other",x,S2
        P4,6,0,2,fibromyalgia,,S1
        P5,5,1,0.75,Zeta,2,S2
        """

    private func roles(_ covariates: [String], by: [String] = []) -> ColumnRoles {
        ColumnRoles(by: by, covariates: covariates)
    }

    @Test func numericAndCategoricalColumnsAreDetected() throws {
        let path = try TestSupport.temporaryFile(Self.text)
        let data = try TestSupport.read(path, roles: roles(["dose", "condition"]))
        #expect(data.covariates.map(\.name) == ["dose", "condition"])
        #expect(data.covariates.map(\.columnNumber) == [4, 5])
        let dose = try #require(data.covariate(named: "dose"))
        #expect(dose.isNumeric)
        #expect(dose.numericValues == [0.5, 1.25, 0.1, 2, 0.75])
        let condition = try #require(data.covariate(named: "condition"))
        #expect(!condition.isNumeric)
        // Byte order, as R's factor in the C locale: upper case before lower case.
        #expect(condition.levels == ["CRPS", "Zeta", "fibromyalgia", "neuropathic", "other"])
        #expect(condition.codes == [3, 0, 4, 2, 1])
        #expect(data.time == [10, 8, 7, 6, 5])
    }

    @Test func missingCovariateExcludesTheRowWithItsLine() throws {
        let path = try TestSupport.temporaryFile(Self.text)
        let data = try TestSupport.read(path, roles: roles(["dose", "code"]))
        // Line 4 has dose NA; line 7 (after a blank line) has an empty code.
        #expect(data.exclusions == [
            Exclusion(line: 4, column: "dose", reason: "missing dose", isMissing: true),
            Exclusion(line: 7, column: "code", reason: "missing code", isMissing: true),
        ])
        #expect(data.rowsUsed == 4)
        #expect(data.rowLines == [2, 3, 6, 8])
        // 'x' makes code categorical; its levels are those of the used rows only.
        let code = try #require(data.covariate(named: "code"))
        #expect(code.levels == ["1", "2", "x"])
        #expect(code.codes == [0, 1, 2, 1])
        #expect(data.covariate(named: "dose")?.numericValues == [0.5, 1.25, 0.1, 0.75])
        // The patient index follows the used rows.
        #expect(data.patientCodes == [0, 0, 1, 2])
    }

    @Test func levelsComeFromUsedRowsOnly() throws {
        let path = try TestSupport.temporaryFile("relief_days,relief_ended,g,x\n1,1,a,1\n2,1,b,NA\n3,0,c,2\n")
        let data = try TestSupport.read(path, roles: roles(["g", "x"]))
        #expect(data.covariate(named: "g")?.levels == ["a", "c"])
        #expect(data.covariate(named: "g")?.codes == [0, 1])
        // A text value only in an excluded row does not make a column categorical.
        let path2 = try TestSupport.temporaryFile("relief_days,relief_ended,g,x\n1,1,a,1\n2,1,NA,oops\n3,0,c,2\n")
        let data2 = try TestSupport.read(path2, roles: roles(["g", "x"]))
        #expect(data2.covariate(named: "x")?.numericValues == [1, 2])
    }

    @Test func aColumnMayBeBothGroupingAndCovariate() throws {
        let path = try TestSupport.temporaryFile(Self.text)
        let data = try TestSupport.read(path, roles: roles(["site", "dose", "site"], by: ["site"]))
        #expect(data.covariates.map(\.name) == ["site", "dose"])
        #expect(data.groupings.first?.levels == ["S1", "S2"])
        #expect(data.groupings.first?.codes == [1, 0, 1, 0, 1])
        #expect(data.covariate(named: "site")?.codes == [1, 0, 1, 0, 1])
    }

    @Test func unknownCovariateListsTheColumns() throws {
        let path = try TestSupport.temporaryFile(Self.text)
        let error = try #require(TestSupport.error(path, roles: roles(["Dose"])))
        #expect(error.kind == .usage)
        #expect(error.column == "Dose")
        #expect(error.message.contains("'dose', 'condition'"))
        #expect(error.hint?.contains("did you mean 'dose'?") == true)
    }

    @Test func headerIsReadAlone() throws {
        let path = try TestSupport.temporaryFile("\u{FEFF}a;b;\"c d\"\n1;2;3\n")
        let reader = SurvivalDatasetReader(dialect: CSVDialect(delimiter: .auto), roles: ColumnRoles())
        #expect(try reader.header(path: path) == ["a", "b", "c d"])
    }

    @Test func smallChunksGiveTheSameColumns() throws {
        var text = "relief_days,relief_ended,x,g\n"
        for i in 0..<500 { text += "\(i % 37 + 1),\(i % 2),\(Double(i) * 0.25),\"g \(i % 7)\"\n" }
        let path = try TestSupport.temporaryFile(text)
        let whole = try TestSupport.read(path, roles: roles(["x", "g"]))
        let chunked = try TestSupport.read(path, roles: roles(["x", "g"]), chunkSize: 64)
        #expect(whole.covariates == chunked.covariates)
        #expect(whole.covariate(named: "x")?.numericValues?[401] == 100.25)
        #expect(whole.covariate(named: "g")?.levels == (0..<7).map { "g \($0)" })
    }

    @Test func decimalCommaCovariateIsReportedNotReadAsText() throws {
        let path = try TestSupport.temporaryFile("relief_days;relief_ended;dose\n1;1;\"0,5\"\n2;0;\"1,25\"\n")
        let error = try #require(TestSupport.error(path, dialect: CSVDialect(delimiter: .semicolon), roles: roles(["dose"])))
        #expect(error.column == "dose")
        #expect(error.hint?.contains("--decimal-comma") == true)
        let data = try TestSupport.read(
            path, dialect: CSVDialect(delimiter: .semicolon, decimalComma: true), roles: roles(["dose"]))
        #expect(data.covariate(named: "dose")?.numericValues == [0.5, 1.25])
    }

    @Test func manyDistinctNumbersSwitchToNumericParsing() throws {
        let rows = _CovariateAccumulator.numericSwitch + 10
        var text = "relief_days,relief_ended,g,x\n"
        text.reserveCapacity(rows * 24)
        for i in 0..<rows { text += "1,1,\(i % 3),\(i).5\n" }
        let path = try TestSupport.temporaryFile(text)
        let data = try TestSupport.read(path, roles: roles(["g", "x"]))
        let x = try #require(data.covariate(named: "x")?.numericValues)
        #expect(x.count == rows)
        #expect(x.first == 0.5)
        #expect(x.last == Double(rows - 1) + 0.5)

        // A text value after the switch is an invalid value naming its line ...
        let bad = text + "1,1,2,oops\n1,1,1,7\n"
        let badPath = try TestSupport.temporaryFile(bad)
        let error = try #require(TestSupport.error(badPath, roles: roles(["g", "x"])))
        #expect(error.kind == .badData)
        #expect(error.line == rows + 2)
        #expect(error.column == "x")
        #expect(error.message.contains("'oops' is not a number"))
        // ... or, with --skip-invalid, an exclusion; the other covariate of that row is dropped too.
        let skipped = try TestSupport.read(badPath, roles: ColumnRoles(skipInvalid: true, covariates: ["g", "x"]))
        #expect(skipped.rowsUsed == rows + 1)
        #expect(skipped.covariates.allSatisfy { $0.count == rows + 1 })
        #expect(skipped.exclusions.map(\.line) == [rows + 2])
        #expect(skipped.covariate(named: "g")?.numericValues?.last == 1)
    }
}

/// Issue 11 item 15: a table without a survival outcome (`ColumnRoles.readsOutcome == false`).
@Suite struct ResponseOnlyReadingTests {
    private func roles(_ covariates: [String]) -> ColumnRoles {
        var roles = ColumnRoles(covariates: covariates)
        roles.readsOutcome = false
        return roles
    }

    @Test func neitherTimeNorEventIsNeeded() throws {
        let path = try TestSupport.temporaryFile("dose,response\n0,1.5\n0.5,NA\n1,3.25\n")
        let data = try TestSupport.read(path, roles: roles(["dose", "response"]))
        #expect(data.time.isEmpty && data.event.isEmpty)
        #expect(data.rowsUsed == 2 && data.rowsExcluded == 1)
        #expect(data.rowLines == [2, 4])
        #expect(data.covariate(named: "response")?.numericValues == [1.5, 3.25])
        // Read with the outcome, the same file names the missing time column.
        let error = try #require(TestSupport.error(path, roles: ColumnRoles(covariates: ["dose", "response"])))
        #expect(error.description.contains("relief_days"))
    }

    @Test func aTitleAboveTheHeaderIsFoundByTheFirstColumnRead() throws {
        let path = try TestSupport.temporaryFile("Pain study export\ndose,response\n0,1.5\n")
        let error = try #require(TestSupport.error(path, roles: roles(["dose", "response"])))
        #expect(error.description.contains("--skip-lines 1"))
    }
}
