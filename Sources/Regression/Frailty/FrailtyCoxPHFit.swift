import Foundation
import NumericCore
import Survival

/// A fitted shared-frailty Cox model, holding what R's `coxph(... + frailty(id))` reports: the fixed
/// effects with both variances (`fit$var`, the inverse of the penalised information, and `fit$var2`, the
/// sandwich `H⁻¹ I H⁻¹`), the frailty variance θ, the per-group frailties (`fit$frail`) and their
/// variances (`fit$fvar`), the degrees of freedom per term (`fit$df`), the log-likelihoods
/// (`fit$loglik`; for gamma also the I-likelihood, `fit$history[[1]]$c.loglik`), and the iterations
/// (`fit$iter`: outer, Newton–Raphson in all).
public struct FrailtyCoxPHFit: Sendable, Equatable {
    /// The frailty's distribution, ties method and confidence level.
    public let distribution: FrailtyDistribution
    public let ties: CoxPH.Ties
    public let confidenceLevel: Double
    /// Fixed-effect names and estimates.
    public let termNames: [String]
    public let coefficients: [Double]
    /// R's `fit$var`: the fixed block of the inverse penalised information (its square-root diagonal is
    /// R's `se(coef)`).
    public let variance: Matrix
    /// R's `fit$var2` (its square-root diagonal is R's `se2`).
    public let sandwichVariance: Matrix
    /// The frailty column, its groups (sorted) and per group the log frailty and its variance.
    public let frailtyColumn: String
    public let groups: [String]
    public let frailties: [Double]
    public let frailtyVariances: [Double]
    /// Events per group.
    public let groupEvents: [Int]
    /// The variance of the random effect.
    public let theta: Double
    /// Whether the frailty was fitted as R's sparse term (``FrailtyCoxPH/minimumGroups`` groups or more) or, with
    /// fewer groups, as R's non-sparse penalised factor (the whole information kept; R's `sparse = nclass > 5`).
    public let isSparse: Bool
    /// Whether case weights other than 1 were given.
    public let isWeighted: Bool
    /// print.coxph.penal's frailty chi-squared: `Σ w_g² / fvar_g` (sparse), `wᵀ V_ff⁻¹ w` on the frailty block of
    /// `fit$var` (dense).
    public let frailtyChiSquared: Double
    /// Degrees of freedom of each fixed term (in design order), and of the frailty term.
    public let termDegreesOfFreedom: [Double]
    public let frailtyDegreesOfFreedom: Double
    /// Per fixed term, its label index in the design's terms (R's `assign`) and the columns it spans.
    public let termColumns: [[Int]]
    /// Partial log-likelihood with β = 0 and no frailty, and at the fit (frailties included, no penalty).
    public let nullLogLikelihood: Double
    public let logLikelihood: Double
    /// The penalised log-likelihood at the fit (R's `coxfit$loglik`).
    public let penalizedLogLikelihood: Double
    /// Gamma: the I-likelihood (the marginal likelihood); nil for gaussian.
    public let marginalLogLikelihood: Double?
    /// Rows, events, column means (the centring), outer and Newton iterations.
    public let n: Int
    public let events: Int
    public let means: [Double]
    public let outerIterations: Int
    public let newtonIterations: Int
    public let isConverged: Bool
    public let warnings: [String]
    /// The profile-likelihood interval of θ at ``confidenceLevel`` (gamma frailty: the θ whose I-likelihood
    /// is within χ²₁(level)/2 of ``marginalLogLikelihood``; ``FrailtyVarianceProfile``); nil for the gaussian
    /// frailty (R's REML search has no likelihood to profile) or when it could not be computed.
    public internal(set) var thetaInterval: ClosedRange<Double>?

