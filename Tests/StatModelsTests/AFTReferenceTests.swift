import Foundation
import NumericCore
import Regression
import Testing

/// `survreg` (survival 3.5-3) on lung, veteran, ovarian (incl. weights), rats and kidney (clustered) and
/// the bundled trial (clustered by patient), all four distributions where listed.
/// Tolerance: 1e-6 relative on coefficients, log(scale), model and robust SEs, log-likelihoods,
/// AIC/BIC, predicted quantiles and their SEs, survival and RMST (with its SE); the LR chi-squared to
/// 1e-6 of the log-likelihood; covariance elements to 1e-6 of √(v_ii v_jj); iterations exactly.
@Suite("Parametric AFT vs R survreg")
struct AFTReferenceTests {
    static let datasets = ["lung", "veteran", "ovarian", "rats", "kidney", "ketamine_trial"]
    static let tolerance = 1e-6

    static func relative(_ actual: Double, _ expected: Double, _ what: String,
                         sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(abs(actual - expected) <= tolerance * max(abs(expected), 1e-300),
                "\(what): expected \(expected), got \(actual)", sourceLocation: sourceLocation)
    }

    static func design(_ c: AFTFixtureCase) throws -> Matrix {
        let n = c.time.count
        return try Matrix(rows: n, columns: c.x.count, columnMajor: c.x.flatMap(\.finite))
    }

    static func fit(_ c: AFTFixtureCase) throws -> AFTFit {
        let distribution = try #require(AFTDistribution.named(c.distribution))
        return try ParametricAFT(distribution: distribution, robust: c.robust).fit(
            x: design(c), time: c.time.finite, event: c.status.integers.map { $0 == 1 },
            weights: c.weights?.finite, cluster: c.cluster?.integers)
    }

    @Test("coefficients, variance, log-likelihood", arguments: datasets)
    func estimates(dataset: String) throws {
        let file = try #require(try AFTFixtureFile.load(dataset))
        for c in file.cases {
            let fit = try Self.fit(c)
            #expect(fit.isConverged, "\(c.name) converged")
            #expect(fit.iterations == c.iter, "\(c.name) iterations \(fit.iterations) vs R \(c.iter)")
            let k = fit.parameterCount
            #expect(k == c.var.count, "\(c.name) parameter count")
            for (j, expected) in c.coef.finite.enumerated() {
                Self.relative(fit.coefficients[j], expected, "\(c.name) coef[\(j)]")
                Self.relative(fit.coefficientTable[j].standardError, c.var[j][j].squareRoot(), "\(c.name) se[\(j)]")
                Self.relative(fit.coefficientTable[j].timeRatio, exp(expected), "\(c.name) exp(coef)[\(j)]")
            }
            Self.relative(fit.scale, c.scale, "\(c.name) scale")
            if let logScale = c.log_scale {
                let s = try #require(fit.scaleEstimate)
                Self.relative(s.logScale, logScale, "\(c.name) log(scale)")
                Self.relative(s.standardError, c.var[k - 1][k - 1].squareRoot(), "\(c.name) se(log scale)")
            } else {
                #expect(fit.scaleEstimate == nil)
            }
            for i in 0..<k {
                for j in 0..<k {
                    let scale = (c.var[i][i] * c.var[j][j]).squareRoot()
                    #expect(abs(fit.variance[i, j] - c.var[i][j]) <= Self.tolerance * scale,
                            "\(c.name) var[\(i),\(j)] \(fit.variance[i, j]) vs \(c.var[i][j])")
                }
            }
            if let robust = c.robust_var {
                let v = try #require(fit.robustVariance)
                for i in 0..<k {
                    Self.relative(v[i, i].squareRoot(), robust[i][i].squareRoot(), "\(c.name) robust se[\(i)]")
                    for j in 0..<k {
                        let scale = (robust[i][i] * robust[j][j]).squareRoot()
                        #expect(abs(v[i, j] - robust[i][j]) <= Self.tolerance * scale, "\(c.name) robust var[\(i),\(j)]")
                    }
                }
                for j in 0..<fit.coefficients.count {
                    let r = try #require(fit.coefficientTable[j].robustStandardError)
                    Self.relative(r, robust[j][j].squareRoot(), "\(c.name) robust se table[\(j)]")
                }
            } else {
                #expect(fit.robustVariance == nil)
            }
            let loglik = c.loglik.finite
            Self.relative(fit.nullLogLikelihood, loglik[0], "\(c.name) loglik[1]")
            Self.relative(fit.logLikelihood, loglik[1], "\(c.name) loglik[2]")
            Self.relative(fit.nullCoefficients[0], c.icoef.finite[0], "\(c.name) icoef[1]")
            #expect(abs(fit.likelihoodRatioTest.statistic - c.chisq) <= Self.tolerance * abs(loglik[1]),
                    "\(c.name) chisq \(fit.likelihoodRatioTest.statistic) vs \(c.chisq)")
            #expect(fit.likelihoodRatioTest.degreesOfFreedom == c.df, "\(c.name) df")
            Self.relative(fit.aic, c.aic, "\(c.name) AIC")
            Self.relative(fit.bic, c.bic, "\(c.name) BIC")
            #expect(fit.n == c.time.count)
            #expect(fit.events == c.status.integers.filter { $0 == 1 }.count)
        }
    }

    @Test("predicted quantiles, survival and RMST", arguments: datasets)
    func predictions(dataset: String) throws {
        let file = try #require(try AFTFixtureFile.load(dataset))
        for c in file.cases {
            let fit = try Self.fit(c)
            let probs = c.probs.finite
            for profile in c.profiles {
                let x = profile.x.finite
                let quantiles = try fit.predictQuantiles(profile: x, probabilities: probs)
                for (i, q) in quantiles.enumerated() {
                    let (estimate, standardError) = (try #require(q.estimate), try #require(q.standardError))
                    let (lower, upper) = (try #require(q.lower), try #require(q.upper))
                    Self.relative(estimate, profile.quantile.fit.finite[i], "\(c.name) row \(profile.row) q\(probs[i])")
                    Self.relative(standardError, profile.quantile.se.finite[i],
                                  "\(c.name) row \(profile.row) se q\(probs[i])")
                    #expect(lower < estimate && estimate < upper)
                }
                let survival = try fit.predictSurvival(profile: x, times: c.times.finite)
                for (i, s) in survival.enumerated() {
                    let expected = profile.survival.finite[i]
                    #expect(abs(s.estimate - expected) <= Self.tolerance * expected + 1e-12,
                            "\(c.name) row \(profile.row) S(\(s.time)) \(s.estimate) vs \(expected)")
                    #expect(s.lower <= s.estimate && s.estimate <= s.upper)
                }
                let rmst = try fit.predictRestrictedMean(profile: x, tau: profile.rmst.tau)
                Self.relative(rmst.estimate, profile.rmst.estimate, "\(c.name) row \(profile.row) RMST")
                Self.relative(rmst.standardError, profile.rmst.se, "\(c.name) row \(profile.row) se RMST")
            }
        }
    }
}
