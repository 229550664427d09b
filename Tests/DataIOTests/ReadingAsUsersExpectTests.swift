import Foundation
import Testing
@testable import DataIO

/// Issue 11, items 10, 11 and 13: fields are trimmed of spaces and tabs, a `;` header is read as
/// `;`-separated, and dropping rows records them as exclusions with their lines.
@Suite struct ReadingAsUsersExpectTests {
    @Test("spaces and tabs around unquoted fields and header names are trimmed; quoted spaces kept")
    func trimming() throws {
        let path = try TestSupport.temporaryFile(
            " relief_days ,\trelief_ended\t,grp\n 3 ,\t1,low \n4,0\t,\thigh\n5,1,\" low \"\n")
        var roles = ColumnRoles()
        roles.by = ["grp"]
        let data = try TestSupport.read(path, roles: roles)
        #expect(data.time == [3, 4, 5])
        #expect(data.event == [true, false, true])
        let grouping = try #require(data.groupings.first)
        #expect(Set(grouping.levels) == ["low", "high", " low "])
    }

    @Test("a header with ';' and no ',' is read as ';'-separated and marked as detected")
    func semicolon() throws {
        let path = try TestSupport.temporaryFile("relief_days;relief_ended;grp\n3;1;a\n4;0;b\n")
        let data = try TestSupport.read(path, dialect: CSVDialect(delimiter: .comma))
        #expect(data.source.delimiter == "semicolon")
        #expect(data.source.isDelimiterDetected)
        #expect(data.time == [3, 4])
        let comma = try TestSupport.read(
            try TestSupport.temporaryFile("relief_days,relief_ended\n3,1\n"), dialect: CSVDialect(delimiter: .comma))
        #expect(!comma.source.isDelimiterDetected)
        let auto = try TestSupport.read(path, dialect: CSVDialect(delimiter: .auto))
        #expect(!auto.source.isDelimiterDetected)
    }

    @Test("removing rows keeps every column aligned and records the lines as exclusions")
    func removingRows() throws {
        let path = try TestSupport.temporaryFile(
            "relief_days,relief_ended,grp,dose\n0,1,a,1\n4,0,b,2\nNA,1,a,3\n0,0,b,4\n7,1,a,5\n")
        var roles = ColumnRoles()
        roles.by = ["grp"]
        roles.covariates = ["dose"]
        let data = try TestSupport.read(path, roles: roles)
        #expect(data.rowLines == [2, 3, 5, 6])
        let kept = data.removingRows(column: "relief_days", reason: "duration 0") { data.time[$0] == 0 }
        #expect(kept.time == [4, 7])
        #expect(kept.event == [false, true])
        #expect(kept.rowLines == [3, 6])
        #expect(kept.covariate(named: "dose")?.numericValues == [2, 5])
        let grouping = try #require(kept.groupings.first)
        #expect(grouping.codes.map { grouping.levels[$0] } == ["b", "a"])
        #expect(kept.exclusions.map(\.line) == [2, 4, 5])
        #expect(kept.exclusions.filter { $0.reason == "duration 0" }.map(\.line) == [2, 5])
    }
}
