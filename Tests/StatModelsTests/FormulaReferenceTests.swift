import Foundation
import Regression
import Testing

/// Design matrices against R's model.matrix (Reference/make_formula_fixtures.R).
/// Names and assign exactly; values to 1e-10 (absolute, relative for |value| > 1).
@Suite struct FormulaReferenceTests {
    static let tolerance = 1e-10

    static var cases: [(file: String, name: String)] {
        var all: [(String, String)] = []
        for file in ["formula_trial", "formula_lung"] {
            guard let fixture = try? FormulaFixtureFile.load(file) else { continue }
            all += fixture.cases.map { (file, $0.name) }
        }
        return all
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test func fixturesArePresent() throws {
        #expect(try FormulaFixtureFile.load("formula_trial").cases.count >= 15)
        #expect(try FormulaFixtureFile.load("formula_lung").cases.count >= 2)
    }

    @Test(arguments: cases.map { "\($0.file)/\($0.name)" })
    func designMatchesR(_ id: String) throws {
        let parts = id.split(separator: "/").map(String.init)
        let fixture = try FormulaFixtureFile.load(parts[0])
        let c = try #require(fixture.cases.first { $0.name == parts[1] })
        let formula = try Formula(c.formula)
        if let labels = c.term_labels { #expect(formula.terms.map(\.label) == labels.values) }
        let data = try FormulaFixtureData.read(fixture.dataset, covariates: formula.variables)
        #expect(data.rowsUsed == c.n)

        // AFT: with the intercept, as model.matrix.
        let design = try DesignMatrixBuilder(intercept: true, referenceLevels: c.ref).build(formula, data: data)
        #expect(design.termNames == c.colnames.values)
        #expect(design.assign.map { $0 + 1 } == c.assign.integers)
        #expect(design.rows == c.n)
        let p = design.columns
        try #require(p == c.colnames.values.count)
        for (i, row) in c.head.enumerated() {
            for j in 0..<p where !Self.close(design.x[i, j], row.finite[j]) {
                Issue.record("\(c.name): x[\(i), \(design.termNames[j])] = \(design.x[i, j]), R \(row.finite[j])")
            }
        }
        for j in 0..<p {
            var sum = 0.0
            var squares = 0.0
            for i in 0..<design.rows {
                sum += design.x[i, j]
                squares += design.x[i, j] * design.x[i, j]
            }
            #expect(Self.close(sum, c.col_sums.finite[j]), "\(c.name): sum of \(design.termNames[j]) \(sum) vs R \(c.col_sums.finite[j])")
            #expect(Self.close(squares, c.col_sq_sums.finite[j]), "\(c.name): sum of squares of \(design.termNames[j])")
        }
        // Term bookkeeping covers every non-intercept column once, in order.
        #expect(design.terms.map(\.label) == formula.terms.map(\.label))
        #expect(design.terms.flatMap { Array($0.columns) } == Array(1..<p))

        // Cox: same coding, the intercept column dropped (as coxph).
        let cox = try DesignMatrixBuilder(intercept: false, referenceLevels: c.ref).build(formula, data: data)
        #expect(cox.termNames == Array(c.colnames.values.dropFirst()))
        #expect(cox.x.elements == Array(design.x.elements.dropFirst(design.rows)))
        #expect(cox.terms.flatMap { Array($0.columns) } == Array(0..<(p - 1)))

        if let levels = c.strata_levels, let head = c.strata_head {
            #expect(cox.strataLevels == levels.values)
            let strata = try #require(cox.strata)
            #expect(Array(strata.prefix(head.count)) == head.integers)
        } else {
            #expect(cox.strata == nil)
        }
        if let clusters = c.n_clusters {
            #expect(cox.clusterCount == clusters)
            #expect(cox.cluster?.count == c.n)
        }

        if let columns = c.at_columns, let at = c.at, let expected = c.profiles {
            let settings = try columns.values.map { column in
                ProfileSetting(column: column, values: try #require(at[column]).values)
            }
            let profiles = try design.profiles(settings)
            #expect(profiles.termNames == c.colnames.values)
            #expect(profiles.count == expected.count)
            for (i, row) in expected.enumerated() {
                for j in 0..<p where !Self.close(profiles.x[i, j], row.finite[j]) {
                    Issue.record("\(c.name): profile \(profiles.labels[i]) \(design.termNames[j]) = \(profiles.x[i, j]), R \(row.finite[j])")
                }
            }
        }
    }
}
