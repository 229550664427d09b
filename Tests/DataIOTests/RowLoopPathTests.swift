import Foundation
import Testing
@testable import DataIO

/// The row loop's less common paths after it called its columns through unretained references: a banded
/// column's non-number, a missing covariate after a present one, an invalid covariate, in one file.
@Suite struct RowLoopPathTests {
    static let text = """
        patient_id,relief_days,relief_ended,dose,age,site
        P1,3,1,10,40,a
        P1,4,0,x,41,b
        P2,5,1,20,NA,a
        P3,6,1,30,43,b
        P3,7,0,NA,44,a
        P4,8,1,40,45,b

        """

    @Test func bandedNonNumberIsAnErrorNamingItsLineAndColumn() throws {
        let path = try TestSupport.temporaryFile(Self.text)
        let error = try #require(TestSupport.error(path, roles: ColumnRoles(by: ["dose"], bands: ["dose": [15, 25]])))
        #expect(error.line == 3)
        #expect(error.column == "dose")
        #expect(error.columnNumber == 4)
        #expect(error.message.contains("'x' is not a number but the column is banded"))
    }

    @Test func bandedNonNumberAndMissingValuesBecomeExclusions() throws {
        let path = try TestSupport.temporaryFile(Self.text)
        let data = try TestSupport.read(path, roles: ColumnRoles(by: ["dose"], bands: ["dose": [15, 25]], skipInvalid: true))
        #expect(data.rowLines == [2, 4, 5, 7])
        #expect(data.exclusions.map(\.line) == [3, 6])
        #expect(data.exclusions.map(\.isMissing) == [false, true])
        #expect(data.patientCodes == [0, 1, 2, 3])
        let dose = try #require(data.groupings.first)
        #expect(dose.codes.count == 4)
    }

    /// A missing second covariate drops the first covariate's value of that row again; the columns stay
    /// aligned with the used rows.
    @Test func missingCovariateAfterAPresentOneKeepsColumnsAligned() throws {
        let path = try TestSupport.temporaryFile(Self.text)
        let data = try TestSupport.read(path, roles: ColumnRoles(by: ["site"], skipInvalid: true, covariates: ["age", "dose"]))
        #expect(data.rowLines == [2, 3, 5, 7])
        #expect(data.exclusions.map(\.line) == [4, 6])
        let age = try #require(data.covariates.first { $0.name == "age" })
        let dose = try #require(data.covariates.first { $0.name == "dose" })
        #expect(age.numericValues == [40, 41, 43, 45])
        #expect(dose.levels == ["10", "30", "40", "x"])
        #expect(dose.codes == [0, 3, 1, 2])
        #expect(data.groupings.first?.codes == [0, 1, 1, 1])
    }
}
