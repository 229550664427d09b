import Foundation
import Testing
@testable import DataIO

/// `ColumnRoles.descriptiveColumns`: a missing value in a column read for description keeps the row
/// (NaN or code -1), while a missing value in a model covariate still excludes it.
@Suite struct DescriptiveColumnTests {
    private static let text = """
        patient_id,relief_days,relief_ended,dose,notes,score
        P1,10,1,0.5,,3
        P1,8,0,1.25,phoned,NA
        P2,9,1,NA,,1
        P3,7,1,0.1,"called, ok",2
        P4,6,0,2,,
        """

    @Test func missingDescriptiveValuesKeepTheRow() throws {
        let path = try TestSupport.temporaryFile(Self.text)
        var roles = ColumnRoles(covariates: ["dose", "notes", "score"])
        roles.descriptiveColumns = ["notes", "score"]
        let data = try TestSupport.read(path, roles: roles)
        // Only the row with a missing dose (a model covariate) is excluded.
        #expect(data.time == [10, 8, 7, 6])
        #expect(data.exclusions.map(\.line) == [4])
        let notes = try #require(data.covariate(named: "notes"))
        #expect(notes.levels == ["called, ok", "phoned"])
        #expect(notes.codes == [-1, 1, 0, -1])
        let score = try #require(data.covariate(named: "score")?.numericValues)
        #expect(score.count == 4)
        #expect(score[0] == 3 && score[1].isNaN && score[2] == 2 && score[3].isNaN)
    }

    @Test func withoutTheRoleMissingValuesExclude() throws {
        let path = try TestSupport.temporaryFile(Self.text)
        let data = try TestSupport.read(path, roles: ColumnRoles(covariates: ["dose", "notes"]))
        #expect(data.time == [8, 7])
    }
}
