import Foundation
import NumericCore
import Regression
import Survival

extension EmaxAFT {
    /// Fits the two dose terms of ``EmaxAFTAlternative`` (linear, then `log(d + 0.01·max dose)`) as linear
    /// AFTs with an intercept and the covariates, and keeps the one with the smaller AIC (a tie keeps the
    /// linear term).
    ///
    /// Both are sub-models of the dose-level fit when the doses are levels, so they start from it: `β₀`,
    /// `β₁` by GLS of the level locations `γ̂` on `(1, h(d))` with `Cov(γ̂)`, `b` and `log σ` as there, and
    /// the intercept-only fit shared (R's starting values when there is no level fit).
    ///
    /// - Parameters:
    ///   - input: The Emax fit's data (covariates without intercept, dose, times, events, weights, clusters).
    ///   - dose: The doses.
    ///   - levels: The dose-level fit, or nil.
    /// - Returns: The alternative, or nil when the doses take a single value or neither fit succeeds.
    /// - Complexity: Two linear AFT fits with `p + 2` columns, a few Newton iterations each from the start.
    func alternative(_ input: RegressionData, dose: [Double], levels: EmaxDoseLevelFit?) -> EmaxAFTAlternative? {
        guard let first = dose.first, dose.contains(where: { $0 != first }) else { return nil }
        let offset = 0.01 * (dose.max() ?? 1)
        let model = ParametricAFT(distribution: distribution, robust: robust, confidenceLevel: confidenceLevel)
        var data = input
        data.dose = dose
        var fits: [(term: EmaxAFTAlternative.DoseTerm, fit: AFTFit)] = []
        for term in [EmaxAFTAlternative.DoseTerm.linear, .logarithmic(offset: offset)] {
            let start = levels.flatMap { Self.alternativeStart(term, levels: $0, offset: offset) }
            if let fit = try? DoseTermAFT(doseTerm: term, model: model).fit(data, start: start) { fits.append((term, fit)) }
        }
        guard let chosen = fits.min(by: { $0.fit.aic < $1.fit.aic }) else { return nil }
        return EmaxAFTAlternative(
            doseTerm: chosen.term, fit: chosen.fit,
            candidates: fits.map {
                EmaxAFTAlternative.Candidate(doseTerm: $0.term, logLikelihood: $0.fit.logLikelihood, aic: $0.fit.aic,
                                             isConverged: $0.fit.isConverged)
            })
    }

    /// `(β₀, β₁, b, [log σ])` for the dose term `term` from the dose-level fit, with its null fit.
    static func alternativeStart(_ term: EmaxAFTAlternative.DoseTerm, levels: EmaxDoseLevelFit,
                                 offset: Double) -> AFTStart? {
        let model: DoseModel = term == .linear ? .linear : .linlog
        guard let data = try? DoseFitData.general(doses: levels.doses, estimates: levels.locations,
                                                  covariance: symmetrised(levels.covariance)),
              let fitted = try? DoseResponseFit(models: []).profile(model, data: data, nonlinear: [], offset: offset),
              fitted.beta.count == 2, fitted.beta.allSatisfy(\.isFinite)
        else { return nil }
        return AFTStart(parameters: fitted.beta + levels.coefficients + (levels.logScale.map { [$0] } ?? []),
                        nullLogLikelihood: levels.nullLogLikelihood, nullParameters: levels.nullParameters)
    }

    /// `(A + Aᵀ)/2`.
    static func symmetrised(_ a: Matrix) -> Matrix {
        var s = a
        for j in 0..<a.columns {
            for i in 0..<min(j, a.rows) {
                let mean = (a[i, j] + a[j, i]) / 2
                s[i, j] = mean
                s[j, i] = mean
            }
        }
        return s
    }
}
