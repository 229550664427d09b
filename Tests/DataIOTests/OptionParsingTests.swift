import Testing
@testable import DataIO

@Suite struct OptionParsingTests {
    @Test func eventCodesFromArguments() throws {
        let codes = try EventCodes(arguments: ["ended=yes,Y", "censored=no"])
        #expect(codes == EventCodes(ended: ["yes", "Y"], censored: ["no"]))
        #expect(throws: DataError.self) { try EventCodes(arguments: ["ended=yes"]) }
        #expect(throws: DataError.self) { try EventCodes(arguments: ["ended=yes", "censor"]) }
        #expect(throws: DataError.self) { try EventCodes(arguments: ["done=yes", "censored=no"]) }
        #expect(throws: DataError.self) { try EventCodes(arguments: ["ended=", "censored=no"]) }
    }

    @Test func bandFromArgument() throws {
        let bands = try ColumnRoles.bands(parsing: ["interval_days=7, 28"])
        #expect(bands == ["interval_days": [7, 28]])
        for bad in ["interval_days", "=7", "x=7,,28", "x=28,7", "x=a", "x=inf"] {
            #expect(throws: DataError.self, "\(bad)") { try ColumnRoles.bands(parsing: [bad]) }
        }
        #expect(throws: DataError.self) { try ColumnRoles.bands(parsing: ["x=1", "x=2"]) }
        #expect(try ColumnRoles.levelOrders(parsing: ["dose_group=low,high"]) == ["dose_group": ["low", "high"]])
        #expect(throws: DataError.self) { try ColumnRoles.levelOrders(parsing: ["dose_group=low,low"]) }
        #expect(throws: DataError.self) { try EventCodes(arguments: ["ended=1", "censored=1"]) }
    }
}
