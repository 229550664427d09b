import DataIO
import Foundation
import NumericCore
import Regression
import Survival
import Testing

/// Shared-frailty Cox fits with case weights and with fewer than 6 groups against R survival 3.5-3
/// (Reference/frailty_weighted.json from make_frailty_weighted_fixtures.R, whose header explains the kinds):
///
/// - `exact` (weights on censored rows only) and `dense` (fewer than 6 groups, R's penalised factor, weighted
///   or not, with strata, on `(start, stop]` rows, weighted there too): every number at 1e-6 (relative; matrices relative to `sqrt(V_ii V_jj)`, frailties to the largest),
///   the outer and Newton iteration counts exactly;
/// - `replica` (integer weights on events, Breslow, gaussian): the weighted fit against R's fit on the rows
///   repeated w times, every number at 1e-6 and the iterations exactly, but not n and the event count;
/// - `estimate` (weights on events, gamma, where R's sparse diagonal lacks the weights): coefficients, θ, frailties,
///   log-likelihoods and the I-likelihood at 2e-5 (R's Newton path differs from ours, both stop at a relative
///   change of 1e-9 in the penalised log-likelihood); not var, var2, fvar, df.
@Suite("Shared frailty Cox with case weights or fewer than 6 groups vs R survival")
struct FrailtyWeightedReferenceTests {
    struct Extra: Decodable, Sendable {
        let name, kind: String
        let weights, start: String?
        let sparse: Bool
    }

    typealias Fixture = FrailtyCoxReferenceTests.ExtendedFixture<Extra>

    static let names = [
        "kidney_gamma_wcens", "kidney_gaussian_wcens", "trial_gamma_wcens", "kidney_gaussian_wint_breslow",
        "trial_gaussian_w_breslow", "kidney_gamma_wfrac", "kidney_disease4_gamma",
        "kidney_disease4_gaussian", "kidney_disease4_gamma_wfrac", "kidney_disease4_gaussian_wint_breslow",
        "trial_condition4_gaussian", "trial_condition4_gaussian_w", "trial_cotherapy3_gamma_w", "trial_route2_gamma_w",
        "trial_condition4_gaussian_strata_w", "episodes_condition4_gaussian",
        "episodes_gamma_wcens", "episodes_gaussian_wcens", "episodes_gaussian_wint_breslow",
        "episodes_condition4_gaussian_wint_breslow",
    ]

    static func fixture(_ name: String) throws -> (FrailtyCoxReferenceTests.Case, Extra) {
        let url = try #require(Bundle.module.url(forResource: "frailty_weighted", withExtension: "json", subdirectory: "Reference"))
        let all = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        let index = try #require(all.cases.firstIndex { $0.name == name })
        return (all.cases[index], all.extras[index])
    }

