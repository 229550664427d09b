import Foundation
import Testing
@testable import DataIO

@Suite struct GroupingTests {
    @Test func defaultIntervalBandOnIntegerDays() throws {
        let data = try TestSupport.read(try TestSupport.fixture("bands.csv"), roles: ColumnRoles(by: ["interval_days"]))
        let g = try #require(data.groupings.first)
        #expect(g.isBanded)
        #expect(g.levels == ["<=7", "8-28", ">28"])
        #expect(g.codes == [0, 0, 1, 1, 1, 2, 2])
        #expect(g.scores == [1, 2, 3])
        #expect(g.counts == [2, 3, 2])
    }

    @Test func explicitBandsAndSingleValueBands() throws {
        let path = try TestSupport.fixture("bands.csv")
        let one = try TestSupport.read(path, roles: ColumnRoles(by: ["interval_days"], bands: ["interval_days": [10]]))
        #expect(one.groupings.first?.levels == ["<=10", ">10"])
        #expect(one.groupings.first?.codes == [0, 0, 0, 1, 1, 1, 1])
        let three = try TestSupport.read(path, roles: ColumnRoles(by: ["interval_days"], bands: ["interval_days": [7, 8, 28]]))
        #expect(three.groupings.first?.levels == ["<=7", "8", "9-28", ">28"])
        #expect(three.groupings.first?.codes == [0, 0, 1, 2, 2, 3, 3])
        #expect(three.groupings.first?.scores == [1, 2, 3, 4])
    }

    @Test func emptyBandsAreDroppedButKeepTheirIndexAsScore() throws {
        let data = try TestSupport.read(
            try TestSupport.fixture("bands.csv"), roles: ColumnRoles(by: ["interval_days"], bands: ["interval_days": [1, 7, 28]]))
        let g = try #require(data.groupings.first)
        #expect(g.levels == ["2-7", "8-28", ">28"])
        #expect(g.scores == [2, 3, 4])
        #expect(g.codes == [0, 0, 1, 1, 1, 2, 2])
    }

    @Test func fractionalDataUseIntervalLabels() throws {
        let data = try TestSupport.read(try TestSupport.fixture("bands_fractional.csv"), roles: ColumnRoles(by: ["interval_days"]))
        let g = try #require(data.groupings.first)
        #expect(g.levels == ["<=7", "(7,28]", ">28"])
        #expect(g.codes == [0, 0, 1, 2])
        #expect(_BandFormatter.labels(cuts: [0.5, 2], integral: false) == ["<=0.5", "(0.5,2]", ">2"])
        #expect(_BandFormatter.labels(cuts: [-5, 3], integral: true) == ["<=-5", "(-5,3]", ">3"])
    }

    @Test func nonNumericIntervalDaysIsAStringColumn() throws {
        let path = try TestSupport.temporaryFile("interval_days,relief_days,relief_ended\nweekly,1,1\nmonthly,2,0\n")
        let g = try #require(try TestSupport.read(path, roles: ColumnRoles(by: ["interval_days"])).groupings.first)
        #expect(!g.isBanded)
        #expect(g.levels == ["monthly", "weekly"])
        #expect(g.scores == nil)
    }

    @Test func nonNumericValueInAnExplicitBandIsInvalid() throws {
        let path = try TestSupport.temporaryFile("dose,relief_days,relief_ended\n1,1,1\nhigh,2,0\n3,4,1\n")
        let roles = ColumnRoles(by: ["dose"], bands: ["dose": [2]])
        let error = try #require(TestSupport.error(path, roles: roles))
        #expect(error.line == 3)
        #expect(error.column == "dose")
        var skipping = roles
        skipping.skipInvalid = true
        let data = try TestSupport.read(path, roles: skipping)
        #expect(data.groupings.first?.levels == ["<=2", ">2"])
        #expect(data.exclusions.map(\.line) == [3])
    }

    @Test func numericColumnsSortNumericallyWithValueScores() throws {
        let path = try TestSupport.temporaryFile("dose,relief_days,relief_ended\n10,1,1\n9,2,0\n0.5,3,1\n10.0,4,1\n")
        let g = try #require(try TestSupport.read(path, roles: ColumnRoles(by: ["dose"])).groupings.first)
        #expect(g.levels == ["0.5", "9", "10"])
        #expect(g.scores == [0.5, 9, 10])
        #expect(g.codes == [2, 1, 0, 2])
    }

    @Test func stringLevelsSortByBytes() throws {
        let path = try TestSupport.temporaryFile("g,relief_days,relief_ended\nlow,1,1\nHigh,2,0\nécart,3,1\nZ,4,0\n")
        let g = try #require(try TestSupport.read(path, roles: ColumnRoles(by: ["g"])).groupings.first)
        #expect(g.levels == ["High", "Z", "low", "écart"])
    }

    @Test func explicitLevelOrder() throws {
        let path = try TestSupport.fixture("basic.csv")
        let data = try TestSupport.read(path, roles: ColumnRoles(by: ["dose_group"], levelOrder: ["dose_group": ["low", "high"]]))
        let g = try #require(data.groupings.first)
        #expect(g.levels == ["low", "high"])
        #expect(g.codes == [0, 0, 1, 1, 1, 0])
        #expect(g.scores == [1, 2])
    }

    @Test func levelOrderMustMatchThePresentValues() throws {
        let path = try TestSupport.fixture("basic.csv")
        let extra = try #require(TestSupport.error(
            path, roles: ColumnRoles(by: ["dose_group"], levelOrder: ["dose_group": ["low", "medium", "high"]])))
        #expect(extra.kind == .usage)
        #expect(extra.message.contains("'medium'"))
        #expect(extra.hint?.contains("'high', 'low'") == true)
        let short = try #require(TestSupport.error(path, roles: ColumnRoles(by: ["dose_group"], levelOrder: ["dose_group": ["low"]])))
        #expect(short.kind == .usage)
        #expect(short.message.contains("leaves out 'high'"))
    }

    @Test func twoByColumnsAndStrata() throws {
        let data = try TestSupport.read(
            try TestSupport.fixture("basic.csv"), roles: ColumnRoles(by: ["dose_group", "interval_days"], strata: "patient_id"))
        #expect(data.groupings.map(\.column) == ["dose_group", "interval_days"])
        #expect(data.groupings[0].codes == [1, 1, 0, 0, 0, 1])
        #expect(data.groupings[1].levels == ["<=7", "8-28", ">28"])
        #expect(data.groupings[1].codes == [0, 1, 1, 2, 0, 0])
        #expect(data.strata?.levels == ["P1", "P2", "P3", "P4"])
        #expect(data.strata?.codes == [0, 0, 1, 2, 2, 3])
    }

    @Test func levelsOnlyCountUsedRows() throws {
        let path = try TestSupport.temporaryFile("g,relief_days,relief_ended\na,1,1\nb,NA,1\nc,2,0\n")
        let data = try TestSupport.read(path, roles: ColumnRoles(by: ["g"]))
        #expect(data.groupings.first?.levels == ["a", "c"])
    }

    @Test func bandOptionsAreValidated() throws {
        let path = try TestSupport.fixture("bands.csv")
        let unsorted = try #require(TestSupport.error(path, roles: ColumnRoles(by: ["interval_days"], bands: ["interval_days": [28, 7]])))
        #expect(unsorted.kind == .usage)
        let notGrouped = try #require(TestSupport.error(path, roles: ColumnRoles(bands: ["interval_days": [7]])))
        #expect(notGrouped.kind == .usage)
    }
}
