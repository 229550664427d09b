import Foundation
import Testing
@testable import DataIO

@Suite struct EventCodingTests {
    @Test func oneZeroAndDecimalForms() throws {
        let data = try TestSupport.read(try TestSupport.fixture("events_decimal.csv"))
        #expect(data.event == [true, false, true, false])
    }

    @Test func yesNoIsAnErrorWithTheMappingOption() throws {
        let error = try #require(TestSupport.error(try TestSupport.fixture("events_yes_no.csv")))
        #expect(error.kind == .badData)
        #expect(error.line == 2)
        #expect(error.column == "relief_ended")
        #expect(error.columnNumber == 2)
        #expect(error.message.contains("'no', 'yes'"))
        #expect(error.hint?.contains("--event-codes ended=yes censored=no") == true)
    }

    @Test func trueFalseSuggestsItsOwnTokens() throws {
        let error = try #require(TestSupport.error(try TestSupport.fixture("events_true_false.csv")))
        #expect(error.line == 2)
        #expect(error.message.contains("'FALSE', 'TRUE'"))
        #expect(error.hint?.contains("--event-codes ended=TRUE censored=FALSE") == true)
    }

    @Test func oneTwoMentionsRsLegacyCoding() throws {
        let error = try #require(TestSupport.error(try TestSupport.fixture("events_one_two.csv")))
        #expect(error.line == 3)  // the first '2'
        #expect(error.message.contains("'1', '2'"))
        #expect(error.hint?.contains("R's legacy coding 1=censored 2=ended") == true)
        #expect(error.hint?.contains("--event-codes ended=2 censored=1") == true)
    }

    @Test func explicitCodesMapTokens() throws {
        let codes = EventCodes(ended: ["yes"], censored: ["no"])
        let data = try TestSupport.read(try TestSupport.fixture("events_yes_no.csv"), roles: ColumnRoles(eventCodes: codes))
        #expect(data.event == [true, false, true])
        #expect(data.exclusions == [Exclusion(line: 5, column: "relief_ended", reason: "missing relief_ended", isMissing: true)])
        let legacy = try TestSupport.read(
            try TestSupport.fixture("events_one_two.csv"), roles: ColumnRoles(eventCodes: EventCodes(ended: ["2"], censored: ["1"])))
        #expect(legacy.event == [false, true, true, false])
    }

    @Test func explicitCodesRejectOtherTokens() throws {
        let codes = EventCodes(ended: ["2"], censored: ["1"])
        let error = try #require(TestSupport.error(try TestSupport.fixture("events_decimal.csv"), roles: ColumnRoles(eventCodes: codes)))
        #expect(error.line == 2)
        #expect(error.message.contains("--event-codes"))
    }

    @Test func skipInvalidDoesNotHideAWrongCoding() throws {
        let error = try #require(TestSupport.error(try TestSupport.fixture("events_yes_no.csv"), roles: ColumnRoles(skipInvalid: true)))
        #expect(error.hint?.contains("--event-codes ended=yes censored=no") == true)
    }

    @Test func contradictoryCodesAreAUsageError() throws {
        let codes = EventCodes(ended: ["1", "x"], censored: ["x"])
        let error = try #require(TestSupport.error(try TestSupport.fixture("basic.csv"), roles: ColumnRoles(eventCodes: codes)))
        #expect(error.kind == .usage)
    }
}