    init(model: FrailtyCoxPH, names: [String], rows: FrailtyCoxRows, groups: FrailtyGroups, theta: Double,
         inner: _FrailtyInnerFit,
         df: FrailtyDegreesOfFreedom,
         assign: [Int]?, nullLogLikelihood: Double, marginal: Double?, iterations: (outer: Int, newton: Int),
         failedOuter: [Int], outerDone: Bool) throws(StatModelError) {
        distribution = model.distribution
        ties = model.ties
        confidenceLevel = model.confidenceLevel
        termNames = names
        coefficients = inner.beta
        variance = inner.information.variance
        sandwichVariance = df.sandwich
        frailtyColumn = groups.column
        self.groups = groups.labels
        frailties = inner.frailty
        frailtyVariances = df.frailtyVariance
        groupEvents = rows.groupEvents
        self.theta = theta
        frailtyDegreesOfFreedom = df.frailtyDF
        frailtyChiSquared = df.frailtyChiSquared
        isSparse = groups.count >= FrailtyCoxPH.minimumGroups
        isWeighted = rows.weight.contains { $0 != 1 }
        let columns = Self.termColumns(assign: assign, count: names.count)
        termColumns = columns
        termDegreesOfFreedom = try columns.map { cols throws(StatModelError) in
            try Self.degreesOfFreedom(variance: inner.information.variance, sandwich: df.sandwich, columns: cols)
        }
        self.nullLogLikelihood = nullLogLikelihood
        logLikelihood = inner.logLikelihood
        penalizedLogLikelihood = inner.penalizedLogLikelihood
        marginalLogLikelihood = marginal
        n = rows.n
        events = rows.event.filter { $0 }.count
        means = rows.means
        outerIterations = iterations.outer
        newtonIterations = iterations.newton
        isConverged = inner.isConverged && outerDone
        var warnings: [String] = []
        if !failedOuter.isEmpty {
            warnings.append("the inner Newton loop did not converge in \(model.maxIterations) iterations at outer "
                + "iteration(s) \(failedOuter.map(String.init).joined(separator: ", ")) (R warns the same)")
        }
        if !outerDone {
            warnings.append("the search for the frailty variance stopped after \(model.maxOuterIterations) outer "
                + "iterations without meeting its tolerance (R's outer.max); θ is the last value tried")
        }
        self.warnings = warnings
    }

    /// The columns of each term, in order of first appearance (each column its own term without `assign`).
    static func termColumns(assign: [Int]?, count: Int) -> [[Int]] {
        guard let assign, assign.count == count else { return (0..<count).map { [$0] } }
        var order: [Int] = []
        var columns: [Int: [Int]] = [:]
        for (j, term) in assign.enumerated() {
            if columns[term] == nil { order.append(term) }
            columns[term, default: []].append(j)
        }
        return order.map { columns[$0] ?? [] }
    }

    /// R's df of a fixed term: `tr(var_JJ⁻¹ var2_JJ)`.
    static func degreesOfFreedom(variance: Matrix, sandwich: Matrix, columns: [Int]) throws(StatModelError) -> Double {
        let k = columns.count
        var a = [Double](repeating: 0, count: k * k)
        var b = [Double](repeating: 0, count: k * k)
        for (jj, j) in columns.enumerated() {
            for (ii, i) in columns.enumerated() {
                a[ii + jj * k] = variance[i, j]
                b[ii + jj * k] = sandwich[i, j]
            }
        }
        do throws(LinearAlgebraError) {
            let solved = try Cholesky(try Matrix(rows: k, columns: k, columnMajor: a))
                .solve(try Matrix(rows: k, columns: k, columnMajor: b))
            return solved.diagonal.reduce(0, +)
        } catch {
            throw .undefinedStatistic(context: FrailtyCoxPH.fitContext, message: "the variance of a term is singular (\(error)).")
        }
    }

    /// Standard errors from ``variance`` (R's `se(coef)`) and ``sandwichVariance`` (R's `se2`).
    public var standardErrors: [Double] { variance.diagonal.map { $0.squareRoot() } }
    public var sandwichStandardErrors: [Double] { sandwichVariance.diagonal.map { $0.squareRoot() } }

    /// print.coxph.penal's frailty row: ``frailtyChiSquared`` on the frailty df (p-value on at least 0.5 df).
    public var frailtyTest: (chiSquared: Double, degreesOfFreedom: Double, pValue: Double) {
        let chi = frailtyChiSquared
        let df = frailtyDegreesOfFreedom
        return (chi, df, ChiSquared(degreesOfFreedom: max(df, 0.5)).survival(chi))
    }

    /// print.coxph.penal's "Likelihood ratio test": `2 (loglik − null)` on the total df rounded to 2 decimals.
    public var likelihoodRatioTest: (chiSquared: Double, degreesOfFreedom: Double, pValue: Double) {
        let chi = 2 * (logLikelihood - nullLogLikelihood)
        let df = ((termDegreesOfFreedom.reduce(0, +) + frailtyDegreesOfFreedom) * 100).rounded() / 100
        return (chi, df, ChiSquared(degreesOfFreedom: df).survival(chi))
    }

    /// The Wald chi-squared of each coefficient on `fit$var` (print's `Chisq`, 1 df each).
    public var waldChiSquared: [Double] {
        zip(coefficients, variance.diagonal).map { $0 * $0 / $1 }
    }
}
