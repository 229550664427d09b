import NumericCore
import Regression
import Survival

/// A linear AFT in which the dose enters through one fixed term `h(d)` beside the design's covariates,
/// `log T = β₀ + β₁·h(d) + xᵀb + σW` (``EmaxAFTAlternative``'s model): the design gets an intercept and
/// the dose column in front of `x`, then ``ParametricAFT`` fits it (R's `survreg`, left truncation
/// included). As a ``SurvivalRegressionModel`` it refits the alternative without a covariate term for the
/// per-term tests of a fit whose ED50 is not identified.
public struct DoseTermAFT: SurvivalRegressionModel {
    /// The dose term.
    public var doseTerm: EmaxAFTAlternative.DoseTerm
    /// The AFT it fits.
    public var model: ParametricAFT

    /// Creates the model.
    /// - Parameters:
    ///   - doseTerm: `h(d)`.
    ///   - model: The configured linear AFT (family, robust variance, level).
    public init(doseTerm: EmaxAFTAlternative.DoseTerm, model: ParametricAFT) {
        self.doseTerm = doseTerm
        self.model = model
    }

    /// The linear AFT's data: columns `1`, `h(d)`, then `input`'s covariates (named `(Intercept)`,
    /// `h(dose)`'s label, then theirs), the doses moved into the design; times, events, weights,
    /// clusters and entry times unchanged.
    /// - Parameter input: Covariates without intercept and the doses (``RegressionData/dose``).
    /// - Returns: The data.
    /// - Throws: `.invalidArgument` without doses or with a dose count that differs from the rows.
    /// - Complexity: O(n·p).
    public func data(_ input: RegressionData) throws(StatModelError) -> RegressionData {
        let n = input.rows, p = input.x.columns
        guard let dose = input.dose, dose.count == n, input.x.rows == n else {
            throw .invalidArgument(context: "DoseTermAFT", message: "give the dose of every row (RegressionData.dose).")
        }
        var design = Matrix(rows: n, columns: 2 + p)
        design.elements.withUnsafeMutableBufferPointer { out in
            input.x.elements.withUnsafeBufferPointer { xs in
                for i in 0..<n {
                    out[i] = 1
                    out[n + i] = doseTerm.value(dose[i])
                }
                for j in 0..<(p * n) { out[2 * n + j] = xs[j] }
            }
        }
        return RegressionData(x: design, termNames: ["(Intercept)", doseTerm.label("dose")] + input.termNames,
                              time: input.time, event: input.event, weights: input.weights, cluster: input.cluster)
            .entering(at: input.start)
    }

    /// Fits the linear AFT with the dose term.
    /// - Parameter input: Covariates without intercept and the doses.
    /// - Returns: The AFT fit (coefficients in the order of ``data(_:)``).
    /// - Throws: As ``data(_:)`` and ``ParametricAFT/fit(_:)``.
    public func fit(_ input: RegressionData) throws(StatModelError) -> AFTFit {
        try model.fit(try data(input))
    }

    /// Fits it from a start (the alternative's warm start from the dose-level fit).
    package func fit(_ input: RegressionData, start: AFTStart?) throws(StatModelError) -> AFTFit {
        try model.fit(try data(input), start: start)
    }
}
