import Foundation
import NumericCore
import Survival

extension FrailtyCoxPHFit: SurvivalRegressionFit {
    /// The model as registered (`relief fit cox` with a `frailty()` term).
    public var modelName: String { "cox" }
    public var parameterNames: [String] { termNames }
    public var parameterEstimates: [Double] { coefficients }
    /// There is no cluster-robust variance; ``sandwichVariance`` is R's `var2`, shown beside `var`.
    public var robustVariance: Matrix? { nil }
    public var referenceLogLikelihood: Double? { nullLogLikelihood }
    /// The effective number of parameters: the sum of the degrees of freedom (R's `logLik.coxph`).
    public var parameterCount: Int {
        Int(exactly: (termDegreesOfFreedom.reduce(0, +) + frailtyDegreesOfFreedom).rounded()) ?? coefficients.count
    }
    public var clusterCount: Int? { nil }
    /// `−2 loglik + 2 Σdf`, with the effective degrees of freedom (not rounded).
    public var aic: Double { -2 * logLikelihood + 2 * (termDegreesOfFreedom.reduce(0, +) + frailtyDegreesOfFreedom) }
    /// `−2 loglik + log(events) Σdf`.
    public var bic: Double {
        events > 0 ? -2 * logLikelihood + log(Double(events)) * (termDegreesOfFreedom.reduce(0, +) + frailtyDegreesOfFreedom) : .nan
    }
    /// None in the shared vocabulary (whose degrees of freedom are whole numbers): the likelihood-ratio test
    /// on the effective df is ``likelihoodRatioTest``.
    public var tests: [RegressionTest] { [] }
    public var warningMessages: [String] { warnings }
    public var iterations: Int { newtonIterations }
    /// The penalised partial likelihood does not give per-term likelihood-ratio tests (Wald on `fit$var`).
    public var supportsLikelihoodRatioTests: Bool { false }
}

extension FrailtyCoxPH {
    /// Term tests refit the frailty model on each reduced design through ``fit(_:)`` (the default).
    public func maximizedLogLikelihoods(_ data: RegressionData, keeping subsets: [[Int]], from estimates: [Double]?)
        -> [Result<ReducedFit, StatModelError>]
    {
        subsets.map { kept in
            do throws(StatModelError) {
                let fit = try fit(data.keepingColumns(kept))
                return .success((fit.logLikelihood, fit.isConverged))
            } catch {
                return .failure(error)
            }
        }
    }
}
