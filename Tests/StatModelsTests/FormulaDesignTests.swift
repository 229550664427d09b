import DataIO
import Foundation
import NumericCore
import Regression
import Testing

@Suite struct FormulaDesignTests {
    /// Writes `text` to a temporary CSV and reads it with the formula's variables as covariates.
    private func dataset(_ text: String, formula: Formula, cluster: String? = nil) throws -> SurvivalDataset {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("formula-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("data.csv")
        try Data(text.utf8).write(to: url)
        let roles = ColumnRoles(id: nil, covariates: formula.variables + (cluster.map { [$0] } ?? []))
        return try SurvivalDatasetReader(dialect: CSVDialect(delimiter: .comma), roles: roles).read(path: url.path)
    }

    private static let small = """
        relief_days,relief_ended,dose,days,condition,site
        10,1,0.5,7,neuropathic,S2
        8,0,1.0,14,CRPS,S1
        9,1,1.5,28,other,S1
        7,1,0.5,0,CRPS,S3
        6,0,1.0,56,other,S2
        """

    private func designError(_ body: () throws(DesignMatrixError) -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> DesignMatrixError? {
        do {
            try body()
            Issue.record("expected a design error", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    @Test func treatmentCodingWithReferenceLevel() throws {
        let formula = try Formula("dose + condition")
        let data = try dataset(Self.small, formula: formula)
        let cox = try DesignMatrixBuilder(intercept: false).build(formula, data: data)
        #expect(cox.termNames == ["dose", "conditionneuropathic", "conditionother"])
        #expect(cox.x.elements == [0.5, 1, 1.5, 0.5, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1])
        #expect(cox.referenceLevels == ["condition": "CRPS"])
        let releveled = try DesignMatrixBuilder(intercept: true, referenceLevels: ["condition": "other"]).build(formula, data: data)
        #expect(releveled.termNames == ["(Intercept)", "dose", "conditionCRPS", "conditionneuropathic"])
        #expect(releveled.coding.factorLevels["condition"] == ["other", "CRPS", "neuropathic"])
        #expect(releveled.terms == [DesignTerm(label: "dose", columns: 1..<2), DesignTerm(label: "condition", columns: 2..<4)])
    }

    @Test func referenceOptionErrors() throws {
        let formula = try Formula("dose + condition")
        let data = try dataset(Self.small, formula: formula)
        let unknown = designError { () throws(DesignMatrixError) in
            _ = try DesignMatrixBuilder(intercept: true, referenceLevels: ["condition": "crps"]).build(formula, data: data)
        }
        #expect(unknown == .unknownReferenceLevel(column: "condition", level: "crps", levels: ["CRPS", "neuropathic", "other"]))
        #expect(unknown?.kind == .usage)
        #expect(unknown?.description.contains("the levels are 'CRPS', 'neuropathic', 'other'") == true)
        let numeric = designError { () throws(DesignMatrixError) in
            _ = try DesignMatrixBuilder(intercept: true, referenceLevels: ["dose": "1"]).build(formula, data: data)
        }
        #expect(numeric == .referenceForNumericColumn(column: "dose"))
        let absent = designError { () throws(DesignMatrixError) in
            _ = try DesignMatrixBuilder(intercept: true, referenceLevels: ["site": "S1"]).build(formula, data: data)
        }
        #expect(absent == .referenceColumnNotInFormula(column: "site", factors: ["condition"]))
        #expect(try DesignMatrixBuilder.reference(parsing: "condition=CRPS") == ("condition", "CRPS"))
        #expect(throws: DesignMatrixError.self) { try DesignMatrixBuilder.reference(parsing: "condition") }
        #expect(throws: DesignMatrixError.self) { try DesignMatrixBuilder.reference(parsing: "=CRPS") }
        #expect(throws: DesignMatrixError.self) { try DesignMatrixBuilder.reference(parsing: "condition=") }
    }

    @Test func nonFiniteTransformNamesTheLine() throws {
        let formula = try Formula("log(days)")
        let data = try dataset(Self.small, formula: formula)
        let error = designError { () throws(DesignMatrixError) in
            _ = try DesignMatrixBuilder(intercept: true).build(formula, data: data)
        }
        #expect(error == .nonFiniteValue(variable: "log(days)", row: 3, line: 5, value: -.infinity))
        #expect(error?.kind == .badData)
        #expect(error?.description.hasPrefix("log(days) is -Inf at line 5. log needs positive values") == true)
        // log1p is fine at zero.
        let ok = try DesignMatrixBuilder(intercept: true).build(try Formula("log1p(days)"), data: data)
        #expect(ok.x[3, 1] == 0)
    }

    @Test func textColumnInArithmeticIsAnError() throws {
        for text in ["log(condition)", "I(dose * condition)", "ns(condition, 2)"] {
            let formula = try Formula(text)
            let data = try dataset(Self.small, formula: formula)
            let error = designError { () throws(DesignMatrixError) in
                _ = try DesignMatrixBuilder(intercept: true).build(formula, data: data)
            }
            #expect(error == .factorInNumericExpression(variable: formula.factors[0].label, column: "condition"))
        }
    }

    @Test func columnsMustHaveBeenRead() throws {
        let formula = try Formula("dose + days")
        let data = try dataset(Self.small, formula: try Formula("dose"))
        let error = designError { () throws(DesignMatrixError) in
            _ = try DesignMatrixBuilder(intercept: true).build(formula, data: data)
        }
        #expect(error == .columnNotRead(column: "days"))
    }

    @Test func constantSplineArgumentIsAnError() throws {
        let formula = try Formula("ns(dose, df = 2)")
        let data = try dataset("relief_days,relief_ended,dose\n1,1,2\n2,0,2\n", formula: formula)
        let error = designError { () throws(DesignMatrixError) in
            _ = try DesignMatrixBuilder(intercept: true).build(formula, data: data)
        }
        #expect(error == .splineUndefined(variable: "ns(dose, df = 2)", reason: "its values are all equal"))
    }

    @Test func strataAndClusters() throws {
        let formula = try Formula("dose + strata(site) + cluster(condition)")
        let data = try dataset(Self.small, formula: formula)
        let design = try DesignMatrixBuilder(intercept: false).build(formula, data: data)
        #expect(design.termNames == ["dose"])
        #expect(design.strataLevels == ["S1", "S2", "S3"])
        #expect(design.strata == [1, 0, 0, 2, 1])
        #expect(design.cluster == [0, 1, 2, 1, 2])
        #expect(design.clusterCount == 3)
        #expect(design.clusterColumn == "condition")
        // A numeric strata column is labelled with its name; crossed strata keep the first slowest.
        let crossed = try Formula("dose + strata(days, site)")
        let d2 = try dataset(Self.small, formula: crossed)
        let c2 = try DesignMatrixBuilder(intercept: false).build(crossed, data: d2)
        #expect(c2.strataLevels == ["days=0, site=S3", "days=7, site=S2", "days=14, site=S1", "days=28, site=S1", "days=56, site=S2"])
        #expect(c2.strata == [1, 2, 3, 0, 4])
        // --cluster given outside the formula.
        let plain = try Formula("dose")
        let d3 = try dataset(Self.small, formula: plain, cluster: "site")
        let c3 = try DesignMatrixBuilder(intercept: false, clusterColumn: "site").build(plain, data: d3)
        #expect(c3.cluster == [0, 1, 1, 2, 0])
        #expect(c3.clusterCount == 3)
    }

    @Test func profilesCrossTheGivenValuesFirstSlowest() throws {
        let formula = try Formula("dose * condition + log(days + 1)")
        let data = try dataset(Self.small, formula: formula)
        let design = try DesignMatrixBuilder(intercept: true, referenceLevels: ["condition": "other"]).build(formula, data: data)
        let settings = try [
            ProfileSetting.parse("dose=0.5, 2"), ProfileSetting.parse("condition=CRPS,other"),
        ]
        let profiles = try design.profiles(settings, defaults: ["days": "13"])
        #expect(profiles.columns == ["dose", "condition", "days"])
        #expect(profiles.labels == [
            "dose=0.5, condition=CRPS, days=13", "dose=0.5, condition=other, days=13",
            "dose=2, condition=CRPS, days=13", "dose=2, condition=other, days=13",
        ])
        #expect(profiles.termNames == design.termNames)
        #expect(design.termNames == [
            "(Intercept)", "dose", "conditionCRPS", "conditionneuropathic", "log(days + 1)", "dose:conditionCRPS",
            "dose:conditionneuropathic",
        ])
        let expected: [[Double]] = [
            [1, 0.5, 1, 0, log(14), 0.5, 0], [1, 0.5, 0, 0, log(14), 0, 0],
            [1, 2, 1, 0, log(14), 2, 0], [1, 2, 0, 0, log(14), 0, 0],
        ]
        #expect(profiles.x == (try Matrix(rowMajor: expected)))
    }

    @Test func profileErrors() throws {
        let formula = try Formula("dose + condition + strata(site)")
        let data = try dataset(Self.small, formula: formula)
        let design = try DesignMatrixBuilder(intercept: false).build(formula, data: data)
        let missing = designError { () throws(DesignMatrixError) in _ = try design.profiles([ProfileSetting(column: "dose", values: ["1"])]) }
        #expect(missing == .missingProfileValue(columns: ["condition"]))
        let unknown = designError { () throws(DesignMatrixError) in _ = try design.profiles([ProfileSetting(column: "site", values: ["S1"])]) }
        #expect(unknown == .unknownProfileColumn(column: "site", needed: ["dose", "condition"]))
        let level = designError { () throws(DesignMatrixError) in
            _ = try design.profiles([ProfileSetting(column: "condition", values: ["crps"])], defaults: ["dose": "1"])
        }
        #expect(level == .unknownProfileLevel(column: "condition", value: "crps", levels: ["CRPS", "neuropathic", "other"]))
        let number = designError { () throws(DesignMatrixError) in
            _ = try design.profiles([ProfileSetting(column: "dose", values: ["high"])], defaults: ["condition": "CRPS"])
        }
        #expect(number == .profileValueNotANumber(column: "dose", value: "high"))
        let twice = designError { () throws(DesignMatrixError) in
            _ = try design.profiles([ProfileSetting(column: "dose", values: ["1"]), ProfileSetting(column: "dose", values: ["2"])])
        }
        #expect(twice == .repeatedProfileColumn(column: "dose"))
        let many = (0..<1001).map(String.init)
        let huge = designError { () throws(DesignMatrixError) in
            _ = try design.profiles([ProfileSetting(column: "dose", values: many)], defaults: ["condition": "CRPS"])
            _ = try design.profiles([
                ProfileSetting(column: "dose", values: many),
                ProfileSetting(column: "condition", values: [String](repeating: "CRPS", count: 1000)),
            ])
        }
        #expect(huge == .tooManyProfiles(count: 1_001_000))
        #expect(throws: DesignMatrixError.self) { try ProfileSetting.parse("dose") }
        #expect(throws: DesignMatrixError.self) { try ProfileSetting.parse("dose=1,,2") }
        #expect(try ProfileSetting.parse(" dose = 1 ,2 ") == ProfileSetting(column: "dose", values: ["1", "2"]))
    }

    @Test func splineKnotsAreRQuantiles() throws {
        // R: attr(ns(c(64, 1, 32, 2, 16, 4, 8), df = 3), "knots") = 4, 16 (quantile type 7; the
        // index 1 + 6 * (1/3) rounds to exactly 3).
        let skewed = try #require(NaturalSpline(x: [64, 1, 32, 2, 16, 4, 8], degreesOfFreedom: 3))
        #expect(skewed.knots == [4, 16])
        #expect(skewed.lowerBoundary == 1)
        #expect(skewed.upperBoundary == 64)
        #expect(NaturalSpline(x: [1, 1], degreesOfFreedom: 2) == nil)
        #expect(NaturalSpline(x: [], degreesOfFreedom: 2) == nil)
        #expect(NaturalSpline(x: [1, .nan], degreesOfFreedom: 2) == nil)
    }

    @Test func splineBasisAndExtrapolationMatchR() throws {
        // R: ns(1:10, df = 3)[c(1, 5, 10), ] and predict(ns(1:10, df = 3), c(-5, 20)), printed with 17 digits.
        let spline = try #require(NaturalSpline(x: (1...10).map(Double.init), degreesOfFreedom: 3))
        #expect(spline.knots == [4, 7])
        let expected: [(Double, [Double])] = [
            (1, [0, 0, 0]),
            (5, [0.19747916583026515, 0.5186736136203155, -0.33960956957403754]),
            (10, [-0.14285714285714288, 0.4285714285714286, 0.71428571428571430]),
            (-5, [0.50709255283710986, -1.5212776585113297, 1.0141851056742197]),
            (20, [-3.71428571428571441, 1.1428571428571435, 3.5714285714285712]),
        ]
        for (x, row) in expected {
            let got = spline.row(at: x)
            for j in 0..<3 { #expect(abs(got[j] - row[j]) <= 1e-13, "ns at \(x), column \(j + 1): \(got[j]) vs R \(row[j])") }
        }
        let basis = spline.basis([5, 10])
        #expect(basis.rows == 2 && basis.columns == 3)
        #expect(abs(basis[1, 2] - 0.71428571428571430) <= 1e-13)
    }
}
