import DataIO
import Foundation
import NumericCore
import Regression
import Testing

/// The standard Cox models of repeated infusions per patient (README "Repeated infusions per patient"),
/// fitted on the episodes Relief builds from the bundled infusion log, against R survival 3.5-3
/// (Reference/recurrent_cox.json from make_recurrent_fixtures.R): Andersen–Gill, Prentice–Williams–Peterson
/// gap time (strata by infusion, also capped at 4) and total time, and the marginal Wei–Lin–Weissfeld model.
/// The fits go through the Regression API as `relief fit cox` does (reader, formula, design, overlap
/// check, `CoxPH`); 1e-6 relative, as ``CountingProcessCoxTests``.
///
/// The files R read (Reference/recurrent_episodes.csv and recurrent_wlw.csv) are checked to be what the
/// library makes of data/infusion_log.csv today, so the fixtures cannot drift from the builder.
@Suite("Repeated infusions per patient (AG, PWP, WLW) vs R survival")
struct RecurrentEventsReferenceTests {
    struct Test: Decodable, Sendable {
        let statistic: Double
        let df: Int
        let p: Double
    }

    struct Tests: Decodable, Sendable {
        let likelihood_ratio, wald, score, robust_score: Test
    }

    struct Concordance: Decodable, Sendable {
        let concordance, std: Double
    }

    struct ZPH: Decodable, Sendable {
        let rows: [String]
        let chisq, df, p: [Double]
    }

    /// One case of recurrent_cox.json.
    struct Case: Decodable, Sendable {
        let name, data, time, event, formula, r_call: String
        let start: String?
        let strata_cap: Int?
        let reference_levels: [String: String]
        let columns: [String]
        let coef, naive_se, robust_se, loglik: [Double]
        let naive_var, `var`: [[Double]]
        let tests: Tests
        let n, nevent, iter, clusters: Int
        let concordance: Concordance
        let zph: ZPH
    }

    struct Fixture: Decodable, Sendable {
        let cases: [Case]
    }

    static let names = ["ag", "pwp_gap", "pwp_gap_capped", "pwp_total", "wlw"]
    static let tolerance = 1e-6
    static let infusionLog = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/infusion_log.csv").path

    static func reference(_ name: String, _ ext: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Reference"))
    }

