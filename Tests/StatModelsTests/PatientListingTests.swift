@testable import DataIO
import Survival
import Testing

/// `PatientListing`: per-patient episodes, events and longest relief, counted by hand.
@Suite struct PatientListingTests {
    @Test func countsPerPatientInIdentifierOrder() throws {
        // Rows: B (7, event), A (3, censored), B (12, censored), A (5, event), C (1, event).
        let ids = CovariateColumn(name: "patient_id", columnNumber: 1, values: .categorical(levels: ["A", "B", "C"], codes: [1, 0, 1, 0, 2]))
        let groups = Grouping(column: "dose_group", levels: ["high", "low"], codes: [0, 1, 0, 1, 1], scores: nil, isBanded: false)
        let listing = try #require(
            PatientListing.make(ids: ids, time: [7, 3, 12, 5, 1], event: [true, false, false, true, true], grouping: groups))
        #expect(listing.idColumn == "patient_id")
        #expect(listing.groupColumn == "dose_group")
        #expect(listing.patients.map(\.id) == ["A", "B", "C"])
        #expect(listing.patients.map(\.episodes) == [2, 2, 1])
        #expect(listing.patients.map(\.events) == [1, 1, 1])
        #expect(listing.patients.map(\.longestRelief) == [5, 12, 1])
        #expect(listing.patients.map(\.group) == ["low", "high", "low"])
    }

    @Test func numericIdentifiersAreWrittenAsIntegers() throws {
        let ids = CovariateColumn(name: "id", columnNumber: 1, values: .numeric([101, 7, 101]))
        let listing = try #require(PatientListing.make(ids: ids, time: [1, 2, 3], event: [true, true, false], grouping: nil))
        #expect(listing.patients.map(\.id) == ["101", "7"])
        #expect(listing.patients.map(\.episodes) == [2, 1])
        #expect(listing.patients.allSatisfy { $0.group == nil })
    }

    @Test func mismatchedLengthsAndMissingCodesGiveNil() {
        let ids = CovariateColumn(name: "id", columnNumber: 1, values: .categorical(levels: ["A"], codes: [0, -1]))
        #expect(PatientListing.make(ids: ids, time: [1, 2], event: [true, true], grouping: nil) == nil)
        let short = CovariateColumn(name: "id", columnNumber: 1, values: .categorical(levels: ["A"], codes: [0]))
        #expect(PatientListing.make(ids: short, time: [1, 2], event: [true, true], grouping: nil) == nil)
    }
}
