@testable import DataIO
import Foundation
import Survival
import Testing

/// What the baseline table withholds (identifiers, free text) and what it keeps verbatim (labels).
@Suite struct BaselineDeidentificationTests {
    static func source(rows: Int) -> SourceInfo {
        SourceInfo(file: "deid.csv", sha256: "", byteCount: 0, rowsRead: rows, delimiter: "comma")
    }

    /// A dataset of `codes.count` rows with one categorical column whose row i has `levels[codes[i]]`.
    static func dataset(name: String, levels: [String], codes: [Int], extra: [CovariateColumn] = []) -> SurvivalDataset {
        let n = codes.count
        let column = CovariateColumn(name: name, columnNumber: 2, values: .categorical(levels: levels, codes: codes.map { Int32($0) }))
        return SurvivalDataset(
            source: source(rows: n), time: (0..<n).map { Double($0 + 1) }, event: [Bool](repeating: true, count: n),
            covariates: [column] + extra)
    }

    static func dumped(_ table: BaselineTable) -> String {
        var text = ""
        dump(table, to: &text)
        return text
    }

    @Test func freeTextIsWithheldAndItsValuesAbsent() throws {
        let notes = (1...12).map { "Seen by Dr Example, patient \($0) reports nausea" }
        let data = Self.dataset(name: "notes", levels: notes, codes: Array(0..<12))
        let table = try BaselineCharacteristics(variables: ["notes"]).fit(data, by: nil)
        #expect(table.rows.isEmpty)
        #expect(table.withheld == [WithheldColumn(name: "notes", kind: .freeText(distinctValues: 12))])
        #expect(table.withheld.first?.reason == "free text or an identifier (12 distinct values)")
        let text = Self.dumped(table)
        #expect(text.contains("notes"))  // the name is listed
        for note in notes { #expect(!text.contains(note)) }
        #expect(!text.contains("Dr Example"))
    }

    @Test func tooManyLevelsIsWithheldUnlessAllowed() throws {
        // 13 levels over 130 rows (not mostly unique, but more than 12 levels).
        let levels = (0..<13).map { "L\($0)" }
        let data = Self.dataset(name: "site", levels: levels, codes: (0..<130).map { $0 % 13 })
        let table = try BaselineCharacteristics(variables: ["site"]).fit(data, by: nil)
        #expect(table.withheld == [WithheldColumn(name: "site", kind: .freeText(distinctValues: 13))])
        #expect(!Self.dumped(table).contains("L12"))
        let allowed = try BaselineCharacteristics(variables: ["site"], maximumLevels: 13).fit(data, by: nil)
        #expect(allowed.withheld.isEmpty)
        #expect(allowed.rows.first?.kind == .categorical(levels: levels, counts: [[Int](repeating: 10, count: 13)]))
    }

    @Test func mostlyUniqueRuleNeedsMoreThanHalf() throws {
        // 5 rows, 5 distinct values: few rows, but every one unique (a sparse notes column): withheld.
        let five = Self.dataset(name: "x", levels: ["a", "b", "c", "d", "e"], codes: [0, 1, 2, 3, 4])
        #expect(try BaselineCharacteristics(variables: ["x"]).fit(five, by: nil).withheld
            == [WithheldColumn(name: "x", kind: .freeText(distinctValues: 5))])
        // 4 rows, 2 distinct: half, shown.
        let pairs = Self.dataset(name: "x", levels: ["a", "b"], codes: [0, 1, 1, 0])
        #expect(try BaselineCharacteristics(variables: ["x"]).fit(pairs, by: nil).withheld.isEmpty)
        // 10 rows, 5 distinct: exactly half, shown.
        let half = Self.dataset(name: "x", levels: ["a", "b", "c", "d", "e"], codes: [0, 1, 2, 3, 4, 0, 1, 2, 3, 4])
        #expect(try BaselineCharacteristics(variables: ["x"]).fit(half, by: nil).withheld.isEmpty)
        // 10 rows, 6 distinct: more than half, withheld.
        let six = Self.dataset(
            name: "x", levels: ["a", "b", "c", "d", "e", "f"], codes: [0, 1, 2, 3, 4, 5, 0, 1, 2, 3])
        #expect(try BaselineCharacteristics(variables: ["x"]).fit(six, by: nil).withheld
            == [WithheldColumn(name: "x", kind: .freeText(distinctValues: 6))])
        // Missing values do not count as rows: 12 rows with 6 distinct is half (shown), but with two
        // of them missing, 6 distinct among 10 values is more than half (withheld).
        let levels = ["a", "b", "c", "d", "e", "f"]
        let full = Self.dataset(name: "x", levels: levels, codes: [0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5])
        #expect(try BaselineCharacteristics(variables: ["x"]).fit(full, by: nil).withheld.isEmpty)
        let sparse = Self.dataset(name: "x", levels: levels, codes: [0, 1, 2, 3, 4, 5, 0, 1, 2, 3, -1, -1])
        #expect(try BaselineCharacteristics(variables: ["x"]).fit(sparse, by: nil).withheld
            == [WithheldColumn(name: "x", kind: .freeText(distinctValues: 6))])
    }

    @Test func patientIDColumnIsAlwaysWithheld() throws {
        // Even with two levels, or numeric, the id column never shows.
        let ids = Self.dataset(name: "patient_id", levels: ["A-17", "B-22"], codes: [0, 0, 1, 1])
        let table = try BaselineCharacteristics(variables: ["patient_id"]).fit(ids, by: nil)
        #expect(table.rows.isEmpty)
        #expect(table.withheld == [WithheldColumn(name: "patient_id", kind: .patientIdentifier)])
        #expect(!Self.dumped(table).contains("A-17"))
        let numeric = CovariateColumn(name: "subject", columnNumber: 3, values: .numeric([101, 101, 102, 102]))
        let data = Self.dataset(name: "arm", levels: ["x"], codes: [0, 0, 0, 0], extra: [numeric])
        let custom = try BaselineCharacteristics(variables: ["subject"], idColumn: "subject").fit(data, by: nil)
        #expect(custom.withheld == [WithheldColumn(name: "subject", kind: .patientIdentifier)])
        #expect(!Self.dumped(custom).contains("101"))
        // Without an id column the numeric column is just a number.
        let optedIn = try BaselineCharacteristics(variables: ["subject"], idColumn: nil).fit(data, by: nil)
        #expect(optedIn.withheld.isEmpty)
        #expect(optedIn.rows.map(\.name) == ["subject"])
    }

    @Test func hostileLabelsAreKeptAsData() throws {
        let script = "<script>alert(1)</script>"
        let quoted = "\"&<>'\u{202E}\n"
        let grouping = Grouping(column: "dose", levels: [script, "low"], codes: [0, 0, 1, 1], scores: nil, isBanded: false)
        let base = Self.dataset(name: "route", levels: [quoted, "IV"], codes: [0, 1, 1, 0])
        let data = SurvivalDataset(
            source: base.source, time: base.time, event: base.event, groupings: [grouping], covariates: base.covariates)
        let table = try BaselineCharacteristics(variables: ["route"]).fit(data, by: grouping)
        #expect(table.groups.map(\.label) == [script, "low", "Overall"])
        #expect(table.rows.first?.kind == .categorical(levels: [quoted, "IV"], counts: [[1, 1], [1, 1], [2, 2]]))
    }

    /// End to end through the reader: a notes column of a CSV never reaches the table.
    @Test func freeTextFromACSVIsWithheld() throws {
        var csv = "patient_id,relief_days,relief_ended,arm,notes,pain\n"
        for i in 0..<20 {
            csv += "P\(i / 2),\(i + 1),1,\(i % 2 == 0 ? "high" : "low"),\"said \"\"call me on 555-01\(i)\"\"\",\(i % 7)\n"
        }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("baseline-deid-\(ProcessInfo.processInfo.processIdentifier).csv")
        try csv.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let roles = ColumnRoles(by: ["arm"], covariates: ["patient_id", "notes", "pain"])
        let data = try SurvivalDatasetReader(dialect: CSVDialect(), roles: roles).read(path: url.path)
        let table = try BaselineCharacteristics(variables: ["patient_id", "notes", "pain"])
            .fit(data, by: data.groupings.first)
        #expect(table.rows.map(\.name) == ["pain"])
        #expect(table.withheld == [
            WithheldColumn(name: "patient_id", kind: .patientIdentifier),
            WithheldColumn(name: "notes", kind: .freeText(distinctValues: 20)),
        ])
        #expect(table.groups.map(\.patients) == [10, 10, 10])
        let text = Self.dumped(table)
        #expect(!text.contains("555-01"))
        #expect(!text.contains("call me"))
    }
}