    static func fixture(_ name: String) throws -> Case {
        let all = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: try reference("recurrent_cox", "json")))
        return try #require(all.cases.first { $0.name == name })
    }

    /// The fit of `c` on its committed file, as `relief fit cox FILE [--start S] --time T --event E
    /// --formula F --ref dose_group=low` does (with the strata capped when the case asks).
    static func fit(_ c: Case) throws -> (fit: CoxPHFit, data: RegressionData) {
        let path = try reference(c.data == "wlw" ? "recurrent_wlw" : "recurrent_episodes", "csv").path
        let formula = try Formula(c.formula)
        let roles = ColumnRoles(time: c.time, start: c.start, event: c.event, covariates: formula.variables)
        let dataset = try SurvivalDatasetReader(dialect: CSVDialect(delimiter: .comma), roles: roles).read(path: path)
        let design = try DesignMatrixBuilder(intercept: false, referenceLevels: c.reference_levels).build(formula, data: dataset)
        try dataset.checkNoOverlappingIntervals(separate: design.strata)
        var data = RegressionData(design: design, time: dataset.time, event: dataset.event, start: dataset.start)
        if let cap = c.strata_cap {
            // strata(pmin(infusion_number, cap)): the column's values (1, 2, ...) capped, as codes.
            let numbers = try #require(dataset.covariate(named: "infusion_number")?.numericValues)
            data.strata = numbers.map { Int(min($0, Double(cap))) - 1 }
        }
        return (try CoxPH(ties: .efron).fit(data), data)
    }

    @Test("coefficients, naive and robust variances, log-likelihoods, tests, concordance", arguments: names)
    func reference(name: String) throws {
        let c = try Self.fixture(name)
        let (fit, data) = try Self.fit(c)
        let tol = Self.tolerance
        #expect(fit.n == c.n && fit.events == c.nevent, "\(name): n \(fit.n), events \(fit.events)")
        #expect(fit.termNames == c.columns)
        #expect(fit.clusterCount == c.clusters)
        for j in c.coef.indices {
            SurvivalTolerance.expectRelative(fit.coefficients[j], c.coef[j], tolerance: tol, "\(name) coef[\(j)]")
            SurvivalTolerance.expectRelative(fit.standardErrors[j], c.naive_se[j], tolerance: tol, "\(name) se[\(j)]")
            SurvivalTolerance.expectRelative(try #require(fit.robustStandardErrors)[j], c.robust_se[j], tolerance: tol, "\(name) robust se[\(j)]")
        }
        Self.expectMatrix(fit.variance, c.naive_var, "\(name) naive var")
        Self.expectMatrix(try #require(fit.robustVariance), c.var, "\(name) robust var")
        SurvivalTolerance.expectRelative(fit.nullLogLikelihood, c.loglik[0], tolerance: tol, "\(name) loglik0")
        SurvivalTolerance.expectRelative(fit.logLikelihood, c.loglik[1], tolerance: tol, "\(name) loglik")
        Self.expectTest(fit.likelihoodRatioTest, c.tests.likelihood_ratio, "\(name) LR")
        Self.expectTest(fit.waldTest, c.tests.wald, "\(name) Wald (robust)")
        Self.expectTest(fit.scoreTest, c.tests.score, "\(name) score")
        Self.expectTest(try #require(fit.robustScoreTest), c.tests.robust_score, "\(name) robust score")
        #expect(fit.iterations == c.iter, "\(name) iterations: R \(c.iter), got \(fit.iterations)")
        SurvivalTolerance.expectRelative(fit.concordance.concordance, c.concordance.concordance, tolerance: tol, "\(name) C")
        SurvivalTolerance.expectRelative(fit.concordance.standardError, c.concordance.std, tolerance: tol, "\(name) C std")
        let zph = try CoxZPH().test(fit, x: data.x, time: data.time, event: data.event, strata: data.strata, start: data.start)
        let rows = zph.terms + [zph.global]
        #expect(rows.count == c.zph.rows.count, "\(name) zph rows")
        for (j, row) in zip(c.zph.chisq.indices, rows) {
            SurvivalTolerance.expectRelative(row.chiSquare, c.zph.chisq[j], tolerance: tol, "\(name) zph chisq \(row.term)")
            SurvivalTolerance.expectRelative(row.pValue, c.zph.p[j], tolerance: tol, "\(name) zph p \(row.term)")
        }
    }

    @Test("the files R read are what the library makes of data/infusion_log.csv (episodes, and the WLW layout with K = 4)")
    func committedFilesAreTheBuildersOutput() throws {
        let log = try InfusionLogReader(dialect: CSVDialect(delimiter: .comma), roles: InfusionLogRoles()).read(path: Self.infusionLog)
        let table = try EpisodeBuilder().build(log)
        let episodes = try Data(contentsOf: try Self.reference("recurrent_episodes", "csv"))
        #expect(Data(table.csvBytes()) == episodes, "regenerate recurrent_episodes.csv and recurrent_cox.json (make_recurrent_fixtures.R)")
        let wlw = try Data(contentsOf: try Self.reference("recurrent_wlw", "csv"))
        #expect(Data(try MarginalEventTable(table, events: 4).csvBytes()) == wlw, "regenerate recurrent_wlw.csv and recurrent_cox.json")
    }

    static func expectMatrix(_ actual: Matrix, _ expected: [[Double]], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let p = expected.count
        #expect(actual.rows == p && actual.columns == p, "\(what): shape", sourceLocation: sourceLocation)
        guard actual.rows == p, actual.columns == p else { return }
        for i in 0..<p {
            for j in 0..<p {
                // relative to sqrt(V_ii V_jj), as CoxReferenceTests
                let scale = max(abs(expected[i][j]), (abs(expected[i][i] * expected[j][j])).squareRoot())
                #expect(abs(actual[i, j] - expected[i][j]) <= tolerance * scale,
                        "\(what)[\(i),\(j)]: expected \(expected[i][j]), got \(actual[i, j])", sourceLocation: sourceLocation)
            }
        }
    }

    static func expectTest(_ actual: CoxPHTest, _ expected: Test, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        SurvivalTolerance.expectRelative(actual.statistic, expected.statistic, tolerance: tolerance, "\(what) statistic", sourceLocation: sourceLocation)
        SurvivalTolerance.expectRelative(actual.pValue, expected.p, tolerance: tolerance, "\(what) p", sourceLocation: sourceLocation)
        #expect(actual.degreesOfFreedom == expected.df, "\(what) df", sourceLocation: sourceLocation)
    }
}