    /// The data of `c` with the weight column `weights` (the CSV written by the fixture script), or weights 1.
    static func data(_ c: FrailtyCoxReferenceTests.Case, weights: String?, start: String? = nil,
                     unitWeights: Bool = false) throws -> RegressionData {
        let file = c.data == "episodes" ? "recurrent_episodes" : "frailty_" + c.data
        let path = try #require(Bundle.module.url(forResource: file, withExtension: "csv", subdirectory: "Reference")).path
        let formula = try Formula(c.formula)
        var roles = ColumnRoles(time: c.time, event: c.event, covariates: formula.variables + (weights.map { [$0] } ?? []))
        roles.start = start
        let dataset = try SurvivalDatasetReader(dialect: CSVDialect(delimiter: .comma), roles: roles).read(path: path)
        let design = try DesignMatrixBuilder(intercept: false, referenceLevels: c.reference_levels).build(formula, data: dataset)
        var w = try weights.map { name in try #require(dataset.covariates.first { $0.name == name }?.numericValues) }
        if unitWeights { w = [Double](repeating: 1, count: dataset.time.count) }
        return RegressionData(design: design, time: dataset.time, event: dataset.event, weights: w, start: dataset.start)
    }

    /// The fit of `c` as the fixture's R call.
    static func fit(_ c: FrailtyCoxReferenceTests.Case, weights: String?, start: String? = nil,
                    unitWeights: Bool = false) throws -> FrailtyCoxPHFit {
        let distribution = try #require(FrailtyDistribution(rawValue: c.distribution))
        return try FrailtyCoxPH(ties: c.ties == "breslow" ? .breslow : .efron, distribution: distribution)
            .fit(try data(c, weights: weights, start: start, unitWeights: unitWeights))
    }

    @Test("every number of R's fit (exact, replica, dense) or its estimates (estimate)", arguments: names)
    func reference(name: String) throws {
        let (c, extra) = try Self.fixture(name)
        let fit = try Self.fit(c, weights: extra.weights, start: extra.start)
        #expect(fit.isSparse == extra.sparse)
        #expect(fit.isWeighted == (extra.weights != nil))
        switch extra.kind {
        case "exact", "dense":
            try FrailtyCoxReferenceTests.compare(fit, to: c)
        case "replica":
            try FrailtyCoxReferenceTests.compare(fit, to: c, rows: false)
        default:
            try Self.compareEstimates(fit, to: c, tolerance: 2e-5)
        }
    }

    /// The numbers that do not depend on the frailty diagonal: θ, coefficients, frailties, log-likelihoods.
    static func compareEstimates(_ fit: FrailtyCoxPHFit, to c: FrailtyCoxReferenceTests.Case, tolerance: Double) throws {
        func close(_ a: Double, _ b: Double, scale: Double = 0) -> Bool { abs(a - b) <= tolerance * max(abs(b), scale) }
        #expect(close(fit.theta, c.theta), "\(c.name) theta: R \(c.theta), got \(fit.theta)")
        for j in c.coef.indices {
            #expect(close(fit.coefficients[j], c.coef[j]), "\(c.name) coef[\(j)]: R \(c.coef[j]), got \(fit.coefficients[j])")
        }
        let largest = c.frail.map(abs).max() ?? 0
        for (g, (got, expected)) in zip(fit.frailties, c.frail).enumerated() {
            #expect(close(got, expected, scale: largest), "\(c.name) frail[\(g)]: R \(expected), got \(got)")
        }
        #expect(close(fit.nullLogLikelihood, c.loglik[0]) && close(fit.logLikelihood, c.loglik[1]),
                "\(c.name) loglik: R \(c.loglik), got \(fit.nullLogLikelihood), \(fit.logLikelihood)")
        if let expected = c.c_loglik {
            #expect(close(try #require(fit.marginalLogLikelihood), expected), "\(c.name) I-likelihood")
        }
    }

    @Test("weights all 1 give the unweighted fit (sparse and dense)", arguments: ["kidney_gamma_wfrac", "kidney_disease4_gamma"])
    func unitWeights(name: String) throws {
        let (c, _) = try Self.fixture(name)
        let plain = try Self.fit(c, weights: nil)
        let unit = try Self.fit(c, weights: nil, unitWeights: true)
        #expect(!unit.isWeighted)
        #expect(abs(unit.theta - plain.theta) <= 1e-12 * plain.theta)
        #expect(zip(unit.coefficients, plain.coefficients).allSatisfy { abs($0 - $1) <= 1e-12 * abs($1) })
        #expect(unit.variance.maxAbsoluteDifference(plain.variance).map { $0 <= 1e-12 } == true)
        #expect(unit.sandwichVariance.maxAbsoluteDifference(plain.sandwichVariance).map { $0 <= 1e-12 } == true)
        #expect(unit.newtonIterations == plain.newtonIterations)
    }

    /// Weighted Efron steps on `(start, stop]` rows carry the deaths' mean weight once, as R's `coxfit5` on
    /// right-censored rows: entering every row at 0 gives R's right-censored weighted fit (weights 0.9-1.1 on events,
    /// where R's `agfit5` on `Surv(0, time, status)` adds the weight again and differs; README).
    @Test("weights on (0, t] rows give R's right-censored weighted fit (Efron)", arguments: ["kidney_disease4_gamma_wfrac", "kidney_gamma_wcens"])
    func enteredAtZero(name: String) throws {
        let (c, extra) = try Self.fixture(name)
        var data = try Self.data(c, weights: extra.weights)
        data.start = data.time.map { _ in 0 }
        let distribution = try #require(FrailtyDistribution(rawValue: c.distribution))
        let fit = try FrailtyCoxPH(ties: .efron, distribution: distribution).fit(data)
        try FrailtyCoxReferenceTests.compare(fit, to: c)
    }

    @Test("a single group is refused") func refusals() throws {
        let (c, _) = try Self.fixture("kidney_disease4_gamma")
        let plain = try Self.data(c, weights: nil, unitWeights: true)
        var single = plain
        single.weights = nil
        let one = try #require(single.frailty)
        single.frailty = FrailtyGroups(column: one.column, codes: one.codes.map { _ in 0 }, labels: ["1"])
        #expect(throws: StatModelError.self) { try FrailtyCoxPH().fit(single) }
    }
}
