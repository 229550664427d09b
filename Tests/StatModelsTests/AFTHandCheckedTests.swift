import Foundation
import NumericCore
import Regression
import Survival
import Testing

/// Closed-form cases, invariants and bad input for `ParametricAFT`.
/// Tolerances: 1e-8 relative for closed forms (R's stopping rule, relative log-likelihood change
/// <= 1e-9, leaves the estimates about 1e-10 relative from the exact MLE), 1e-7 for weighted vs
/// replicated fits (two separate Newton paths), 1e-12 or tighter for identities.
@Suite("Parametric AFT: closed forms and errors")
struct AFTHandCheckedTests {
    static let time: [Double] = [6, 6, 6, 7, 10, 13, 16, 22, 23, 6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35]
    static let event: [Bool] = [true, true, true, false, true, true, true, true, true,
                                false, false, false, false, false, false, false, false, false, false, false, false]
    static var ones: Matrix { Matrix(rows: time.count, columns: 1, repeating: 1) }

    static func close(_ a: Double, _ e: Double, tol: Double = 1e-8, _ what: String,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(abs(a - e) <= tol * max(abs(e), 1e-300), "\(what): expected \(e), got \(a)",
                sourceLocation: sourceLocation)
    }

    @Test("exponential without covariates: rate = events / total time")
    func exponentialClosedForm() throws {
        let fit = try ParametricAFT(distribution: .exponential).fit(x: Self.ones, time: Self.time, event: Self.event)
        let d = Double(Self.event.filter { $0 }.count)
        let total = Self.time.reduce(0, +)
        let rate = d / total
        #expect(fit.isConverged)
        Self.close(fit.coefficients[0], log(total / d), "log mean")
        Self.close(fit.variance[0, 0], 1 / d, "var = 1/d")
        Self.close(fit.logLikelihood, d * log(rate) - d, "loglik = d log(rate) - d")
        Self.close(fit.nullLogLikelihood, fit.logLikelihood, "null = model")
        #expect(fit.scaleEstimate == nil)
        #expect(fit.parameterCount == 1)
        Self.close(fit.aic, -2 * (d * log(rate) - d) + 2, "AIC")
        #expect(fit.likelihoodRatioTest.degreesOfFreedom == 0)
        #expect(fit.likelihoodRatioTest.pValue == 1)

        let median = try fit.predictMedian(profile: [1])
        let medianTime = try #require(median.estimate)
        Self.close(medianTime, log(2) / rate, "median")
        // R's se.fit is on the time scale: t · se(log t).
        Self.close(try #require(median.standardError) / medianTime, (1 / d).squareRoot(), "se(log median)")
        let s = try fit.predictSurvival(profile: [1], times: [0, 10])
        #expect(s[0].estimate == 1)
        Self.close(s[1].estimate, exp(-rate * 10), "S(10)")
        // RMST = (1 - e^{-rate tau}) / rate; d RMST / d log-mean = RMST - tau S(tau); var(log-mean) = 1/d.
        let tau = 20.0
        let rmst = try fit.predictRestrictedMean(profile: [1], tau: tau)
        let expected = (1 - exp(-rate * tau)) / rate
        Self.close(rmst.estimate, expected, "RMST")
        Self.close(rmst.standardError, abs(expected - tau * exp(-rate * tau)) / d.squareRoot(), tol: 1e-8, "se(RMST)")
    }

    @Test("Weibull without covariates: the median predicted is where S = 1/2")
    func weibullMeanOnly() throws {
        let fit = try ParametricAFT().fit(x: Self.ones, time: Self.time, event: Self.event)
        #expect(fit.isConverged)
        let median = try fit.predictMedian(profile: [1])
        let s = try fit.predictSurvival(profile: [1], times: [try #require(median.estimate)])
        Self.close(s[0].estimate, 0.5, tol: 1e-12, "S(median)")
        let shape = try #require(fit.scaleEstimate)
        Self.close(shape.shape * fit.scale, 1, tol: 1e-14, "shape = 1/scale")
    }

    @Test("frequency weights equal replicated rows")
    func weightsReplicate() throws {
        let n = Self.time.count
        let covariate = (0..<n).map { Double($0 % 4) }
        let x = try Matrix(rows: n, columns: 2, columnMajor: [Double](repeating: 1, count: n) + covariate)
        let weights = (0..<n).map { Double(1 + $0 % 2) }
        var rows: [Int] = []
        for i in 0..<n { rows += [Int](repeating: i, count: Int(weights[i])) }
        let xr = try Matrix(rows: rows.count, columns: 2,
                            columnMajor: [Double](repeating: 1, count: rows.count) + rows.map { covariate[$0] })
        for distribution in AFTDistribution.all {
            let spec = ParametricAFT(distribution: distribution)
            let weighted = try spec.fit(x: x, time: Self.time, event: Self.event, weights: weights)
            let replicated = try spec.fit(x: xr, time: rows.map { Self.time[$0] }, event: rows.map { Self.event[$0] })
            for j in weighted.parameters.indices {
                Self.close(weighted.parameters[j], replicated.parameters[j], tol: 1e-7, "\(distribution) theta[\(j)]")
                Self.close(weighted.variance[j, j], replicated.variance[j, j], tol: 1e-7, "\(distribution) var[\(j)]")
            }
            Self.close(weighted.logLikelihood, replicated.logLikelihood, tol: 1e-9, "\(distribution) loglik")
        }
    }

    @Test("Weibull hazard ratios are exp(-beta/sigma); exponential SEs equal the AFT ones")
    func hazardRatios() throws {
        let n = Self.time.count
        let covariate = (0..<n).map { Double($0 % 2) }
        let x = try Matrix(rows: n, columns: 2, columnMajor: [Double](repeating: 1, count: n) + covariate)
        let weibull = try ParametricAFT().fit(x: x, time: Self.time, event: Self.event)
        let hr = try #require(weibull.hazardRatios)
        #expect(hr.map(\.column) == [1])
        Self.close(hr[0].logHazardRatio, -weibull.coefficients[1] / weibull.scale, tol: 1e-14, "log HR")
        let exponential = try ParametricAFT(distribution: .exponential).fit(x: x, time: Self.time, event: Self.event)
        let ehr = try #require(exponential.hazardRatios)
        Self.close(ehr[0].standardError, exponential.coefficientTable[1].standardError, tol: 1e-14, "exp HR se")
        #expect(try ParametricAFT(distribution: .lognormal).fit(x: x, time: Self.time, event: Self.event)
            .hazardRatios == nil)
    }

    @Test("non-convergence is flagged, not thrown")
    func nonConvergence() throws {
        let file = try #require(try AFTFixtureFile.load("lung"))
        let c = try #require(file.cases.first { $0.distribution == "weibull" })
        let fit = try ParametricAFT(maxIterations: 1).fit(
            x: AFTReferenceTests.design(c), time: c.time.finite, event: c.status.integers.map { $0 == 1 })
        #expect(!fit.isConverged)
        #expect(fit.iterations == 1)
        #expect(fit.warnings.contains { $0.contains("did not converge") })
    }

    @Test("families are ranked by AIC")
    func comparison() throws {
        let file = try #require(try AFTFixtureFile.load("ovarian"))
        let c = file.cases[0]
        let fits = try ParametricAFT().compareDistributions(
            x: AFTReferenceTests.design(c), time: c.time.finite, event: c.status.integers.map { $0 == 1 })
        #expect(Set(fits.map(\.distribution.name)) == ["exponential", "weibull", "lognormal", "loglogistic"])
        #expect(zip(fits, fits.dropFirst()).allSatisfy { $0.aic <= $1.aic })
        let expectedAIC = file.cases.prefix(4).map(\.aic).sorted()
        for (fit, aic) in zip(fits, expectedAIC) { AFTReferenceTests.relative(fit.aic, aic, "ranked AIC") }
    }

    @Test("bad input throws a typed error that names the problem")
    func badInput() throws {
        let spec = ParametricAFT()
        #expect(throws: StatModelError.emptyInput(context: "ParametricAFT.fit(weibull)")) {
            try spec.fit(x: Matrix(rows: 0, columns: 1), time: [], event: [])
        }
        var time = Self.time
        time[2] = 0
        let zeroTime = #expect(throws: StatModelError.self) { try spec.fit(x: Self.ones, time: time, event: Self.event) }
        #expect(zeroTime?.description.contains("'time' is 0.0 at row 2") == true)
        let n = Self.time.count
        let a = (0..<n).map { Double($0 % 3) }
        let b = (0..<n).map { Double($0 % 5) }
        let constant = try Matrix(rows: n, columns: 3, columnMajor: [Double](repeating: 1, count: n) + a
            + [Double](repeating: 5, count: n))
        #expect(try DegenerateColumns(constant).constant == [2])
        #expect(try DegenerateColumns(constant).collinear.isEmpty)
        let constantError = #expect(throws: StatModelError.self) {
            try spec.fit(x: constant, time: Self.time, event: Self.event)
        }
        #expect(constantError?.description.contains("constant column(s) 2") == true)
        let collinear = try Matrix(rows: n, columns: 4, columnMajor: [Double](repeating: 1, count: n) + a + b
            + zip(a, b).map { 1 + $0 - 2 * $1 })
        let degenerate = try DegenerateColumns(collinear)
        #expect(degenerate.constant.isEmpty && degenerate.collinear == [3])
        let collinearError = #expect(throws: StatModelError.self) {
            try spec.fit(x: collinear, time: Self.time, event: Self.event)
        }
        #expect(collinearError?.description.contains("column(s) 3 collinear") == true)
        let zeroColumn = try Matrix(rows: n, columns: 2, columnMajor: [Double](repeating: 1, count: n)
            + [Double](repeating: 0, count: n))
        #expect(try DegenerateColumns(zeroColumn).constant == [1])
        #expect(try DegenerateColumns(Matrix(rows: n, columns: 3, columnMajor: [Double](repeating: 1, count: n) + a + b))
            .isEmpty)
        #expect(throws: StatModelError.lengthMismatch(context: "ParametricAFT.fit(weibull)", argument: "event",
                                                      expected: n, found: n - 1)) {
            try spec.fit(x: Self.ones, time: Self.time, event: Array(Self.event.dropLast()))
        }
        #expect(throws: StatModelError.self) {
            try spec.fit(x: Self.ones, time: Self.time, event: [Bool](repeating: false, count: n))
        }
        let fit = try spec.fit(x: Self.ones, time: Self.time, event: Self.event)
        #expect(throws: StatModelError.self) { try fit.predictQuantiles(profile: [1], probabilities: [1]) }
        #expect(throws: StatModelError.self) { try fit.predictSurvival(profile: [1, 2], times: [1]) }
        #expect(throws: StatModelError.self) { try fit.predictRestrictedMean(profile: [1], tau: 0) }
    }
}
