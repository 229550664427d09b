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
        let band = try ColumnRoles.band(parsing: "interval_days=7, 28")
        #expect(band.column == "interval_days")
        #expect(band.cuts == [7, 28])
        for bad in ["interval_days", "=7", "x=7,,28", "x=28,7", "x=a", "x=inf"] {
            #expect(throws: DataError.self, "\(bad)") { try ColumnRoles.band(parsing: bad) }
        }
    }
}
