import DataIO
import Foundation
import NumericCore
import Regression
import Survival
import Testing

/// The `frailty()` special: parsed as a grouping (no design column), one per formula, refused in an
/// interaction, with two columns, and on the `cluster()` column; the groups numbered in sorted order of
/// their ids; the model refuses what it does not fit.
@Suite("frailty() formula term and the frailty model's refusals")
struct FrailtyFormulaTests {
    @Test("frailty(col) is a special: not a term, its column read")
    func parses() throws {
        let f = try Formula("dose_group + interval_days + frailty(patient_id)")
        #expect(f.terms.map(\.label) == ["dose_group", "interval_days"])
        #expect(f.frailtyColumn == "patient_id")
        #expect(f.variables.contains("patient_id"))
        #expect(!f.termColumns.contains("patient_id"))
        #expect(f.description == "dose_group + interval_days + frailty(patient_id)")
    }

    @Test("refusals: two frailties, an interaction, two columns, inside a function, the cluster column",
          arguments: ["a + frailty(p) + frailty(q)", "a + frailty(p):a", "a + frailty(p, q)", "a + log(frailty(p))",
                      "a + frailty(p) + cluster(p)"])
    func refuses(formula: String) {
        #expect(throws: FormulaError.self) { try Formula(formula) }
    }

    @Test("the same frailty twice is one term, as in R")
    func repeated() throws {
        #expect(try Formula("a + frailty(p) + frailty(p)").frailtyColumn == "p")
    }

    static func data(_ ids: [String]) throws -> RegressionData {
        let n = ids.count
        let x = try Matrix(rows: n, columns: 1, columnMajor: (0..<n).map { Double($0 % 3) })
        var data = RegressionData(x: x, time: (0..<n).map { Double($0 + 1) }, event: (0..<n).map { $0 % 4 != 0 })
        let labels = Array(Set(ids)).sorted()
        data.frailty = FrailtyGroups(column: "id", codes: ids.map { labels.firstIndex(of: $0) ?? 0 }, labels: labels)
        return data
    }

    @Test("one group and entries not below their stop are refused; fewer groups and weights on (start, stop] rows fitted")
    func modelRefusals() throws {
        let few = try Self.data((0..<20).map { "P\($0 % 5)" })
        #expect(try FrailtyCoxPH(distribution: .gaussian).fit(few).isSparse == false)
        let one = try Self.data((0..<20).map { _ in "P" })
        #expect(throws: StatModelError.self) { try FrailtyCoxPH().fit(one) }
        var weighted = try Self.data((0..<20).map { "P\($0 % 7)" })
        weighted.weights = (0..<20).map { 1 + Double($0 % 2) }
        #expect(try FrailtyCoxPH(distribution: .gaussian).fit(weighted).isWeighted)
        // Weights on (start, stop] rows are fitted: entered at 0, the right-censored weighted fit.
        let rightCensored = try FrailtyCoxPH().fit(weighted)
        weighted.start = [Double](repeating: 0, count: 20)
        let entered = try FrailtyCoxPH().fit(weighted)
        #expect(entered.isWeighted && abs(entered.logLikelihood - rightCensored.logLikelihood) <= 1e-9 * abs(rightCensored.logLikelihood))
        weighted.start = nil
        weighted.weights?[3] = .infinity
        #expect(throws: StatModelError.self) { try FrailtyCoxPH().fit(weighted) }
        var entry = try Self.data((0..<20).map { "P\($0 % 7)" })
        entry.start = entry.time
        #expect(throws: StatModelError.self) { try FrailtyCoxPH().fit(entry) }
        entry.start = [Double](repeating: 0, count: 20)
        #expect(throws: Never.self) { try FrailtyCoxPH().fit(entry) }
        var none = try Self.data((0..<20).map { "P\($0 % 7)" })
        none.frailty = nil
        #expect(throws: StatModelError.self) { try FrailtyCoxPH().fit(none) }
        var bad = try Self.data((0..<20).map { "P\($0 % 7)" })
        bad.frailty = FrailtyGroups(column: "id", codes: [Int](repeating: 9, count: 20), labels: (0..<7).map { "P\($0)" })
        #expect(throws: StatModelError.self) { try FrailtyCoxPH().fit(bad) }
    }

    @Test("the design numbers groups in sorted order of the ids (R's fit$frail order)")
    func groupOrder() throws {
        let csv = "time,status,x,id\n1,1,0,b\n2,0,1,a\n3,1,0,c\n4,1,1,a\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("frailty-order-\(UUID().uuidString).csv")
        try Data(csv.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let formula = try Formula("x + frailty(id)")
        let dataset = try SurvivalDatasetReader(
            dialect: CSVDialect(delimiter: .comma), roles: ColumnRoles(time: "time", event: "status", covariates: formula.variables)
        ).read(path: url.path)
        let design = try DesignMatrixBuilder(intercept: false).build(formula, data: dataset)
        let groups = try #require(design.frailty)
        #expect(groups.labels == ["a", "b", "c"])
        #expect(groups.codes == [1, 0, 2, 0])
        #expect(design.columns == 1)
    }
}
